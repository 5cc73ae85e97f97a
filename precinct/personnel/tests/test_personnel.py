"""Personnel: the service history, the rules of an investigation and its time limit in working days, who
reaches disciplinary records (and that every opening is audited), and the figures against a count made
here."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, make_user
from precinct.core.audit import Actor
from precinct.core.measures import Scope
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.core.workdays import current_calendar
from precinct.organisation.models import Position, Rank
from precinct.personnel import effects, measures, services
from precinct.personnel.models import Course, Investigation, Move, Outcome, Sanction, Topic, post_on


@pytest.fixture
def inspector(db):
    """The inspectors' chief, who records investigations and decides them."""
    return make_user("inspector-test", Role.INSPECTOR, ["mia"], chief=True)


def hire(actor, number: int, code: str = "baku-nasimi", joined=datetime.date(2015, 3, 1)):
    return services.hire(
        actor=actor,
        values={
            "personnel_number": f"T{number:05d}",
            "surname": f"Surname{number}",
            "given_name": "Given",
            "body": body(code),
            "rank": Rank.objects.order_by("seniority")[3],
            "position": Position.objects.first(),
        },
        joined_on=joined,
    )


def move(actor, employee, kind: str, on: datetime.date, to, rank):
    return services.record_move(
        actor=actor,
        employee=employee,
        values={
            "move": kind,
            "starts_on": on,
            "body": to,
            "position": employee.position,
            "rank": rank,
            "order_number": f"{on:%Y}/{kind}",
        },  # fmt: skip
    )


def opened(actor, employee, on: datetime.date, **values):
    return services.open_investigation(
        actor=actor,
        values={
            "employee": employee,
            "body": employee.body,
            "grounds": "rudeness",
            "origin": "supervisor",
            "opened_on": on,
        }
        | values,
    )


def test_a_move_ends_the_post_before_it_and_a_temporary_one_runs_beside(inspector):
    actor = Actor(inspector, Via.WEB)
    employee = hire(actor, 1)
    ranks = list(Rank.objects.order_by("seniority"))
    move(actor, employee, Move.TRANSFER, datetime.date(2020, 6, 1), body("ganja"), ranks[5])
    move(actor, employee, Move.TEMPORARY, datetime.date(2023, 10, 20), body("khankandi"), ranks[5])
    employee.refresh_from_db()
    assert employee.body == body("ganja") and employee.rank == ranks[5]  # the temporary post aside
    assert post_on(employee, datetime.date(2019, 1, 1)).body == body("baku-nasimi")
    assert post_on(employee, datetime.date(2023, 11, 1)).body == body("ganja")
    first = employee.service.order_by("starts_on").first()
    assert first.ends_on == datetime.date(2020, 5, 31)
    # Khankandi's employees include the one serving there now on the temporary assignment.
    listed = client_for(inspector).get(reverse("personnel:employee-list"), {"body": "khankandi"})
    assert [row.pk for row in listed.context["object_list"]] == [employee.pk]
    with pytest.raises(ValidationError) as refused:
        move(actor, employee, Move.PROMOTION, datetime.date(2010, 1, 1), body("ganja"), ranks[6])
    assert "starts_on" in refused.value.message_dict
    temporary = {
        "move": Move.TEMPORARY, "starts_on": datetime.date(2023, 10, 20), "body": body("khankandi"),
        "position": employee.position, "rank": ranks[5], "order_number": "2023/temporary",
    }  # fmt: skip
    for values, field in (({"order_number": ""}, "order_number"), ({}, "starts_on")):  # no order; twice
        with pytest.raises(ValidationError) as refused:
            services.record_move(actor=actor, employee=employee, values=temporary | values)
        assert field in refused.value.message_dict, field


def test_an_investigation_keeps_the_finding_recommended_apart_and_a_sanction_needs_its_order(inspector):
    actor = Actor(inspector, Via.WEB)
    employee = hire(actor, 2)
    investigation = opened(actor, employee, datetime.date(2023, 3, 1), recommended="sustained")
    assert investigation.due_on == current_calendar().add_working_days(datetime.date(2023, 3, 1), 30)
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(
            actor=actor,
            investigation=investigation,
            values={
                "closed_on": datetime.date(2023, 3, 20),
                "finding": "not_sustained",
                "sanction": "reprimand",
            },
        )
    assert "sanction" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(
            actor=actor,
            investigation=investigation,
            values={"closed_on": datetime.date(2023, 3, 20), "finding": "sustained", "sanction": "reprimand"},
        )
    assert "order_number" in refused.value.message_dict
    decided = services.edit_investigation(
        actor=actor,
        investigation=investigation,
        values={"closed_on": datetime.date(2023, 3, 20), "finding": "not_sustained"},
    )
    assert (decided.recommended, decided.finding) == ("sustained", "not_sustained")


