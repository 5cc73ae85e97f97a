"""The only way to change the crime register: each function validates, writes and audits at once."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.crimes.models import Crime, CriminalGroup, Participation, Person, Wanted
from precinct.crimes.rules import crime_errors, dated_errors, wanted_errors
from precinct.organisation.models import Body

DOMAIN = "crimes"


def next_number(body: Body, year: int) -> int:
    """The next free registration number of a body in a year."""
    last = Crime.objects.filter(body=body, year=year).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def number_errors(crime: Crime) -> dict[str, list[str]]:
    taken = Crime.objects.filter(body=crime.body_id, year=crime.year, number=crime.number)
    if crime.pk:
        taken = taken.exclude(pk=crime.pk)
    if taken.exists():
        return {
            "number": [
                _("Number %(n)s is already registered by this body in %(y)s.")
                % {"n": crime.number, "y": crime.year}
            ]
        }
    return {}


def crime_rules(crime: Crime) -> dict[str, list[str]]:
    if crime.registered_on:
        crime.year = crime.registered_on.year
    return crime_errors(crime) | number_errors(crime)


@transaction.atomic
def register_crime(*, actor: Actor, values: dict) -> Crime:
    crime = Crime(**values)
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    if crime.registered_on and not crime.number:
        crime.number = next_number(crime.body, crime.registered_on.year)
    return core.create(actor, crime, crime_rules)


def edit_crime(*, actor: Actor, crime: Crime, values: dict, expected_version: int | None = None) -> Crime:
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
    if "body" in values:
        core.ensure_allowed(actor, DOMAIN, values["body"].path)
    return core.update(actor, crime, values, crime_rules, expected_version)


def delete_crime(*, actor: Actor, crime: Crime) -> None:
    core.ensure_allowed(actor, DOMAIN, crime.body.path)
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
    return core.create(actor, Participation(crime=crime, person=person, role=role))


def remove_party(*, actor: Actor, participation: Participation) -> None:
    core.ensure_allowed(actor, DOMAIN, participation.crime.body.path)
    core.delete(actor, participation)


def open_search(*, actor: Actor, values: dict) -> Wanted:
    search = Wanted(**values)
    core.ensure_allowed(actor, DOMAIN, search.body.path)
    return core.create(actor, search, wanted_errors)


def edit_search(*, actor: Actor, search: Wanted, values: dict, expected_version: int | None = None) -> Wanted:
    core.ensure_allowed(actor, DOMAIN, search.body.path)
    return core.update(actor, search, values, wanted_errors, expected_version)


def group_rules(group: CriminalGroup) -> dict[str, list[str]]:
    return dated_errors("neutralized_on", group.neutralized_on, _("The date neutralized"))


def register_group(*, actor: Actor, values: dict, members=(), crimes=()) -> CriminalGroup:
    group = CriminalGroup(**values)
    core.ensure_allowed(actor, DOMAIN, group.body.path)
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
    m2m = {name: v for name, v in (("members", members), ("crimes", crimes)) if v is not None}
    return core.update(actor, group, values, group_rules, expected_version, m2m=m2m)
