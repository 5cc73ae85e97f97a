"""The life of an application: registration, deadlines, the workflow's steps and who may take them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from precinct.appeals import numbers, services
from precinct.appeals.models import Application, NotConsidered, Status, Step, Subject
from precinct.appeals.tests.conftest import apply
from precinct.conftest import body
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry, Via
from precinct.core.workdays import load_default


def actor(user) -> Actor:
    return Actor(user=user, via=Via.WEB)


def test_registration_numbers_the_application_and_sets_its_legal_deadline(nasimi_appeals):
    application = apply(nasimi_appeals, received_on=datetime.date(2023, 3, 14))
    assert numbers.valid(application.number) and application.number.startswith("2023-000001-")
    # 15 working days after 14 March 2023, across Novruz (20-24 March, with 27 March carried over).
    assert application.due_on == load_default().add_working_days(datetime.date(2023, 3, 14), 15)
    assert application.due_on == datetime.date(2023, 4, 11)
    assert application.status == Status.REGISTERED
    assert Step.objects.filter(application=application, status_to=Status.REGISTERED).count() == 1
    assert AuditEntry.objects.filter(model="appeals.application", object_id=str(application.pk)).exists()


def test_extra_study_gives_thirty_working_days(nasimi_appeals):
    subject = Subject.objects.get(code="criminal_case")
    application = apply(
        nasimi_appeals, subject=subject, needs_study=True, received_on=datetime.date(2023, 6, 1)
    )
    assert application.due_on == load_default().add_working_days(datetime.date(2023, 6, 1), 30)


def test_an_anonymous_application_is_registered_and_not_considered(nasimi_appeals):
    application = apply(nasimi_appeals, applicant_name="", applicant_id_number="")
    assert application.status == Status.NOT_CONSIDERED
    assert application.not_considered == NotConsidered.ANONYMOUS


def test_the_workflow_runs_from_registration_to_closing(nasimi_appeals, nasimi_chief):
    application = apply(nasimi_appeals)
    application = services.assign(actor=actor(nasimi_chief), application=application, officer=nasimi_appeals)
    application = services.extend(
        actor=actor(nasimi_appeals), application=application, days=10, reason="Asked the housing office"
    )
    assert application.status == Status.EXTENDED
    assert application.due_on == load_default().add_working_days(datetime.date(2023, 3, 14), 25)
    with pytest.raises(ValidationError, match="already been extended"):
        services.extend(actor=actor(nasimi_appeals), application=application, days=5, reason="again")
    application = services.answer(
        actor=actor(nasimi_appeals), application=application, answer="A patrol was sent; warned.",
        answered_on=datetime.date(2023, 4, 20),
    )  # fmt: skip
    closed = services.close(actor=actor(nasimi_appeals), application=application)
    assert closed.status == Status.CLOSED
    moves = list(Step.objects.filter(application=application).values_list("status_from", "status_to"))
    assert moves == [
        ("", Status.REGISTERED),
        (Status.REGISTERED, Status.ASSIGNED),
        (Status.ASSIGNED, Status.EXTENDED),
        (Status.EXTENDED, Status.ANSWERED),
        (Status.ANSWERED, Status.CLOSED),
    ]
    assert all(step.username for step in Step.objects.filter(application=application)[1:])


def test_an_extension_is_at_most_thirty_working_days_and_needs_a_reason(nasimi_appeals):
    application = services.assign(
        actor=actor(nasimi_appeals), application=apply(nasimi_appeals), officer=nasimi_appeals
    )
    with pytest.raises(ValidationError, match="1 to 30"):
        services.extend(actor=actor(nasimi_appeals), application=application, days=31, reason="x")
    with pytest.raises(ValidationError, match="why"):
        services.extend(actor=actor(nasimi_appeals), application=application, days=5, reason=" ")


def test_a_step_the_workflow_does_not_allow_is_refused(nasimi_appeals):
    application = apply(nasimi_appeals)
    with pytest.raises(ValidationError, match="cannot be"):
        services.close(actor=actor(nasimi_appeals), application=application)
    assert Application.objects.get(pk=application.pk).status == Status.REGISTERED


def test_only_the_responsible_officer_or_a_chief_closes(nasimi_appeals, nasimi_chief, db):
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    colleague = make_user("colleague", Role.APPEALS_OFFICER, ["baku-nasimi"])
    application = services.assign(
        actor=actor(nasimi_appeals), application=apply(nasimi_appeals), officer=nasimi_appeals
    )
    application = services.answer(actor=actor(nasimi_appeals), application=application, answer="Done.")
    with pytest.raises(PermissionDenied):
        services.close(actor=actor(colleague), application=application)
    assert services.close(actor=actor(nasimi_chief), application=application).status == Status.CLOSED


def test_forwarding_within_the_ministry_moves_the_application_and_restarts_its_deadline(
    nasimi_appeals, ganja_appeals
):
    application = apply(nasimi_appeals, subject=Subject.objects.get(code="road_traffic"))
    assert services.competent(application).competent_body.code == "road-police"
    forwarded = services.forward(
        actor=actor(nasimi_appeals), application=application, body=body("road-police"),
        reason="A driving licence matter",
    )  # fmt: skip
    assert forwarded.status == Status.FORWARDED and forwarded.body.code == "road-police"
    assert forwarded.forwarded_from.code == "baku-nasimi"
    assert forwarded.due_on == load_default().add_working_days(forwarded.forwarded_on, 15)
    step = Step.objects.get(application=application, status_to=Status.FORWARDED)
    assert step.applicant_told and step.reason == "A driving licence matter"
    # It has left the district: its officer no longer reaches it.
    assert not Application.objects.visible_to(nasimi_appeals).filter(pk=application.pk).exists()


def test_forwarding_outside_the_ministry_names_the_authority(nasimi_appeals):
    application = apply(nasimi_appeals, subject=Subject.objects.get(code="migration"))
    assert services.competent(application).external_authority.startswith("State Migration Service")
    forwarded = services.forward(
        actor=actor(nasimi_appeals), application=application, authority="State Migration Service",
        reason="Residence permit",
    )  # fmt: skip
    assert forwarded.forwarded_to_authority == "State Migration Service"
    assert forwarded.body.code == "baku-nasimi"


def test_a_repeat_after_three_substantive_answers_may_be_left_unconsidered(nasimi_appeals):
    for month in (1, 2, 3):
        earlier = apply(nasimi_appeals, received_on=datetime.date(2023, month, 2))
        earlier = services.assign(actor=actor(nasimi_appeals), application=earlier, officer=nasimi_appeals)
        services.answer(
            actor=actor(nasimi_appeals), application=earlier, answer="Answered.",
            answered_on=datetime.date(2023, month, 20),
        )  # fmt: skip
    fourth = apply(nasimi_appeals, received_on=datetime.date(2023, 4, 3))
    assert services.repeats(fourth) == 3
    left = services.leave_unconsidered(
        actor=actor(nasimi_appeals), application=fourth, why=NotConsidered.REPEAT, reason="Nothing new."
    )
    assert left.status == Status.NOT_CONSIDERED
    other = apply(nasimi_appeals, applicant_id_number="AZE00000001", received_on=datetime.date(2023, 4, 3))
    with pytest.raises(ValidationError, match="three substantive answers"):
        services.leave_unconsidered(
            actor=actor(nasimi_appeals), application=other, why=NotConsidered.REPEAT, reason="x"
        )


def test_an_officer_cannot_register_for_a_body_out_of_reach(ganja_appeals):
    with pytest.raises(ValidationError, match="outside your reach"):
        apply(ganja_appeals)
    assert not Application.objects.exists()


def test_a_crime_officer_cannot_register_applications(nasimi_officer):
    with pytest.raises(PermissionDenied):
        apply(nasimi_officer)


def test_a_calendar_change_counts_open_deadlines_again(nasimi_appeals):
    from precinct.core.models import CalendarDay, DayKind
    from precinct.core.signals import calendar_changed

    application = apply(nasimi_appeals, received_on=datetime.date(2023, 5, 2))
    before = application.due_on
    CalendarDay.objects.create(
        date=datetime.date(2023, 5, 3), kind=DayKind.REST, name_en="A transferred rest day"
    )
    calendar_changed.send(sender=CalendarDay, actor=actor(nasimi_appeals))
    assert Application.objects.get(pk=application.pk).due_on == load_default().add_working_days(before, 1)