def test_the_time_limit_is_counted_in_working_days_of_the_calendar(db, settings):
    """Across weekends, the calendar's holidays and working weekends, for any configured number of days."""
    calendar, chance = current_calendar(), random.Random(8)
    for _ in range(200):
        start = datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(1000))
        settings.DISCIPLINE_WORKING_DAYS = chance.randint(1, 60)
        counted, day = 0, start
        while counted < settings.DISCIPLINE_WORKING_DAYS:  # day by day, the day of opening not counted
            day += datetime.timedelta(days=1)
            counted += calendar.is_working(day)
        assert services.due_on(start) == day


def test_only_inspectors_and_administrators_reach_the_disciplinary_record_and_each_opening_is_audited(
    inspector, analyst, nasimi_officer
):
    actor = Actor(inspector, Via.WEB)
    employee = hire(actor, 3)
    investigation = opened(actor, employee, datetime.date(2023, 5, 2))
    page = client_for(inspector).get(reverse("personnel:employee", args=[employee.pk]))
    assert page.status_code == 200 and 'id="discipline"' in page.content.decode()
    reads = AuditEntry.objects.filter(action=Action.READ, object_id=str(employee.pk), user=inspector)
    assert reads.filter(note="disciplinary record").count() == 1
    assert client_for(inspector).get(investigation.get_absolute_url()).status_code == 200
    # The analyst keeps personnel files in view, not the disciplinary record; an officer reaches neither.
    seen = client_for(analyst).get(reverse("personnel:employee", args=[employee.pk])).content.decode()
    assert 'id="discipline"' not in seen
    assert not AuditEntry.objects.filter(user=analyst, note="disciplinary record").exists()
    for user in (analyst, nasimi_officer):
        assert client_for(user).get(investigation.get_absolute_url()).status_code == 404
        listed = api_for(user).get("/api/investigations/")
        assert listed.status_code == 403 or listed.json()["results"] == []
    assert (
        client_for(nasimi_officer).get(reverse("personnel:employee", args=[employee.pk])).status_code == 404
    )


def test_an_inspector_of_one_district_reaches_only_its_files(db):
    ganja_inspector = make_user("ganja-inspector", Role.INSPECTOR, ["ganja"])
    everywhere = make_user("all-inspector", Role.INSPECTOR, ["mia"])
    employee = hire(Actor(everywhere, Via.WEB), 4, code="baku-nasimi")
    assert (
        client_for(ganja_inspector).get(reverse("personnel:employee", args=[employee.pk])).status_code == 404
    )
    with pytest.raises(ValidationError):
        opened(Actor(ganja_inspector, Via.WEB), employee, datetime.date(2023, 5, 2))


def test_the_figures_count_employees_as_a_count_made_here_does(inspector):
    actor = Actor(inspector, Via.WEB)
    chance = random.Random(5)
    employees = [hire(actor, 100 + n, code=chance.choice(["baku-nasimi", "ganja"])) for n in range(30)]
    made = []
    days = sorted(
        datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(600)) for _ in range(60)
    )
    for on in days:  # in the order of time, as the service history is written
        employee = chance.choice(employees)
        sanction = chance.choice(["", *Sanction.values])
        closed = on + datetime.timedelta(days=10)
        values = {"grounds": chance.choice(["rudeness", "ethics", "corruption"])}
        if sanction:
            values |= {
                "closed_on": closed,
                "finding": "sustained",
                "sanction": sanction,
                "order_number": "1",
                "order_date": closed,
            }
        if closed > datetime.date.today():
            continue
        try:
            made.append(opened(actor, employee, on, **values))
        except ValidationError as refused:  # dismissed before: one who left is no longer investigated
            assert "left the service" in str(refused)
    course = services.save_course(
        actor=actor,
        values={
            "title": "Rights",
            "kind": "seminar",
            "topic": Topic.HUMAN_RIGHTS,
            "organiser_kind": "academy",
            "body": body("mia"),
            "place": "Baku",
            "starts_on": datetime.date(2023, 2, 1),
            "ends_on": datetime.date(2023, 2, 3),
        },
    )
    serving = [e for e in employees if not effects.ended(e, before=course.starts_on)][:12]
    for employee in serving:
        services.enrol(actor=actor, course=course, employee=employee)
    killed = next(e for e in employees if not effects.ended(e, before=datetime.date(2023, 9, 19)))
    services.record_casualty(
        actor=actor,
        values={
            "employee": killed,
            "body": killed.body,
            "occurred_on": datetime.date(2023, 9, 19),
            "outcome": Outcome.KILLED,
            "place": "Khankandi",
            "circumstances": "mine",
        },
    )
    period = Period(datetime.date(2022, 3, 5), datetime.date(2023, 9, 30))
    for code in ("mia", "baku", "ganja"):
        path = body(code).path
        mine = [i for i in made if period.start <= i.opened_on <= period.end and i.body.path.startswith(path)]
        scope = Scope(body(code))
        assert measures.INVESTIGATED.value(period, scope) == len({i.employee_id for i in mine})
        # Sanctions count by the day of their order.
        ordered = [i for i in made if i.order_date and period.start <= i.order_date <= period.end
                   and i.body.path.startswith(path)]  # fmt: skip
        dismissed = {i.employee_id for i in ordered if i.sanction == Sanction.DISMISSAL}
        assert measures.DISMISSED.value(period, scope) == len(dismissed)
        other = {i.employee_id for i in ordered if i.sanction in measures.OTHER_SANCTIONS}
        assert measures.OTHER.value(period, scope) == len(other)
        trained = [e for e in serving if post_on(e, course.starts_on).body.path.startswith(path)]
        assert measures.TRAINED_HUMAN_RIGHTS.value(period, scope) == len(trained)
        assert measures.KILLED.value(period, scope) == int(killed.body.path.startswith(path))
    assert Course.objects.get(pk=course.pk).attendances.count() == 12
    assert Investigation.objects.count() == len(made)


