"""The appeals' reference data: subject categories, and the routing rules that come with them."""

from precinct.appeals.models import RoutingRule, Subject
from precinct.core.reference import load_missing, read
from precinct.organisation.models import Body


def load() -> dict[str, int]:
    rows = read("appeals", "subjects")
    fields = ("code", "name_en", "name_az", "name_ru", "needs_study")
    created = load_missing(
        Subject,
        rows,
        resolve=lambda row: {name: row[name] for name in fields} | {"public": row.get("public", True)},
    )
    rules = 0
    subjects = {subject.code: subject for subject in Subject.objects.all()}
    bodies = {body.code: body for body in Body.objects.all()}
    for row in rows:
        if not (row.get("competent") or row.get("authority")):
            continue
        if RoutingRule.objects.filter(subject=subjects[row["code"]], received_by=None).exists():
            continue  # kept as the administrators left it
        RoutingRule.objects.create(
            subject=subjects[row["code"]],
            competent_body=bodies.get(row.get("competent", "")),
            external_authority=row.get("authority", ""),
        )
        rules += 1
    return {"subject categories": created, "routing rules": rules}
