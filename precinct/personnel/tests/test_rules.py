"""What a personnel record cannot say: days to come, an appeal before its order, an order without a
sanction, a promotion down, a casualty before the service or after death, twice the same record, a
result of a course not begun; and the API links a complaint and an inspector as the form does."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from precinct.appeals.tests.conftest import apply
from precinct.conftest import api_for, make_user
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.core.roles import Role
from precinct.organisation.models import Rank
from precinct.personnel import services
from precinct.personnel.models import Move
from precinct.personnel.tests.test_personnel import hire, move, opened

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def actor(db):
    """The inspectors' chief, who may record every part of an investigation."""
    return Actor(make_user("inspector-rules", Role.INSPECTOR, ["mia"], chief=True), Via.WEB)


def refused(call, field: str, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as raised:
        call(*args, **kwargs)
    assert field in raised.value.message_dict, raised.value.message_dict
    return " ".join(raised.value.message_dict[field])


def test_an_investigation_holds_no_day_to_come_and_keeps_its_orders_in_order(actor):
    employee = hire(actor, 1)
    opened_on = datetime.date(2023, 3, 1)
    for field in ("closed_on", "order_date", "appealed_on"):
        values = {
            "closed_on": datetime.date(2023, 4, 1), "finding": "sustained", "sanction": "reprimand",
            "order_number": "23/1", "order_date": datetime.date(2023, 4, 2),
        } | {field: TOMORROW}  # fmt: skip
        assert "future" in refused(opened, field, actor, employee, opened_on, **values)
    assert "order" in refused(opened, "sanction", actor, employee, opened_on, order_number="23/9")
    late = refused(
        opened, "appealed_on", actor, employee, opened_on, closed_on=datetime.date(2023, 4, 1),
        finding="sustained", sanction="reprimand", order_number="23/1", order_date=datetime.date(2023, 4, 5),
        appealed_on=datetime.date(2023, 4, 3),
    )  # fmt: skip
    assert "after the order" in late


def test_a_promotion_raises_the_rank(actor):
    employee = hire(actor, 2)
    ranks = list(Rank.objects.order_by("seniority"))
    assert "above" in refused(
        move, "rank", actor, employee, Move.PROMOTION, datetime.date(2020, 1, 9), employee.body, ranks[1]
    )
    move(actor, employee, Move.PROMOTION, datetime.date(2020, 1, 9), employee.body, ranks[6])


def test_a_casualty_or_an_award_fits_the_employees_service_and_is_recorded_once(actor):
    employee = hire(actor, 3, joined=datetime.date(2010, 5, 1))

    def casualty(on, outcome="injured"):
        return services.record_casualty(
            actor=actor,
            values={
                "employee": employee,
                "occurred_on": on,
                "outcome": outcome,
                "place": "Fuzuli",
                "circumstances": "mine",
            },
        )

    assert "joined" in refused(casualty, "occurred_on", datetime.date(2009, 1, 1))
    casualty(datetime.date(2020, 10, 1))
    assert "already" in refused(casualty, "occurred_on", datetime.date(2020, 10, 1))
    casualty(datetime.date(2023, 9, 19), "killed")
    assert "killed on 19.09.2023" in refused(casualty, "occurred_on", datetime.date(2023, 9, 20))

    def award(on):
        return services.grant_award(
            actor=actor,
            employee=employee,
            values={"kind": "medal", "title": "For distinguished service", "awarded_on": on},
        )

    assert "joined" in refused(award, "awarded_on", datetime.date(2001, 1, 1))
    award(datetime.date(2018, 5, 28))
    assert "already" in refused(award, "title", datetime.date(2018, 5, 28))


def test_nobody_completes_a_course_not_begun(actor):
    employee = hire(actor, 4)
    course = services.save_course(
        actor=actor,
        values={
            "title": "Human rights in custody",
            "kind": "seminar",
            "topic": "human_rights",
            "organiser_kind": "academy",
            "organiser": "Police Academy",
            "place": "Baku",
            "starts_on": TOMORROW,
            "ends_on": TOMORROW,
            "body": employee.body,
        },
    )
    assert "begun" in refused(services.enrol, "result", actor=actor, course=course, employee=employee)


def test_the_api_links_the_complaint_and_the_inspector(actor, db):
    employee = hire(actor, 5)
    complaint = apply(make_user("appeals-rules", Role.APPEALS_OFFICER, ["baku-nasimi"]))
    answer = api_for(actor.user).post("/api/investigations/", {
        "employee": employee.pk, "grounds": "rudeness", "origin": "complaint", "opened_on": "2023-03-20",
        "application": complaint.pk, "inspector": actor.user.username}, format="json")  # fmt: skip
    assert answer.status_code == 201, answer.json()
    assert (answer.json()["application"], answer.json()["inspector"]) == (complaint.pk, actor.user.username)
    nobody = api_for(actor.user).post("/api/investigations/", {
        "employee": employee.pk, "grounds": "rudeness", "origin": "complaint", "opened_on": "2023-03-01",
        "inspector": "no-such-inspector"}, format="json")  # fmt: skip
    assert nobody.status_code == 400 and "inspector" in nobody.json()
    early = api_for(actor.user).post("/api/investigations/", {
        "employee": employee.pk, "grounds": "rudeness", "origin": "complaint",
        "opened_on": (complaint.received_on - datetime.timedelta(days=1)).isoformat(),
        "application": complaint.pk}, format="json")  # fmt: skip
    assert early.status_code == 400 and "received before" in str(early.json()["application"])
