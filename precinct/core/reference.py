"""Loading reference data (bodies, ranks, articles…) shipped as JSON files in an app's `data` folder."""

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