def test_events_count_where_the_employee_served_then_and_the_file_lists_one_row_per_employee(inspector):
    actor = Actor(inspector, Via.WEB)
    employee = hire(actor, 7, code="baku-nasimi")
    ranks = list(Rank.objects.order_by("seniority"))
    move(actor, employee, Move.TRANSFER, datetime.date(2021, 6, 1), body("ganja"), ranks[4])
    with pytest.raises(ValidationError):  # before the present post: the history would be rewritten
        move(actor, employee, Move.PROMOTION, datetime.date(2020, 1, 1), body("ganja"), ranks[5])
    employee.refresh_from_db()
    earlier = opened(actor, employee, datetime.date(2020, 3, 2), body=body("ganja"))
    later = opened(actor, employee, datetime.date(2022, 3, 2))
    assert (earlier.body, later.body) == (body("baku-nasimi"), body("ganja"))
    period = Period(datetime.date(2020, 1, 1), datetime.date(2022, 12, 31))
    assert measures.INVESTIGATED.value(period, Scope(body("mia"))) == 1
    assert measures.INVESTIGATED.queryset(period, Scope(body("mia"))).count() == 1
    assert measures.INVESTIGATED.value(period, Scope(body("baku"))) == 1


def test_a_course_shows_only_the_participants_in_reach_and_exports_are_audited(inspector):
    actor = Actor(inspector, Via.WEB)
    course = services.save_course(
        actor=actor,
        values={
            "title": "Ethics",
            "kind": "course",
            "topic": Topic.ETHICS,
            "organiser_kind": "academy",
            "body": body("ganja"),
            "place": "Ganja",
            "starts_on": datetime.date(2023, 4, 3),
            "ends_on": datetime.date(2023, 4, 7),
        },
    )
    for number, code in ((20, "baku-nasimi"), (21, "ganja")):
        services.enrol(actor=actor, course=course, employee=hire(actor, number, code=code))
    ganja_inspector = make_user("ganja-inspector-2", Role.INSPECTOR, ["ganja"])
    # Ganja's course took an employee of Nasimi too: Ganja's inspector sees only Ganja's participant.
    seen = client_for(ganja_inspector).get(course.get_absolute_url()).content.decode()
    assert "Surname21" in seen and "Surname20" not in seen
    listed = client_for(inspector).get(course.get_absolute_url()).content.decode()
    assert "Surname20" in listed and "Surname21" in listed
    export = client_for(inspector).get(
        reverse("reports:records"),
        {
            "start": "2023-01-01",
            "end": "2023-12-31",
            "body": "mia",
            "measure": "personnel.trained_human_rights",
            "export": "csv",
        },
    )
    assert export.status_code == 200
    assert AuditEntry.objects.filter(
        user=inspector, action=Action.READ, model="personnel.attendance"
    ).exists()
    files = client_for(inspector).get(reverse("personnel:employee-list"), {"export": "csv"})
    assert files.status_code == 200
    assert AuditEntry.objects.filter(user=inspector, action=Action.READ, model="personnel.staff").exists()


