"""The generic write path every domain service builds on: validate, write, audit, in one transaction."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core import rollups
from precinct.core.audit import Actor, record, snapshot
from precinct.core.models import Action
from precinct.core.roles import CHANGE, can
from precinct.core.scope import ScopedModel, outside_its_body

Rules = Callable[[models.Model], dict[str, list[str]]]


def ensure_valid(errors: dict[str, list[str]]) -> None:
    """Raise a field-keyed ValidationError if any rule failed."""
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)


def ensure_rules(instance: models.Model, rules: Rules | None) -> None:
    """The record's own rules, and the one every dated record keeps: its day lies in its body's life."""
    errors = dict(rules(instance)) if rules else {}
    if isinstance(instance, ScopedModel):
        for field, reasons in outside_its_body(instance).items():
            errors[field] = [*errors.get(field, []), *reasons]
    ensure_valid(errors)


@transaction.atomic
def create(actor: Actor, instance: models.Model, rules: Rules | None = None, m2m: dict | None = None):
    """Save a new record after its rules pass, and audit it."""
    ensure_rules(instance, rules)
    instance.save()
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    record(actor, Action.CREATE, instance, None, snapshot(instance))
    rollups.changed(None, instance)
    return instance


@transaction.atomic
def update(
    actor: Actor,
    instance: models.Model,
    values: dict,
    rules: Rules | None = None,
    expected_version: int | None = None,
    m2m: dict | None = None,
):
    """Change a record's fields after its rules pass, refusing an edit made from a stale copy."""
    manager = type(instance)._default_manager
    current = manager.select_for_update().get(pk=instance.pk)
    original = manager.get(pk=instance.pk)  # kept unchanged, to take back out of the rollups
    if expected_version is not None and current.version != expected_version:
        raise ValidationError(
            {"version": [_("This record was changed by someone else since you opened it; reload it.")]}
        )
    before = snapshot(current)
    for name, value in values.items():
        setattr(current, name, value)
    ensure_rules(current, rules)
    if hasattr(current, "version"):
        current.version += 1
        current.updated_at = timezone.now()
    current.save()
    for name, related in (m2m or {}).items():
        getattr(current, name).set(related)
    after = snapshot(current)
    if after != before:
        record(actor, Action.UPDATE, current, before, after)
        rollups.changed(original, current)
    return current


@transaction.atomic
def delete(actor: Actor, instance: models.Model) -> None:
    before = snapshot(instance)
    record(actor, Action.DELETE, instance, before, None)
    try:
        with transaction.atomic():
            rollups.changed(instance, None)
            instance.delete()
    except ProtectedError as error:
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
        raise ValidationError(
            _("This record cannot be deleted while other records refer to it: %(kinds)s.")
            % {"kinds": ", ".join(kinds)}
        ) from None


def ensure_visible(actor: Actor, field: str, records) -> None:
    """Refuse related records (a person, a crime…) that the actor cannot see."""
    for related in records:
        if related is None:
            continue
        if not type(related).objects.visible_to(actor.user).filter(pk=related.pk).exists():
            raise ValidationError(
                {field: [_("No record “%(key)s” within your reach.") % {"key": related.pk}]}
            )


def keep_hidden(actor: Actor, linked, chosen) -> list:
    """The chosen records plus those already `linked` (a many-to-many manager) that the actor cannot see:
    an edit must not unlink what its author was never shown."""
    model = linked.model
    hidden = linked.exclude(pk__in=model.objects.visible_to(actor.user).values("pk"))
    return [*chosen, *hidden]


def ensure_allowed(actor: Actor, domain: str, body_path: str | None = None, field: str = "body") -> None:
    """Refuse a write the actor's role does not allow, or one for a body outside their reach."""
    if not can(actor.user, domain, CHANGE):
        raise PermissionDenied(_("Your role does not allow changes here."))
    if body_path is not None and not any(body_path.startswith(p) for p in actor.user.reach_paths()):
        raise ValidationError({field: [_("This territorial body is outside your reach.")]})
