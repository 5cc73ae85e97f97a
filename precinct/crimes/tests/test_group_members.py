"""Members of the groups neutralized are counted as people: one in two groups counts once."""

import datetime

from precinct.conftest import body
from precinct.core.audit import Actor
from precinct.core.measures import Scope, from_records
from precinct.core.periods import Period
from precinct.crimes import services
from precinct.crimes.measures import MEMBERS
from precinct.crimes.models import GroupKind

Q1 = Period(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))


def test_a_person_in_two_groups_is_counted_once(nasimi_officer):
    actor = Actor.cli(nasimi_officer)
    people = [
        services.register_person(actor=actor, values={"body": body("baku-nasimi"), "surname": name,
                                                      "given_name": "A"})
        for name in ("Aliyev", "Guliyev", "Hasanov")
    ]  # fmt: skip
    for name, members in (("First", people[:2]), ("Second", people[1:])):
        services.register_group(
            actor=actor,
            values={"body": body("baku-nasimi"), "name": name, "kind": GroupKind.GENERAL,
                    "neutralized_on": datetime.date(2023, 2, 1)},
            members=members,
        )  # fmt: skip
    assert MEMBERS.value(Q1, Scope(body("mia"))) == 3  # not the four memberships
    with from_records():
        assert MEMBERS.value(Q1, Scope(body("baku"))) == 3
    # The records behind the figure are the people themselves, as many as it says.
    assert sorted(MEMBERS.queryset(Q1, Scope(body("mia"))).values_list("surname", flat=True)) == [
        "Aliyev",
        "Guliyev",
        "Hasanov",
    ]
