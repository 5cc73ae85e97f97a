"""An API answer never names a related record out of the reader's reach, and a related id out of reach
is refused exactly as an id that does not exist."""

import datetime
from decimal import Decimal

from precinct.appeals.models import ReceptionDay
from precinct.conftest import api_for, body, register
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.crimes.models import Person
from precinct.drugs import services
from precinct.drugs.models import Substance


def test_a_seizure_names_only_the_crime_and_persons_in_reach(administrator, nasimi_officer):
    crime = register(administrator, body=body("ganja"))
    ganja = Person.objects.create(body=body("ganja"), surname="Guliyev", given_name="Samir")
    nasimi = Person.objects.create(body=body("baku-nasimi"), surname="Aliyev", given_name="Elchin")
    seizure = services.register_seizure(
        actor=Actor(administrator, Via.WEB),
        values={"seized_on": datetime.date(2023, 4, 2), "body": body("baku-nasimi"), "place": "Nizami street",
                "substance": Substance.objects.get(code="cannabis"), "quantity": Decimal("1"), "unit": "kg",
                "found_by": "search", "crime": crime},
        persons=[ganja, nasimi],
    )  # fmt: skip
    seen = api_for(nasimi_officer).get(f"/api/seizures/{seizure.pk}/").json()
    assert seen["crime"] is None and seen["persons"] == [nasimi.pk]
    listed = api_for(nasimi_officer).get("/api/seizures/").json()["results"]
    assert listed[0]["crime"] is None and listed[0]["persons"] == [nasimi.pk]
    whole = api_for(administrator).get(f"/api/seizures/{seizure.pk}/").json()
    assert whole["crime"] == crime.pk and sorted(whole["persons"]) == sorted([ganja.pk, nasimi.pk])


def test_a_reception_day_of_another_district_is_refused_as_one_that_does_not_exist(administrator):
    from precinct.appeals.tests.conftest import application_values
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    officer = make_user("nasimi-appeals-reach", Role.APPEALS_OFFICER, ["baku-nasimi"])
    day = ReceptionDay.objects.create(
        official="Minister", date=datetime.date(2023, 3, 14), body=body("ganja"), venue="Hall",
        announced_on=datetime.date(2023, 3, 1),
    )  # fmt: skip
    values = application_values()
    payload = {
        "received_on": "2023-03-14", "channel": "reception_day", "body": "baku-nasimi",
        "subject": values["subject"].code, "applicant_name": values["applicant_name"],
        "applicant_id_number": values["applicant_id_number"],
        "applicant_address": values["applicant_address"], "text": values["text"],
    }  # fmt: skip
    client = api_for(officer)
    theirs = client.post(
        "/api/applications/", payload | {"reception_day": day.pk}, content_type="application/json"
    )
    none = client.post(
        "/api/applications/", payload | {"reception_day": 10**9}, content_type="application/json"
    )
    assert theirs.status_code == none.status_code == 400
    assert theirs.json()["reception_day"][0].replace(str(day.pk), "N") == none.json()["reception_day"][
        0
    ].replace(str(10**9), "N")


def test_a_page_reads_the_reach_of_its_related_records_once_whatever_its_length(
    administrator, nasimi_officer
):
    """Which related records are in reach is read once per page and field, not once per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from precinct.crimes import services as crime_services

    def groups(count: int) -> int:
        for index in range(count):
            person = Person.objects.create(
                body=body("baku-nasimi"), surname=f"Member {index}", given_name="A"
            )
            crime_services.register_group(
                actor=Actor(administrator, Via.WEB),
                values={"body": body("baku-nasimi"), "name": f"Group {index}", "kind": "general",
                        "neutralized_on": datetime.date(2023, 3, 1)},
                members=[person], crimes=[register(administrator)],
            )  # fmt: skip
        client = api_for(nasimi_officer)
        with CaptureQueriesContext(connection) as queries:
            answer = client.get("/api/groups/?page_size=100")
        assert all(row["members"] and row["crimes"] for row in answer.json()["results"])
        return len(queries)

    assert groups(2) == groups(20)
