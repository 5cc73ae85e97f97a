"""Changing road-safety records other than through the feed: each call checks reach, writes and audits."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.traffic.models import Accident, Device, Violation

DOMAIN = "traffic"


def accident_errors(accident: Accident) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if accident.occurred_at and accident.occurred_at > timezone.now():
        errors["occurred_at"] = [_("An accident cannot be recorded before it happens.")]
    if accident.vehicles is not None and accident.vehicles < 1:
        errors["vehicles"] = [_("An accident involves at least one vehicle.")]
    return errors


def save(actor: Actor, model, values: dict, record=None, expected_version=None, rules=None):
    """Create or change a record of a body in the actor's reach (and, when moved, into it)."""
    body = values.get("body") or record.body
    core.ensure_allowed(actor, DOMAIN, body.path)
    if record is None:
        return core.create(actor, model(**values), rules)
    core.ensure_allowed(actor, DOMAIN, record.body.path)
    return core.update(actor, record, values, rules, expected_version)


@transaction.atomic
def save_accident(*, actor: Actor, values: dict, accident: Accident | None = None, expected_version=None):
    return save(actor, Accident, values, accident, expected_version, accident_errors)


@transaction.atomic
def save_device(*, actor: Actor, values: dict, device: Device | None = None, expected_version=None):
    return save(actor, Device, values, device, expected_version)


@transaction.atomic
def set_payment(*, actor: Actor, violation: Violation, payment: str) -> Violation:
    core.ensure_allowed(actor, DOMAIN, violation.body.path)
    if payment not in ("unpaid", "paid", "cancelled"):
        raise ValidationError({"payment": [_("One of unpaid, paid, cancelled.")]})
    return core.update(actor, violation, {"payment": payment})
