"""How crimes and persons are named in forms: a crime by body/year/number, a person by #id."""

import re

from precinct.core.references import Reference
from precinct.crimes.models import Crime, Person


def find_crime(queryset, key: str) -> Crime | None:
    match = re.fullmatch(r"([a-z0-9-]+)/([0-9]{4})/([0-9]{1,9})", key)
    if match is None:
        return None
    body, year, number = match.groups()
    return queryset.filter(body__code=body, year=int(year), number=int(number)).select_related("body").first()


def find_person(queryset, key: str) -> Person | None:
    match = re.fullmatch(r"#?([0-9]{1,18})", key)
    return queryset.filter(pk=int(match.group(1))).first() if match else None


def person_label(person: Person) -> str:
    born = f" ({person.birth_date:%d.%m.%Y})" if person.birth_date else ""
    return f"{person}{born}"


CRIME = Reference(
    Crime,
    key=lambda crime: crime.key,
    find=find_crime,
    search_fields=("number", "description", "place", "article__code"),
    label=lambda crime: f"{crime.article.code} {crime.registered_on:%d.%m.%Y}",
    related=("body", "article"),
)
PERSON = Reference(
    Person,
    key=lambda person: person.key,
    find=find_person,
    search_fields=("surname", "given_name", "patronymic", "id_number"),
    label=person_label,
    personal=True,
)
