"""The only way to change the crime register: each function validates, writes and audits at once."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.crimes.models import Crime, CriminalGroup, Participation, Person, Wanted
from precinct.crimes.rules import crime_errors, dated_errors, wanted_errors
from precinct.organisation.models import Body

DOMAIN = "crimes"


def lock_numbering(body_ids) -> None:
    """Serialise numbering per body: on PostgreSQL by locking the bodies' rows (SQLite's writers are
    serialised already, each transaction beginning IMMEDIATE)."""
    list(Body.objects.select_for_update().filter(pk__in=list(body_ids)).values_list("pk"))


def next_number(body: Body, year: int) -> int:
    """The next free registration number of a body in a year."""
    last = Crime.objects.filter(body=body, year=year).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def number_errors(crime: Crime) -> dict[str, list[str]]:
    taken = Crime.objects.filter(body=crime.body_id, year=crime.year, number=crime.number)
    if crime.pk:
        taken = taken.exclude(pk=crime.pk)
    if taken.exists():
        message = _("Number %(n)s is already registered by this body in %(y)s.") % {
            "n": crime.number,
            "y": crime.year,
        }
        return {"number": [message]}
    return {}


def crime_rules(crime: Crime) -> dict[str, list[str]]:
    if crime.registered_on:
        crime.year = crime.registered_on.year
    return crime_errors(crime) | number_errors(crime)


def number_taken() -> ValidationError:
    return ValidationError({"number": [_("This number was just taken by another registration; save again.")]})


@transaction.atomic
def register_crime(*, actor: Actor, values: dict) -> Crime:
    crime = Crime(**values)
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    lock_numbering([crime.body_id])
    if crime.registered_on and not crime.number:
        crime.number = next_number(crime.body, crime.registered_on.year)
    try:
        with transaction.atomic():
            return core.create(actor, crime, crime_rules)
    except IntegrityError:
        raise number_taken() from None


def edit_crime(*, actor: Actor, crime: Crime, values: dict, expected_version: int | None = None) -> Crime:
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    try:
        with transaction.atomic():
            return core.update(actor, crime, values, crime_rules, expected_version)
    except IntegrityError:
        raise number_taken() from None


@transaction.atomic
def delete_crime(*, actor: Actor, crime: Crime) -> None:
    """Delete a crime with its parties and group links, each removal audited."""
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    for participation in crime.parties.all():
        core.delete(actor, participation)
    for group in crime.groups.all():
        core.update(actor, group, {}, m2m={"crimes": group.crimes.exclude(pk=crime.pk)})
    core.delete(actor, crime)


def person_rules(person: Person) -> dict[str, list[str]]:
    return dated_errors("birth_date", person.birth_date, _("The date of birth"))


def register_person(*, actor: Actor, values: dict) -> Person:
    person = Person(**values)
    core.ensure_allowed(actor, DOMAIN, person.body.path)
    return core.create(actor, person, person_rules)


def edit_person(*, actor: Actor, person: Person, values: dict, expected_version: int | None = None) -> Person:
    core.ensure_allowed(actor, DOMAIN, person.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    return core.update(actor, person, values, person_rules, expected_version)


def add_party(*, actor: Actor, crime: Crime, person: Person, role: str) -> Participation:
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    core.ensure_visible(actor, "person", [person])
    if Participation.objects.filter(crime=crime, person=person, role=role).exists():
        raise ValidationError({"person": [_("This person already has this role in the crime.")]})
    return core.create(actor, Participation(crime=crime, person=person, role=role))


def remove_party(*, actor: Actor, participation: Participation) -> None:
    core.ensure_allowed(actor, DOMAIN, participation.crime.body.path)
    core.delete(actor, participation)


def open_search(*, actor: Actor, values: dict) -> Wanted:
    search = Wanted(**values)
    core.ensure_allowed(actor, DOMAIN, search.body.path)
    core.ensure_visible(actor, "person", [search.person])
    core.ensure_visible(actor, "crime", [search.crime])
    return core.create(actor, search, wanted_errors)


def edit_search(*, actor: Actor, search: Wanted, values: dict, expected_version: int | None = None) -> Wanted:
    core.ensure_allowed(actor, DOMAIN, search.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    for field in ("person", "crime"):
        if field in values and values[field] != getattr(search, field):
            core.ensure_visible(actor, field, [values[field]])
    return core.update(actor, search, values, wanted_errors, expected_version)


def group_rules(group: CriminalGroup) -> dict[str, list[str]]:
    return dated_errors("neutralized_on", group.neutralized_on, _("The date neutralized"))


def register_group(*, actor: Actor, values: dict, members=(), crimes=()) -> CriminalGroup:
    group = CriminalGroup(**values)
    core.ensure_allowed(actor, DOMAIN, group.body.path)
    core.ensure_visible(actor, "members", members)
    core.ensure_visible(actor, "crimes", crimes)
    return core.create(actor, group, group_rules, m2m={"members": members, "crimes": crimes})


def edit_group(
    *,
    actor: Actor,
    group: CriminalGroup,
    values: dict,
    members=None,
    crimes=None,
    expected_version: int | None = None,
) -> CriminalGroup:
    core.ensure_allowed(actor, DOMAIN, group.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    m2m = {}
    if members is not None:
        core.ensure_visible(actor, "members", members)
        m2m["members"] = core.keep_hidden(actor, group.members, members)
    if crimes is not None:
        core.ensure_visible(actor, "crimes", crimes)
        m2m["crimes"] = core.keep_hidden(actor, group.crimes, crimes)
    return core.update(actor, group, values, group_rules, expected_version, m2m=m2m)
