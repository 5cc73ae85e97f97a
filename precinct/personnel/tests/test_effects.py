"""What a sanction and a death do to the service history, and what an appeal takes back; who decides an
investigation; and sanctions counted by the day of their order, as they stand."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, make_user
from precinct.core.audit import Actor
from precinct.core.measures import Scope
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.organisation.models import Rank
from precinct.personnel import effects, measures, services
from precinct.personnel.models import AT_DISPOSAL, Move, ServiceRecord, post_on
from precinct.personnel.tests.test_personnel import hire, move, opened

OPENED, ORDERED = datetime.date(2022, 12, 12), datetime.date(2023, 1, 16)


@pytest.fixture
def chief(db):
    return Actor(make_user("inspectors-chief", Role.INSPECTOR, ["mia"], chief=True), Via.WEB)


@pytest.fixture
def inspector(db):
    return Actor(make_user("plain-inspector", Role.INSPECTOR, ["mia"]), Via.WEB)


def sanctioned(actor, employee, sanction: str, **values):
    return opened(
        actor, employee, OPENED, closed_on=ORDERED, finding="sustained", sanction=sanction,
        order_number="23/7", order_date=ORDERED, **values,
    )  # fmt: skip


def steps(employee) -> list[tuple[str, datetime.date, datetime.date | None]]:
    return list(employee.service.order_by("starts_on", "pk").values_list("move", "starts_on", "ends_on"))


def test_a_dismissal_ends_the_service_and_nothing_is_recorded_after_it(chief):
    employee = hire(chief, 1)
    move(chief, employee, Move.TEMPORARY, datetime.date(2022, 10, 1), body("tartar"), employee.rank)
    investigation = sanctioned(chief, employee, "dismissal")
    assert steps(employee) == [
        (Move.APPOINTMENT, datetime.date(2015, 3, 1), ORDERED - datetime.timedelta(days=1)),
        (Move.TEMPORARY, datetime.date(2022, 10, 1), ORDERED - datetime.timedelta(days=1)),
        (Move.DISMISSAL, ORDERED, ORDERED),
    ]
    assert employee.service.get(move=Move.DISMISSAL).investigation == investigation
    assert post_on(employee, ORDERED + datetime.timedelta(days=1)) is None
    later = datetime.date(2023, 2, 1)
    with pytest.raises(ValidationError) as refused:
        opened(chief, employee, later)
    assert "left the service on 16.01.2023" in str(refused.value.message_dict["opened_on"])
    with pytest.raises(ValidationError) as refused:
        move(chief, employee, Move.TRANSFER, later, body("ganja"), employee.rank)
    assert "left the service" in str(refused.value.message_dict["starts_on"])
    with pytest.raises(ValidationError) as refused:
        services.record_casualty(actor=chief, values={
            "employee": employee, "occurred_on": later, "outcome": "injured", "place": "Fuzuli",
            "circumstances": "mine",
        })  # fmt: skip
    assert "left the service" in str(refused.value.message_dict["occurred_on"])
    page = client_for(chief.user).get(reverse("personnel:employee", args=[employee.pk])).content.decode()
    assert "dismissal from service" in page


def test_an_annulled_dismissal_is_taken_back_and_the_posts_open_again(chief):
    employee = hire(chief, 2)
    investigation = sanctioned(chief, employee, "dismissal")
    services.edit_investigation(actor=chief, investigation=investigation, values={
        "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "annulled",
    })  # fmt: skip
    assert steps(employee) == [(Move.APPOINTMENT, datetime.date(2015, 3, 1), None)]
    assert AuditEntry.objects.filter(model="personnel.servicerecord", action=Action.DELETE).exists()
    # The file's history keeps the step made and taken back, though the step is gone.
    page = client_for(chief.user).get(reverse("personnel:employee", args=[employee.pk])).content.decode()
    history = page[page.index('id="history"') :]
    assert history.count("dismissal from service") >= 2 and "deleted" in history
    investigation.refresh_from_db()
    assert investigation.sanction == "dismissal" and investigation.sanction_in_force == ""
    opened(chief, employee, datetime.date(2023, 2, 1))  # serving again


def test_a_release_and_a_demotion_make_a_new_post_and_a_reduction_follows_the_appeal(chief):
    released, demoted = hire(chief, 3), hire(chief, 4)
    sanctioned(chief, released, "release")
    released.refresh_from_db()
    assert released.position.code == AT_DISPOSAL and post_on(released, ORDERED).move == Move.RELEASE
    before = demoted.rank
    investigation = sanctioned(chief, demoted, "demotion")
    demoted.refresh_from_db()
    lower = Rank.objects.filter(seniority__lt=before.seniority).order_by("-seniority").first()
    assert demoted.rank == lower
    # The appeal reduces it to a reprimand: the rank is given back, the post before opens again.
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(actor=chief, investigation=investigation, values={
            "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "reduced",
        })  # fmt: skip
    assert "appeal_sanction" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(actor=chief, investigation=investigation, values={
            "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "reduced",
            "appeal_sanction": "dismissal",
        })  # fmt: skip
    assert "lighter" in str(refused.value.message_dict["appeal_sanction"])
    services.edit_investigation(actor=chief, investigation=investigation, values={
        "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "reduced",
        "appeal_sanction": "reprimand",
    })  # fmt: skip
    demoted.refresh_from_db()
    assert demoted.rank == before and steps(demoted) == [(Move.APPOINTMENT, datetime.date(2015, 3, 1), None)]


def test_a_death_in_the_line_of_duty_ends_the_service(chief):
    employee = hire(chief, 5)
    services.record_casualty(actor=chief, values={
        "employee": employee, "occurred_on": datetime.date(2023, 9, 19), "outcome": "killed",
        "place": "Shusha", "circumstances": "mine",
    })  # fmt: skip
    assert steps(employee)[-1] == (Move.DEATH, datetime.date(2023, 9, 19), datetime.date(2023, 9, 19))
    assert effects.ended(employee).casualty.outcome == "killed"


def test_leaving_the_service_is_recorded_as_a_move_and_the_steps_of_a_sanction_are_not(chief):
    employee = hire(chief, 6)
    with pytest.raises(ValidationError) as refused:
        move(chief, employee, Move.DISMISSAL, datetime.date(2023, 1, 9), employee.body, employee.rank)
    assert "follows from a sanction" in str(refused.value.message_dict["move"])
    move(chief, employee, Move.LEAVING, datetime.date(2023, 1, 9), body("ganja"), employee.rank)
    assert steps(employee)[-1] == (Move.LEAVING, datetime.date(2023, 1, 9), datetime.date(2023, 1, 9))
    assert employee.service.get(move=Move.LEAVING).body == body("baku-nasimi")  # where the service ended


def test_an_inspector_recommends_and_only_the_chief_decides(chief, inspector):
    employee = hire(chief, 7)
    with pytest.raises(ValidationError) as refused:
        opened(inspector, employee, OPENED, closed_on=ORDERED, finding="sustained")
    assert "chief" in str(refused.value.message_dict["finding"])
    investigation = opened(inspector, employee, OPENED, recommended="sustained")
    with pytest.raises(ValidationError):
        services.edit_investigation(
            actor=inspector, investigation=investigation, values={"finding": "sustained"}
        )
    form = client_for(inspector.user).get(reverse("personnel:investigation-edit", args=[investigation.pk]))
    fields = form.context["form"].fields
    assert fields["finding"].disabled and fields["sanction"].disabled and not fields["recommended"].disabled
    # The inspector's own form, posted as it is shown, saves what the inspector may change.
    page = client_for(inspector.user).post(
        reverse("personnel:investigation-edit", args=[investigation.pk]),
        {"employee": employee.personnel_number, "grounds": "rudeness", "origin": "supervisor",
         "opened_on": "2022-12-12", "recommended": "not_sustained", "summary": "Heard both sides.",
         "version": investigation.version},
    )  # fmt: skip
    assert page.status_code == 302, page.context["form"].errors
    investigation.refresh_from_db()
    assert investigation.recommended == "not_sustained" and investigation.finding == ""


def test_sanctions_count_by_the_day_of_their_order_as_they_stand(chief):
    reprimanded, annulled = hire(chief, 8), hire(chief, 9)
    sanctioned(chief, reprimanded, "reprimand")
    quashed = sanctioned(chief, annulled, "severe_reprimand")
    scope = Scope(body("mia"))
    year_2022, year_2023 = (Period(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in (2022, 2023))
    assert measures.INVESTIGATED.value(year_2022, scope) == 2  # opened in December
    assert measures.OTHER.value(year_2022, scope) == 0
    assert measures.OTHER.value(year_2023, scope) == 2  # ordered in January
    services.edit_investigation(actor=chief, investigation=quashed, values={
        "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "annulled",
    })  # fmt: skip
    assert measures.OTHER.value(year_2023, scope) == 1
    assert ServiceRecord.objects.filter(investigation=quashed).count() == 0


def test_a_decided_investigation_moves_to_another_employee_only_by_the_chief_and_its_effect_with_it(
    chief, inspector
):
    first, second = hire(chief, 20), hire(chief, 21)
    investigation = sanctioned(chief, first, "release")
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(actor=inspector, investigation=investigation, values={"employee": second})
    assert "chief" in str(refused.value.message_dict["employee"])
    # Through the web form too: the field is closed to the inspector, and what is posted in it is ignored.
    page = client_for(inspector.user).get(reverse("personnel:investigation-edit", args=[investigation.pk]))
    assert (
        page.context["form"].fields["employee"].disabled and page.context["form"].fields["grounds"].disabled
    )
    posted = {name: page.context["form"][name].value() or "" for name in page.context["form"].fields}
    client_for(inspector.user).post(
        reverse("personnel:investigation-edit", args=[investigation.pk]),
        {name: str(value) for name, value in posted.items()} | {"employee": second.personnel_number},
    )
    investigation.refresh_from_db()
    assert investigation.employee_id == first.pk
    services.edit_investigation(actor=chief, investigation=investigation, values={"employee": second})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.position.code != AT_DISPOSAL and steps(first) == [
        (Move.APPOINTMENT, datetime.date(2015, 3, 1), None)
    ]
    assert second.position.code == AT_DISPOSAL


def test_leaving_ends_every_post_running_and_nothing_is_recorded_after_a_dismissal(chief):
    employee = hire(chief, 22)
    assignment = move(
        chief, employee, Move.TEMPORARY, datetime.date(2023, 7, 1), body("tartar"), employee.rank
    )
    assignment.ends_on = datetime.date(2023, 12, 31)
    assignment.save()
    move(chief, employee, Move.LEAVING, datetime.date(2023, 9, 1), employee.body, employee.rank)
    assignment.refresh_from_db()
    assert assignment.ends_on == datetime.date(2023, 8, 31)
    dismissed = hire(chief, 23)
    sanctioned(chief, dismissed, "dismissal")
    later = ORDERED + datetime.timedelta(days=5)
    with pytest.raises(ValidationError) as refused:
        services.grant_award(actor=chief, employee=dismissed, values={
            "kind": "medal", "title": "Late", "awarded_on": later,
        })  # fmt: skip
    assert "left the service" in str(refused.value.message_dict["awarded_on"])
    earlier = opened(chief, dismissed, OPENED)  # opened while serving, but no sanction after the end
    with pytest.raises(ValidationError) as refused:
        services.edit_investigation(actor=chief, investigation=earlier, values={
            "closed_on": later, "finding": "sustained", "sanction": "release", "order_number": "9",
            "order_date": later,
        })  # fmt: skip
    assert "left the service" in str(refused.value.message_dict["order_date"])


def test_an_appeal_is_recorded_when_the_service_moved_on_and_the_step_stays_as_what_happened(chief):
    employee = hire(chief, 24)
    investigation = sanctioned(chief, employee, "release")
    move(chief, employee, Move.APPOINTMENT, datetime.date(2023, 3, 1), body("ganja"), employee.rank)
    services.edit_investigation(actor=chief, investigation=investigation, values={
        "appealed_on": datetime.date(2023, 1, 20), "appeal_outcome": "annulled",
    })  # fmt: skip
    investigation.refresh_from_db()
    assert investigation.sanction_in_force == ""
    release = employee.service.get(move=Move.RELEASE)
    assert release.investigation is None  # no longer the sanction's, still what happened
    assert (
        measures.RELEASED.value(
            Period(datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)), Scope(body("mia"))
        )
        == 0
    )


def test_a_casualty_recorded_wrongly_is_corrected_and_the_service_follows(chief):
    employee = hire(chief, 25)
    casualty = services.record_casualty(actor=chief, values={
        "employee": employee, "occurred_on": datetime.date(2023, 9, 19), "outcome": "killed",
        "place": "Shusha", "circumstances": "mine",
    })  # fmt: skip
    assert effects.ended(employee) is not None
    answer = api_for(chief.user).patch(
        f"/api/casualties/{casualty.pk}/", {"outcome": "injured", "version": casualty.version},
        content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 200, answer.json()
    assert effects.ended(employee) is None and steps(employee)[-1][2] is None  # serving again
    page = client_for(chief.user).get(reverse("personnel:memorial")).content.decode()
    assert employee.surname not in page
    edit = client_for(chief.user).get(reverse("personnel:casualty-edit", args=[casualty.pk]))
    assert edit.status_code == 200


def test_a_move_recorded_by_mistake_is_taken_back_from_the_file(chief):
    employee = hire(chief, 26)
    move(chief, employee, Move.TRANSFER, datetime.date(2020, 6, 1), body("ganja"), employee.rank)
    employee.refresh_from_db()
    assert employee.body == body("ganja")
    page = client_for(chief.user).get(reverse("personnel:employee", args=[employee.pk])).content.decode()
    assert "Take back the last step" in page
    client_for(chief.user).post(reverse("personnel:employee-take-back", args=[employee.pk]))
    employee.refresh_from_db()
    assert employee.body == body("baku-nasimi")
    assert steps(employee) == [(Move.APPOINTMENT, datetime.date(2015, 3, 1), None)]  # open again
    answer = client_for(chief.user).post(reverse("personnel:employee-take-back", args=[employee.pk]))
    assert answer.status_code == 302 and steps(employee)  # the file's first appointment stays
