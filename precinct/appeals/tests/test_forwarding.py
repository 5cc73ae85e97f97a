"""An application forwarded inside the ministry: the body that received it is credited with receiving
and forwarding it, and its answer stays on the clock at the competent body."""

import datetime

from django.urls import reverse

from precinct.appeals import services
from precinct.appeals.models import Application, on_the_clock
from precinct.appeals.tests.conftest import apply
from precinct.appeals.tests.test_measures import figures
from precinct.conftest import body, client_for, make_user
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.core.rollups import rollups

MARCH = Period(datetime.date(2023, 3, 1), datetime.date(2023, 3, 31))


def forwarded(nasimi_appeals) -> Application:
    application = apply(nasimi_appeals)
    return services.forward(
        actor=Actor.cli(nasimi_appeals), application=application, reason="Not ours", body=body("ganja")
    )


def test_the_receiving_body_is_credited_with_receiving_and_forwarding(nasimi_appeals, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: datetime.date(2023, 3, 15))
    forwarded(nasimi_appeals)
    nasimi, ganja = figures(MARCH, "baku-nasimi"), figures(MARCH, "ganja")
    assert (nasimi["appeals.received"], nasimi["appeals.forwarded"]) == (1, 1)
    assert (ganja["appeals.received"], ganja["appeals.forwarded"]) == (0, 0)
    with from_records():
        assert figures(MARCH, "baku-nasimi") == nasimi and figures(MARCH, "ganja") == ganja
    for rollup in rollups():
        assert rollup.differences() == []


def test_a_forwarded_application_stays_on_the_clock(nasimi_appeals, ganja_appeals, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: datetime.date(2023, 3, 15))
    application = forwarded(nasimi_appeals)
    assert application.is_open and Application.objects.filter(on_the_clock(), pk=application.pk).exists()
    assert figures(Period(datetime.date(2023, 3, 1), application.due_on), "ganja")["appeals.overdue"] == 1
    page = client_for(ganja_appeals).get(reverse("appeals:application-list"), {"deadline": "overdue"})
    assert application.number in page.content.decode()


def test_one_forwarded_to_an_outside_authority_is_done_with(nasimi_appeals, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: datetime.date(2023, 3, 15))
    application = services.forward(
        actor=Actor.cli(nasimi_appeals), application=apply(nasimi_appeals), reason="Courts", authority="Court"
    )
    assert not application.is_open


def test_a_deadline_missed_before_forwarding_still_counts_for_the_body_that_missed_it(
    nasimi_appeals, ganja_appeals, monkeypatch
):
    """Forwarding starts the competent body's deadline anew; the one the first body let pass is still
    missed, once, by that body (and an application missed by both counts once where both are counted)."""
    application = apply(nasimi_appeals, received_on=datetime.date(2023, 1, 10))
    missed = application.due_on
    monkeypatch.setattr(services, "today", lambda: missed + datetime.timedelta(days=3))
    moved = services.forward(
        actor=Actor.cli(nasimi_appeals), application=application, reason="Not ours", body=body("ganja")
    )
    assert moved.missed_due_on == missed and moved.due_on > missed
    year = Period(datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    deadline = Period(missed, missed)
    assert figures(deadline, "baku-nasimi")["appeals.overdue"] == 1
    assert figures(deadline, "ganja")["appeals.overdue"] == 0
    monkeypatch.setattr(services, "today", lambda: moved.due_on + datetime.timedelta(days=1))
    moved = services.assign(actor=Actor.cli(ganja_appeals), application=moved, officer=ganja_appeals)
    services.answer(actor=Actor.cli(ganja_appeals), application=moved, answer="Answered late as well.",
                    answered_on=moved.due_on + datetime.timedelta(days=1))  # fmt: skip
    assert figures(year, "ganja")["appeals.overdue"] == 1 and figures(year, "mia")["appeals.overdue"] == 1
    assert figures(year, "baku-nasimi")["appeals.overdue"] == 1
    with from_records():
        assert figures(year, "mia")["appeals.overdue"] == 1
    from precinct.appeals.measures import OVERDUE
    from precinct.core.measures import Scope

    assert list(OVERDUE.queryset(year, Scope(body("mia")))) == [moved]


def test_forwarded_on_again_it_stays_received_by_the_first_body_and_missed_by_the_one_that_missed_it(
    nasimi_appeals, ganja_appeals, monkeypatch
):
    application = apply(nasimi_appeals, received_on=datetime.date(2023, 1, 10))
    missed = application.due_on
    monkeypatch.setattr(services, "today", lambda: missed + datetime.timedelta(days=3))
    moved = services.forward(
        actor=Actor.cli(nasimi_appeals), application=application, reason="Not ours", body=body("ganja")
    )
    moved = services.assign(actor=Actor.cli(ganja_appeals), application=moved, officer=ganja_appeals)
    services.forward(  # Ganja forwards it on in time
        actor=Actor.cli(ganja_appeals), application=moved, reason="Not ours either", body=body("sumgait")
    )
    january = Period(datetime.date(2023, 1, 1), datetime.date(2023, 1, 31))
    year = Period(datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert figures(january, "baku-nasimi")["appeals.received"] == 1
    assert figures(january, "ganja")["appeals.received"] == 0
    assert (
        figures(year, "baku-nasimi")["appeals.overdue"] == 1
        and figures(year, "ganja")["appeals.overdue"] == 0
    )
    with from_records():
        assert figures(year, "baku-nasimi")["appeals.overdue"] == 1
    for rollup in rollups():
        assert rollup.differences() == []


def test_forwarded_on_again_it_stays_forwarded_on_the_day_its_receiver_forwarded_it(
    nasimi_appeals, ganja_appeals, monkeypatch
):
    """The receiver's deed keeps its day; the competent body's deadline runs from the day it came."""
    application = apply(nasimi_appeals, received_on=datetime.date(2023, 3, 1))
    monkeypatch.setattr(services, "today", lambda: datetime.date(2023, 3, 15))
    moved = services.forward(
        actor=Actor.cli(nasimi_appeals), application=application, reason="Not ours", body=body("ganja")
    )
    monkeypatch.setattr(services, "today", lambda: datetime.date(2023, 4, 10))
    moved = services.assign(actor=Actor.cli(ganja_appeals), application=moved, officer=ganja_appeals)
    moved = services.forward(
        actor=Actor.cli(ganja_appeals), application=moved, reason="Not ours either", body=body("sumgait")
    )
    assert (moved.forwarded_on, moved.arrived_on) == (datetime.date(2023, 3, 15), datetime.date(2023, 4, 10))
    assert moved.due_on > datetime.date(2023, 4, 10)
    april = Period(datetime.date(2023, 4, 1), datetime.date(2023, 4, 30))
    assert figures(MARCH, "baku-nasimi")["appeals.forwarded"] == 1
    assert figures(april, "baku-nasimi")["appeals.forwarded"] == 0
    with from_records():
        assert figures(MARCH, "baku-nasimi")["appeals.forwarded"] == 1
        assert figures(april, "mia")["appeals.forwarded"] == 0
    sumgait = make_user("sumgait-appeals", Role.APPEALS_OFFICER, ["sumgait"])
    moved = services.assign(actor=Actor.cli(sumgait), application=moved, officer=sumgait)
    extended = services.extend(actor=Actor.cli(sumgait), application=moved, days=10, reason="Study")
    assert extended.due_on > moved.due_on  # from the day it came to Sumgait, not from March
    for rollup in rollups():
        assert rollup.differences() == []