def test_an_inspector_links_a_complaint_records_an_award_and_keeps_to_their_own_list(inspector):
    from precinct.appeals.tests.conftest import apply

    actor = Actor(inspector, Via.WEB)
    employee = hire(actor, 30)
    complaint = apply(make_user("appeals-for-link", Role.APPEALS_OFFICER, ["baku-nasimi"]))
    linked = opened(actor, employee, datetime.date(2023, 3, 20), origin="complaint", application=complaint,
                    inspector=inspector)  # fmt: skip
    other = opened(actor, employee, datetime.date(2023, 4, 20))
    page = client_for(inspector).get(linked.get_absolute_url()).content.decode()
    assert reverse("appeals:application", args=[complaint.pk]) in page
    listed = client_for(inspector).get(reverse("personnel:investigation-list"), {"mine": "true"})
    assert [row.pk for row in listed.context["object_list"]] == [linked.pk]
    assert other.pk not in [row.pk for row in listed.context["object_list"]]
    answer = client_for(inspector).post(
        reverse("personnel:employee-award", args=[employee.pk]),
        {"award-kind": "medal", "award-title": "For distinguished service", "award-awarded_on": "2023-05-28",
         "award-order_number": "55-A"},
    )  # fmt: skip
    assert answer.status_code == 302
    assert employee.awards.get().order_number == "55-A"
    assert AuditEntry.objects.filter(model="personnel.award", action=Action.CREATE, user=inspector).exists()
    shown = client_for(inspector).get(reverse("personnel:employee", args=[employee.pk])).content.decode()
    assert "For distinguished service" in shown
    refused = client_for(inspector).post(
        reverse("personnel:employee-award", args=[employee.pk]),
        {
            "award-kind": "medal",
            "award-title": "Later",
            "award-awarded_on": f"{datetime.date.today() + datetime.timedelta(days=40):%Y-%m-%d}",
        },
    )
    # Refused: the page again, the form as filled in, the reason beside the day.
    assert refused.status_code == 200 and employee.awards.count() == 1
    form = refused.context["award_form"]
    assert "future" in " ".join(form.errors["awarded_on"]) and form["title"].value() == "Later"
    assert 'id="id_award-awarded_on-error"' in refused.content.decode()


def test_a_role_given_the_figure_not_the_records_is_told_so(analyst, db):
    """An analyst counts investigations but never opens a disciplinary file: the records behind the
    figure say they are withheld, not that there are none, and cannot be exported."""
    actor = Actor(make_user("inspector-withheld", Role.INSPECTOR, ["mia"]), Via.WEB)
    opened(actor, hire(actor, 30), datetime.date(2023, 3, 1))
    query = {"start": "2023-01-01", "end": "2023-12-31", "body": "mia", "measure": "personnel.investigated"}
    page = client_for(analyst).get(reverse("reports:records"), query)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="records-withheld"' in text and 'id="figure-value">1<' in text and "No records" not in text
    assert client_for(analyst).get(reverse("reports:records"), query | {"export": "csv"}).status_code == 403
    inspector = client_for(actor.user).get(reverse("reports:records"), query).content.decode()
    assert 'id="records-withheld"' not in inspector and "Surname30" in inspector


def test_the_chief_sees_each_inspectors_workload_and_what_was_closed_late(db):
    """The inspectors' chief: open and overdue investigations per inspector (and those without one), the
    list filtered by inspector; an investigation closed after its limit says so."""
    chief = make_user("inspector-chief-test", Role.INSPECTOR, ["mia"])
    chief.is_chief = True
    chief.save()
    actor = Actor(make_user("inspector-work", Role.INSPECTOR, ["mia"]), Via.WEB)
    mine = opened(actor, hire(actor, 50), datetime.date(2023, 3, 1), inspector=actor.user)
    opened(actor, hire(actor, 51), datetime.date(2023, 3, 1))
    late = opened(actor, hire(actor, 52), datetime.date(2023, 1, 10), inspector=actor.user)
    late = services.edit_investigation(
        actor=actor, investigation=late, values={"recommended": "unfounded"}
    )  # the inspector recommends; the chief decides
    late = services.edit_investigation(
        actor=Actor(chief, Via.WEB), investigation=late,
        values={"closed_on": late.due_on + datetime.timedelta(days=3), "finding": "unfounded"},
    )  # fmt: skip
    page = client_for(chief).get(reverse("personnel:investigation-list")).content.decode()
    workload = page[page.index('id="workload"') :]
    assert "inspector-work" in workload
    assert "no inspector assigned" in workload
    assert "closed late" in page and "overdue" in page
    plain = client_for(actor.user).get(reverse("personnel:investigation-list")).content.decode()
    assert 'id="workload"' not in plain  # an inspector's own list, without the chief's view
    filtered = client_for(chief).get(reverse("personnel:investigation-list"), {"inspector": actor.user.pk})
    assert mine.employee.surname in filtered.content.decode()
    assert "Surname51" not in filtered.content.decode()
