"""Loading reference data (bodies, ranks, articles…) shipped as JSON files in an app's `data` folder,
and core's own: the working-day calendar."""

import json
from pathlib import Path

from django.apps import apps


def read(app_label: str, name: str) -> list[dict]:
    path = Path(apps.get_app_config(app_label).path) / "data" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def load_missing(model, rows: list[dict], key: str = "code", resolve=None) -> int:
    """Create the rows whose key is not there yet; rows already present keep any edits made to them."""
    existing = set(model.objects.values_list(key, flat=True))
    created = 0
    for row in rows:
        if row[key] in existing:
            continue
        values = resolve(row) if resolve else row
        model.objects.create(**values)
        created += 1
    return created


def load() -> dict[str, int]:
    """The calendar's public holidays, transferred rest days and working weekend days."""
    from precinct.core.models import CalendarDay, DayKind

    data = json.loads(
        (Path(__file__).resolve().parent / "data" / "calendar.json").read_text(encoding="utf-8")
    )
    rows = [
        {"date": day["date"], "kind": DayKind.HOLIDAY if day["kind"] == "holiday" else DayKind.REST,
         "name_en": day["name_en"][:300], "name_az": day.get("name_az", "")[:300]}
        for day in data["holidays"]
    ] + [
        {"date": day["date"], "kind": DayKind.WORKING, "name_en": day["note_en"][:300], "name_az": ""}
        for day in data["working_weekends"]
    ]  # fmt: skip
    existing = {day.isoformat() for day in CalendarDay.objects.values_list("date", flat=True)}
    missing = [CalendarDay(**row) for row in rows if row["date"] not in existing]
    CalendarDay.objects.bulk_create(missing)
    return {"calendar days": len(missing)}
