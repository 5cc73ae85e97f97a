"""Road safety's reference data: the traffic articles of the Code of Administrative Offences."""

from precinct.core.reference import load_missing, read
from precinct.traffic.models import OffenceArticle


def load() -> dict[str, int]:
    return {"offence articles": load_missing(OffenceArticle, read("traffic", "offence_articles"))}
