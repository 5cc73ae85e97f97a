"""The organisation's reference data: the tree of territorial bodies, ranks and positions."""

import datetime

from precinct.core.reference import load_missing, read
from precinct.organisation.models import Body, Position, Rank


def load() -> dict[str, int]:
    bodies: dict[str, Body] = {}

    def body(row: dict) -> dict:
        parent = row.get("parent")
        if parent and parent not in bodies:
            bodies[parent] = Body.objects.get(code=parent)
        founded = row.get("founded")
        return {
            "code": row["code"],
            "parent": bodies.get(parent) if parent else None,
            "kind": row["kind"],
            "name_az": row["name_az"],
            "name_en": row["name_en"],
            "name_ru": row["name_ru"],
            "founded": datetime.date.fromisoformat(founded) if founded else None,
        }

    ranks = [dict(row, seniority=index) for index, row in enumerate(read("organisation", "ranks"))]
    return {
        "bodies": load_missing(Body, read("organisation", "bodies"), resolve=body),
        "ranks": load_missing(Rank, ranks),
        "positions": load_missing(Position, read("organisation", "positions")),
    }
