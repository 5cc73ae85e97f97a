"""The only way to change the drugs' records: validate, normalize the quantity, write and audit at once."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.drugs.models import PreventionEvent, Seizure
from precinct.drugs.units import grade, grams

DOMAIN = "drugs"


def measured(seizure: Seizure) -> Seizure:
    """Fill in the seizure's grams and grade from what was entered."""
    substance = seizure.substance
    seizure.grams = grams(seizure.quantity, seizure.unit, substance.density)
    seizure.grade = grade(seizure.grams, substance.small, substance.large, substance.especially_large)
    return seizure


def seizure_errors(seizure: Seizure) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if seizure.quantity is not None and seizure.quantity <= 0:
        errors["quantity"] = [_("A quantity seized is more than zero.")]
    if seizure.seized_on and seizure.seized_on > timezone.localdate():
        errors["seized_on"] = [_("A seizure cannot be dated in the future.")]
    return errors


@transaction.atomic
def register_seizure(*, actor: Actor, values: dict, persons=()) -> Seizure:
    seizure = Seizure(**values)
    core.ensure_allowed(actor, DOMAIN, seizure.body.path)
    core.ensure_visible(actor, "crime", [seizure.crime])
    core.ensure_visible(actor, "persons", persons)
    core.ensure_valid(seizure_errors(seizure))
    return core.create(actor, measured(seizure), seizure_errors, m2m={"persons": persons})


@transaction.atomic
def edit_seizure(*, actor: Actor, seizure: Seizure, values: dict, expected_version: int | None = None,
                 persons=None) -> Seizure:  # fmt: skip
    core.ensure_allowed(actor, DOMAIN, seizure.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    core.ensure_visible(actor, "crime", [values.get("crime")])
    updated = Seizure(
        **{field.attname: getattr(seizure, field.attname) for field in Seizure._meta.concrete_fields}
    )
    for name, value in values.items():
        setattr(updated, name, value)
    measured(updated)  # on a copy: the service compares the record before and after
    values = values | {"grams": updated.grams, "grade": updated.grade}
    m2m = None if persons is None else {"persons": core.keep_hidden(actor, seizure.persons, persons)}
    return core.update(actor, seizure, values, seizure_errors, expected_version, m2m=m2m)


def event_errors(event: PreventionEvent) -> dict[str, list[str]]:
    if event.held_on and event.held_on > timezone.localdate():
        return {"held_on": [_("An event is recorded once it has been held.")]}
    return {}


def save_event(*, actor: Actor, values: dict, event: PreventionEvent | None = None,
               expected_version: int | None = None) -> PreventionEvent:  # fmt: skip
    body = values.get("body") or event.body
    core.ensure_allowed(actor, DOMAIN, body.path)
    if event is None:
        return core.create(actor, PreventionEvent(**values), event_errors)
    core.ensure_allowed(actor, DOMAIN, event.body.path)
    return core.update(actor, event, values, event_errors, expected_version)
