"""The only way to change personnel records: validate, write and audit at once, within the actor's role
and reach. An employee's present body, position and rank follow the service history."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.core.roles import Role
from precinct.core.workdays import current_calendar
from precinct.organisation.models import Employee
from precinct.personnel import effects
from precinct.personnel.effects import serving_errors
from precinct.personnel.models import (
    RECORDED_MOVES,
    AppealOutcome,
    Attendance,
    Award,
    Casualty,
    Course,
    Investigation,
    Move,
    Sanction,
    ServiceRecord,
    post_on,
)

PERSONNEL, DISCIPLINE = "personnel", "discipline"


def in_future(day: datetime.date | None) -> bool:
    return day is not None and day > timezone.localdate()


# Employees and their service ------------------------------------------------------------------------------


@transaction.atomic
def hire(*, actor: Actor, values: dict, joined_on: datetime.date, unit: str = "",
         order_number: str = "") -> Employee:  # fmt: skip
    """A new employee (personnel number, names, body, position, rank), with the appointment that opens
    the service history."""
    employee = Employee(**values)
    core.ensure_allowed(actor, PERSONNEL, employee.body.path)
    employee = core.create(actor, employee)
    post = ServiceRecord(
        employee=employee, move=Move.APPOINTMENT, starts_on=joined_on, body=employee.body, unit=unit,
        position=employee.position, rank=employee.rank, order_number=order_number,
    )  # fmt: skip
    core.create(actor, post, service_errors)
    return employee


def service_errors(post: ServiceRecord) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if post.ends_on and post.ends_on < post.starts_on:
        errors["ends_on"] = [_("A post ends on or after the day it begins.")]
    if in_future(post.starts_on) and post.move != Move.TEMPORARY:
        errors["starts_on"] = [_("A day in the future cannot be recorded yet.")]
    if post.move != Move.APPOINTMENT and not post.order_number:
        errors["order_number"] = [_("A move is made by an order: give its number.")]
    if post.move not in RECORDED_MOVES:
        errors["move"] = [_("This step follows from a sanction or a casualty: record that instead.")]
    if post.employee_id:
        errors |= serving_errors(post.employee, post.starts_on, "starts_on")
    same = {
        "move": post.move,
        "starts_on": post.starts_on,
        "body": post.body_id,
        "position": post.position_id,
    }
    if post.employee_id and post.employee.service.exclude(pk=post.pk).filter(**same).exists():
        errors["starts_on"] = [_("This move is already recorded.")]
    return errors


@transaction.atomic
def record_move(*, actor: Actor, employee: Employee, values: dict) -> ServiceRecord:
    """A promotion, transfer, new appointment or temporary assignment (a commandant's, say). A standing
    move ends the post before it and becomes the employee's present one; a temporary one runs beside."""
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if values.get("move") == Move.LEAVING:  # the service ends: the posts end, whatever the form says
        core.ensure_allowed(actor, PERSONNEL, employee.body.path)
        if not values.get("order_number"):
            raise ValidationError({"order_number": [_("A move is made by an order: give its number.")]})
        return effects.record(actor, employee, Move.LEAVING, values["starts_on"], values["order_number"], {},
                              field="starts_on")  # fmt: skip
    post = ServiceRecord(employee=employee, **values)
    post.temporary = post.move == Move.TEMPORARY
    core.ensure_allowed(actor, PERSONNEL, employee.body.path)
    core.ensure_allowed(actor, PERSONNEL, post.body.path)
    core.ensure_valid(service_errors(post))
    first = employee.service.order_by("starts_on").first()
    if first and post.starts_on < first.starts_on:
        raise ValidationError({"starts_on": [_("A post begins once the employee has joined the service.")]})
    present = employee.service.filter(temporary=False).order_by("-starts_on").first()
    if not post.temporary and present and post.starts_on <= present.starts_on:
        raise ValidationError({"starts_on": [_("A move comes after the present post began.")]})
    if post.move == Move.PROMOTION and present and post.rank.seniority <= present.rank.seniority:
        raise ValidationError({"rank": [_("A promotion gives a rank above the present one.")]})
    post = core.create(actor, post, service_errors)
    if not post.temporary:
        for open_post in employee.service.filter(temporary=False, ends_on__isnull=True).exclude(pk=post.pk):
            ends = max(open_post.starts_on, post.starts_on - datetime.timedelta(days=1))
            core.update(actor, open_post, {"ends_on": ends, "cut_by": post, "ended_before_cut": None})
        core.update(actor, employee, {"body": post.body, "position": post.position, "rank": post.rank})
    return post


def last_step(employee: Employee) -> ServiceRecord | None:
    """The employee's latest step, when it was recorded as a move (not one a sanction or a casualty
    made, which follows its record, nor the appointment that opened the file): the one a correction may
    take back."""
    latest = employee.service.order_by("-starts_on", "-pk").first()
    if latest is None or latest.investigation_id or latest.casualty_id:
        return None
    if not employee.service.exclude(pk=latest.pk).exists():
        return None
    return latest


@transaction.atomic
def take_back_step(*, actor: Actor, employee: Employee) -> ServiceRecord:
    """A move recorded by mistake taken back (audited): the posts it ended run again as before."""
    core.ensure_allowed(actor, PERSONNEL, employee.body.path)
    step = last_step(employee)
    if step is None:
        raise ValidationError({"move": [_("There is no recorded move to take back.")]})
    effects.take_back(actor, step)
    return step


def joined_on(employee: Employee) -> datetime.date | None:
    first = employee.service.order_by("starts_on").first()
    return first.starts_on if first else None


def award_errors(award: Award) -> dict[str, list[str]]:
    if in_future(award.awarded_on):
        return {"awarded_on": [_("A day in the future cannot be recorded yet.")]}
    if errors := serving_errors(award.employee, award.awarded_on, "awarded_on"):
        return errors
    joined = joined_on(award.employee)
    if joined and award.awarded_on < joined:
        return {"awarded_on": [_("An award comes after the employee joined the service.")]}
    same = Award.objects.filter(employee=award.employee, title=award.title, awarded_on=award.awarded_on)
    if same.exclude(pk=award.pk).exists():
        return {"title": [_("This award is already recorded.")]}
    return {}


def grant_award(*, actor: Actor, employee: Employee, values: dict) -> Award:
    """An award or commendation, as the order that grants it says."""
    core.ensure_allowed(actor, PERSONNEL, employee.body.path)
    return core.create(actor, Award(employee=employee, **values), award_errors)


# Discipline -----------------------------------------------------------------------------------------------


def body_at(employee: Employee, day: datetime.date):
    """The body an employee served in on a day: where an event of that day is counted."""
    post = post_on(employee, day)
    return post.body if post else employee.body


def due_on(opened_on: datetime.date) -> datetime.date:
    """The investigation's time limit: `DISCIPLINE_WORKING_DAYS` working days after it was opened."""
    return current_calendar().add_working_days(opened_on, settings.DISCIPLINE_WORKING_DAYS)


def investigation_errors(investigation: Investigation) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {
        name: [_("A day in the future cannot be recorded yet.")]
        for name in ("opened_on", "closed_on", "order_date", "appealed_on")
        if in_future(getattr(investigation, name))
    }
    if investigation.closed_on and investigation.closed_on < investigation.opened_on:
        errors["closed_on"] = [_("An investigation closes on or after the day it was opened.")]
    if investigation.sanction and investigation.finding != "sustained":
        errors["sanction"] = [_("A sanction follows only a finding that the breach is sustained.")]
    if investigation.finding and not investigation.closed_on:
        errors["closed_on"] = [_("A finding is decided when the investigation is closed: give the day.")]
    if investigation.sanction and not (investigation.order_number and investigation.order_date):
        errors["order_number"] = [_("A sanction is imposed by an order: give its number and date.")]
    if investigation.order_date and investigation.order_date < investigation.opened_on:
        errors["order_date"] = [_("The order comes after the investigation was opened.")]
    if (investigation.order_number or investigation.order_date) and not investigation.sanction:
        errors["sanction"] = [_("An order imposes a sanction: choose it, or leave the order out.")]
    if (
        investigation.appealed_on
        and investigation.order_date
        and investigation.appealed_on < investigation.order_date
    ):
        errors["appealed_on"] = [_("A sanction is appealed after the order that imposed it.")]
    if investigation.appeal_outcome and not investigation.appealed_on:
        errors["appealed_on"] = [_("Give the day the sanction was appealed.")]
    if investigation.appealed_on and not investigation.sanction:
        errors["appealed_on"] = [_("Only a sanction can be appealed.")]
    if investigation.appeal_outcome == AppealOutcome.REDUCED:
        lighter = list(Sanction.values)
        if not investigation.appeal_sanction:
            errors["appeal_sanction"] = [
                _("Choose the sanction the appeal put in the place of the one decided.")
            ]
        elif investigation.sanction and lighter.index(investigation.appeal_sanction) <= lighter.index(
            investigation.sanction
        ):
            errors["appeal_sanction"] = [_("A reduced sanction is lighter than the one decided.")]
    elif investigation.appeal_sanction:
        errors["appeal_sanction"] = [_("A sanction after appeal is given only when the appeal reduced it.")]
    if investigation.employee_id:
        errors |= serving_errors(investigation.employee, investigation.opened_on, "opened_on", investigation)
        errors |= serving_errors(
            investigation.employee, investigation.order_date, "order_date", investigation
        )
    if investigation.application_id and investigation.origin != "complaint":
        errors["application"] = [_("An application is linked to an investigation begun by a complaint.")]
    elif investigation.application_id and investigation.application.received_on > investigation.opened_on:
        errors["application"] = [_("The complaint is received before the investigation it begins.")]
    return errors


# What the inspectors' chief decides; an inspector recommends a finding, and records the rest of the file.
DECIDED = (
    "finding",
    "sanction",
    "order_number",
    "order_date",
    "appealed_on",
    "appeal_outcome",
    "appeal_sanction",
)


def decides(user) -> bool:
    """Whether the user decides investigations: the inspectors' chief, or an administrator."""
    return user.is_superuser or user.role == Role.ADMINISTRATOR or user.is_chief


def ensure_decides(actor: Actor, investigation: Investigation | None, values: dict) -> None:
    """Refuses a decision (the finding, the sanction, the appeal's outcome) from anyone but the chief or an
    administrator, naming each field."""
    if decides(actor.user):
        return
    if investigation is not None:  # as stored: a form has already put its values on the one it was given
        investigation = Investigation.objects.get(pk=investigation.pk)
    # Once decided, whom and what the decision is about is the chief's to change too.
    names = DECIDED + (("employee", "grounds") if investigation is not None and investigation.finding else ())
    changed = [
        name for name in names
        if name in values and values[name] != (getattr(investigation, name) if investigation else None)
        and (investigation is not None or values[name])
    ]  # fmt: skip
    if changed:
        reason = _("Decided by the inspectors' chief: record the finding you recommend.")
        raise ValidationError({name: [reason] for name in changed})


@transaction.atomic
def open_investigation(*, actor: Actor, values: dict) -> Investigation:
    ensure_decides(actor, None, values)
    investigation = Investigation(**values)
    if investigation.employee_id and investigation.opened_on:
        investigation.body = body_at(investigation.employee, investigation.opened_on)
    core.ensure_allowed(actor, DISCIPLINE, investigation.body.path)
    core.ensure_visible(actor, "employee", [investigation.employee])
    core.ensure_visible(actor, "application", [investigation.application])
    core.ensure_valid(investigation_errors(investigation))
    investigation.due_on = due_on(investigation.opened_on)
    investigation = core.create(actor, investigation, investigation_errors)
    effects.follow(actor, investigation)
    return investigation


@transaction.atomic
def edit_investigation(*, actor: Actor, investigation: Investigation, values: dict,
                       expected_version: int | None = None) -> Investigation:  # fmt: skip
    core.ensure_allowed(actor, DISCIPLINE, investigation.body.path)
    ensure_decides(actor, investigation, values)
    if "body" in values:
        core.ensure_allowed(actor, DISCIPLINE, values["body"].path)
    core.ensure_visible(actor, "application", [values.get("application")])
    if "opened_on" in values:
        values = values | {"due_on": due_on(values["opened_on"])}
    if "opened_on" in values or "employee" in values:
        employee = values.get("employee", investigation.employee)
        values = values | {"body": body_at(employee, values.get("opened_on", investigation.opened_on))}
        core.ensure_allowed(actor, DISCIPLINE, values["body"].path)
    investigation = core.update(actor, investigation, values, investigation_errors, expected_version)
    effects.follow(actor, investigation)
    return investigation


# Training and casualties -------------------------------------------------------------------------------


def course_errors(course: Course) -> dict[str, list[str]]:
    if course.ends_on and course.starts_on and course.ends_on < course.starts_on:
        return {"ends_on": [_("A course ends on or after the day it begins.")]}
    return {}


def save_course(*, actor: Actor, values: dict, course: Course | None = None,
                expected_version: int | None = None) -> Course:  # fmt: skip
    core.ensure_allowed(actor, PERSONNEL, (values.get("body") or course.body).path)
    if course is None:
        return core.create(actor, Course(**values), course_errors)
    core.ensure_allowed(actor, PERSONNEL, course.body.path)
    return core.update(actor, course, values, course_errors, expected_version)


@transaction.atomic
def enrol(*, actor: Actor, course: Course, employee: Employee, result: str = "completed") -> Attendance:
    """An employee's part in a course, counted where the employee served when it began."""
    core.ensure_allowed(actor, PERSONNEL, course.body.path)
    core.ensure_visible(actor, "employee", [employee])
    if Attendance.objects.filter(course=course, employee=employee).exists():
        raise ValidationError({"employee": [_("This employee already takes part in the course.")]})
    if in_future(course.starts_on):  # a result is recorded, and none is known before the course
        raise ValidationError(
            {"result": [_("Participants and their results are recorded once the course has begun.")]}
        )
    core.ensure_valid(serving_errors(employee, course.starts_on, "employee"))
    post = post_on(employee, course.starts_on)
    body = post.body if post else employee.body
    return core.create(actor, Attendance(course=course, employee=employee, body=body, result=result))


def casualty_errors(casualty: Casualty) -> dict[str, list[str]]:
    if in_future(casualty.occurred_on):
        return {"occurred_on": [_("A day in the future cannot be recorded yet.")]}
    if not casualty.employee_id or not casualty.occurred_on:
        return {}
    joined = joined_on(casualty.employee)
    if joined and casualty.occurred_on < joined:
        return {"occurred_on": [_("The employee joined the service after this day.")]}
    others = Casualty.objects.filter(employee=casualty.employee).exclude(pk=casualty.pk)
    if others.filter(occurred_on=casualty.occurred_on, outcome=casualty.outcome).exists():
        return {"occurred_on": [_("This casualty is already recorded.")]}
    killed = others.filter(outcome="killed").first()
    if killed and casualty.occurred_on >= killed.occurred_on:
        return {
            "occurred_on": [
                _("The employee was killed on %(day)s.") % {"day": f"{killed.occurred_on:%d.%m.%Y}"}
            ]
        }
    return serving_errors(casualty.employee, casualty.occurred_on, "occurred_on", casualty)


@transaction.atomic
def edit_casualty(*, actor: Actor, casualty: Casualty, values: dict,
                  expected_version: int | None = None) -> Casualty:  # fmt: skip
    """A casualty corrected (an outcome, a day): the service history follows, a death taken back
    reopening the posts it ended."""
    core.ensure_allowed(actor, PERSONNEL, casualty.body.path)
    if "employee" in values:
        core.ensure_visible(actor, "employee", [values["employee"]])
    employee = values.get("employee", casualty.employee)
    day = values.get("occurred_on", casualty.occurred_on)
    if employee is not None and day is not None:
        values = values | {"body": body_at(employee, day)}
        core.ensure_allowed(actor, PERSONNEL, values["body"].path)
    casualty = core.update(actor, casualty, values, casualty_errors, expected_version)
    effects.follow(actor, casualty)
    return casualty


@transaction.atomic
def record_casualty(*, actor: Actor, values: dict) -> Casualty:
    casualty = Casualty(**values)
    if casualty.employee_id and casualty.occurred_on:
        casualty.body = body_at(casualty.employee, casualty.occurred_on)
    core.ensure_allowed(actor, PERSONNEL, casualty.body.path)
    core.ensure_visible(actor, "employee", [casualty.employee])
    casualty = core.create(actor, casualty, casualty_errors)
    effects.follow(actor, casualty)
    return casualty
