"""The drugs' reference data: controlled substances with their class and legal thresholds."""

from precinct.core.reference import load_missing, read
from precinct.drugs.models import Substance


def load() -> dict[str, int]:
    def substance(row: dict) -> dict:
        names = {name: row[name] for name in ("code", "name_en", "name_az", "name_ru")}
        thresholds = {name: row.get(name) for name in ("small", "large", "especially_large", "density")}
        return names | thresholds | {"substance_class": row["class"]}

    return {"substances": load_missing(Substance, read("drugs", "substances"), resolve=substance)}
