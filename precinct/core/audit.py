"""Writing audit entries: every change and every read of a personal record goes through here."""

import datetime
import decimal
from dataclasses import dataclass
from functools import cache

from django.db import models
from django.db.models.fields.files import FieldFile

from precinct.core.models import Action, AuditEntry, Via


@dataclass(frozen=True)
class Actor:
    """Who acts and through which interface; services take one instead of a bare user."""

    user: object
    via: str
    address: str | None = None

    @classmethod
    def from_request(cls, request, via: str = Via.WEB) -> "Actor":
        from precinct.core.addresses import client_address

        return cls(user=request.user, via=via, address=client_address(request))

    @classmethod
    def cli(cls, user) -> "Actor":
        return cls(user=user, via=Via.CLI)


def plain(value: object) -> object:
    """A JSON-friendly form of a field value."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # One moment, one text: a time read back from the database (UTC) and the same time from a form
        # (the ministry's zone) are not a change.
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name
    return value


# Never copied into the audit log: secrets, and bookkeeping that changes on its own.
NOT_AUDITED = {"created_at", "updated_at", "password", "last_login", "digest", "password_stamp"}


# Values that are JSON as they are: most of a record's fields, passed without the checks of `plain`.
AS_THEY_ARE = frozenset({str, int, bool, float, type(None)})


@cache
def audited_fields(model: type[models.Model]) -> list[tuple[str, str]]:
    """(name, attname) of the fields a snapshot copies."""
    return [(f.name, f.attname) for f in model._meta.concrete_fields if f.name not in NOT_AUDITED]


def snapshot(instance: models.Model) -> dict[str, object]:
    """The values of a record's own fields (foreign keys as ids), for the before/after of an entry."""
    values: dict[str, object] = {}
    for name, attname in audited_fields(type(instance)):
        value = getattr(instance, attname)
        values[name] = value if type(value) in AS_THEY_ARE else plain(value)
    for field in instance._meta.many_to_many:
        if instance.pk is not None:
            values[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return values


def entry(
    actor: Actor,
    action: str,
    instance: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEntry:
    """An unsaved audit entry, for callers that write many at once."""
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    return AuditEntry(
        user=user,
        username=getattr(user, "username", "") or "",
        via=actor.via,
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        before=before,
        after=after,
        address=actor.address,
        note=note,
    )


def record(actor: Actor, action: str, instance: models.Model, before=None, after=None, note="") -> AuditEntry:
    audit_entry = entry(actor, action, instance, before, after, note)
    audit_entry.save()
    return audit_entry


def record_read(actor: Actor, instance: models.Model, note: str = "") -> AuditEntry:
    """Reading a person's record is audited like a change."""
    return record(actor, Action.READ, instance, note=note)


def record_named(actor: Actor, people, on: models.Model) -> None:
    """People named on a page about another record (a crime's parties, a group's members): a read of each
    of them, saying where."""
    note = f"named on {on._meta.label_lower} {on.pk}"
    AuditEntry.objects.bulk_create([entry(actor, Action.READ, person, note=note) for person in people])


def history(instance: models.Model):
    """The audit entries of one record, newest first."""
    return AuditEntry.objects.filter(model=instance._meta.label_lower, object_id=str(instance.pk))


def record_export(actor: Actor, model: type[models.Model], count: int, query: str = "") -> AuditEntry:
    """An export of personal records is a read of each of them: one entry names the query and the count."""
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        user=user,
        username=getattr(user, "username", "") or "",
        via=actor.via,
        action=Action.READ,
        model=model._meta.label_lower,
        object_id="*",
        object_repr=f"export of {count} records",
        address=actor.address,
        note=query[:200],
    )


# What a record keeps for itself (its edit version, the step that cut a post short): not its history.
HIDDEN_IN_HISTORY = {"id", "version", "cut_by", "ended_before_cut"}
# Not changes: a record's history lists what was done to it, and says how often it was read.
NOT_CHANGES = [Action.READ, Action.USE]


def changes_of(instance: models.Model, parts: tuple = (), named_by: tuple = (), aliases: tuple = ()):
    """The entries that change one record (created, changed, deleted…), newest first, with those of the
    records that are parts of it (`parts`: querysets, a detention's safeguards and interrogations), of
    the records whose values name it (`named_by`: (model, field) pairs; those since deleted included, an
    employee's service steps taken back), and of the same record kept under another label (`aliases`:
    a proxy's, such as the personnel file of an employee)."""
    from django.db.models import Q

    condition = Q(model__in=[instance._meta.label_lower, *aliases], object_id=str(instance.pk))
    for records in parts:
        ids = [str(pk) for pk in records.values_list("pk", flat=True)]
        condition |= Q(model=records.model._meta.label_lower, object_id__in=ids)
    for model, field in named_by:
        naming = Q(**{f"after__{field}": instance.pk}) | Q(**{f"before__{field}": instance.pk})
        condition |= Q(model=model._meta.label_lower) & naming
    return AuditEntry.objects.filter(condition).exclude(action__in=NOT_CHANGES)


def reads_of(instance: models.Model) -> int:
    return history(instance).filter(action=Action.READ).count()


def moment(text: str) -> str:
    """A time as the audit log keeps it (ISO, UTC) in the ministry's zone, as every page shows times."""
    from django.utils import timezone

    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return text
    if value.tzinfo is not None:
        value = timezone.localtime(value)
    return f"{value:%d.%m.%Y %H:%M}"


def day(text: str) -> str:
    try:
        return f"{datetime.date.fromisoformat(text):%d.%m.%Y}"
    except ValueError:
        return text


def readable_changes(audit_entry: AuditEntry, user=None) -> list[tuple[str, str, str]]:
    """(field label, before, after) for display: choices by their label, related records by name.

    A related record the user cannot see is shown by its id only.
    """
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.translation import gettext as _

    try:
        model = apps.get_model(audit_entry.model)
    except (LookupError, ValueError):
        model = None
    names: dict[tuple[type, object], str] = {}

    def show(field, value) -> str:
        if value is None or value == "":
            return "—"
        if field is None:
            return str(value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if hasattr(field, "labels"):  # a set of choices
            return ", ".join(field.labels(value)) or "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(field, models.DateTimeField) and isinstance(value, str):
            return moment(value)
        if isinstance(field, models.DateField) and isinstance(value, str):
            return day(value)
        if field.is_relation:
            related = field.related_model
            values = value if isinstance(value, list) else [value]
            shown = []
            visible = related.objects.visible_to(user) if hasattr(related.objects, "visible_to") else None
            for pk in values:
                if (related, pk) not in names:
                    found = (
                        (visible if visible is not None else related._default_manager).filter(pk=pk).first()
                    )
                    names[(related, pk)] = str(found or f"#{pk}")
                shown.append(names[(related, pk)])
            return ", ".join(shown) or "—"
        return str(value)

    rows = []
    for name, before, after in audit_entry.changes():
        if name in HIDDEN_IN_HISTORY:
            continue
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        label = str(field.verbose_name) if field is not None else name
        rows.append((label, show(field, before), show(field, after)))
    return rows
