"""The personnel API gives what the pages give: a course's participants (in reach, the read audited) and
enrolment, casualties by date, outcome and circumstances, and each post's unit and whether temporary."""

import datetime

import pytest

from precinct.conftest import api_for, body, make_user
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry, Via
from precinct.core.roles import Role
from precinct.personnel import services
from precinct.personnel.models import Outcome
from precinct.personnel.tests.test_personnel import hire


@pytest.fixture
def actor(db):
    return Actor(make_user("inspector-api", Role.INSPECTOR, ["mia"]), Via.WEB)


def course(actor, code: str = "mia"):
    return services.save_course(
        actor=actor,
        values={
            "title": "Human rights in custody", "kind": "seminar", "topic": "human_rights",
            "organiser_kind": "academy", "organiser": "Police Academy", "place": "Baku",
            "starts_on": datetime.date(2023, 2, 1), "ends_on": datetime.date(2023, 2, 3), "body": body(code),
        },
    )  # fmt: skip


def test_a_course_lists_its_participants_in_reach_and_enrols_through_the_api(actor):
    seminar = course(actor, "baku")  # Baku's seminar, open to employees from elsewhere
    nasimi, ganja = hire(actor, 1), hire(actor, 2, code="ganja")
    api = api_for(actor.user)
    for employee in (nasimi, ganja):
        answer = api.post(
            f"/api/courses/{seminar.pk}/participants/", {"employee": employee.pk}, format="json"
        )
        assert answer.status_code == 201, answer.json()
    again = api.post(f"/api/courses/{seminar.pk}/participants/", {"employee": nasimi.pk}, format="json")
    assert again.status_code == 400 and "employee" in again.json()
    listed = api.get(f"/api/courses/{seminar.pk}/participants/").json()["results"]
    assert sorted((row["personnel_number"], row["body"], row["result"]) for row in listed) == [
        ("T00001", "baku-nasimi", "completed"),
        ("T00002", "ganja", "completed"),
    ]
    baku = make_user("inspector-baku", Role.INSPECTOR, ["baku"])
    theirs = api_for(baku).get(f"/api/courses/{seminar.pk}/participants/").json()["results"]
    assert [row["personnel_number"] for row in theirs] == ["T00001"]  # Ganja's participant is out of reach
    read = AuditEntry.objects.filter(model="personnel.attendance", action="read").latest("pk")
    assert (read.username, read.note, read.object_repr) == (
        "inspector-baku",
        f"course={seminar.pk}",
        "export of 1 records",
    )
    elsewhere = make_user("inspector-ganja", Role.INSPECTOR, ["ganja"])
    assert api_for(elsewhere).get(f"/api/courses/{seminar.pk}/participants/").status_code == 404


def test_casualties_are_filtered_and_posts_say_unit_and_temporary(actor):
    employee = hire(actor, 3)
    for day, outcome in (
        (datetime.date(2023, 9, 19), Outcome.KILLED),
        (datetime.date(2022, 5, 1), Outcome.INJURED),
    ):
        services.record_casualty(
            actor=actor,
            values={"employee": employee if outcome == Outcome.INJURED else hire(actor, 4),
                    "body": employee.body, "occurred_on": day, "outcome": outcome, "place": "Khankandi",
                    "circumstances": "mine"},
        )  # fmt: skip
    api = api_for(actor.user)
    killed = api.get("/api/casualties/?outcome=killed&occurred_from=2023-01-01").json()["results"]
    assert [row["occurred_on"] for row in killed] == ["2023-09-19"]
    assert api.get("/api/casualties/?occurred_from=2024-01-01").json()["results"] == []
    assert api.get("/api/casualties/?outcome=buried").status_code == 400
    (post,) = api.get(f"/api/employees/{employee.pk}/").json()["service"]
    assert post["temporary"] is False and "unit" in post
