"""What a sanction in force and a death in the line of duty do to the service history.

A dismissal from service, or a death, ends the service on its day: the open posts end, and a closing step
records it. A release from position puts the employee at the disposal of the personnel department, and a
demotion lowers the rank by one, each as a new post from the order's day. The steps keep the investigation
or casualty they follow from, so that when it changes (an appeal annuls or reduces the sanction, a
casualty is corrected) they are taken back and the posts they ended open again: the service history, and
with it "the body, position and rank at the time" of every later event, says what stands.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.organisation.models import Employee, Position, Rank
from precinct.personnel.models import (
    AT_DISPOSAL,
    ENDINGS,
    Casualty,
    Investigation,
    Move,
    Outcome,
    Sanction,
    ServiceRecord,
    post_on,
)

MOVE_OF = {
    Sanction.DISMISSAL: Move.DISMISSAL,
    Sanction.RELEASE: Move.RELEASE,
    Sanction.DEMOTION: Move.DEMOTION,
}
ONE_DAY = datetime.timedelta(days=1)


def ended(employee: Employee, before: datetime.date | None = None, apart=None) -> ServiceRecord | None:
    """The step that ended the employee's service (on or before `before`, if given), other than the one
    that follows from the record `apart` (an investigation's own dismissal)."""
    found = ServiceRecord.objects.filter(employee=employee, move__in=ENDINGS)
    if isinstance(apart, Investigation | Casualty) and apart.pk:
        found = found.exclude(**{type(apart)._meta.model_name: apart})
    if before is not None:
        found = found.filter(starts_on__lte=before)
    return found.order_by("starts_on").first()


def serving_errors(employee: Employee | None, day: datetime.date | None, field: str,
                   apart=None) -> dict[str, list[str]]:  # fmt: skip
    """Refuses an event of a day on which the employee no longer served."""
    if employee is None or employee.pk is None or day is None:
        return {}
    end = ended(employee, before=day, apart=apart)
    if end is None:
        return {}
    return {field: [_("The employee left the service on %(day)s (%(why)s).")
                    % {"day": f"{end.starts_on:%d.%m.%Y}", "why": end.get_move_display()}]}  # fmt: skip


def due(source: Investigation | Casualty) -> tuple[str, datetime.date, str] | None:
    """The step the record calls for now: its move, day and order number, or None."""
    if isinstance(source, Casualty):
        return (Move.DEATH, source.occurred_on, "") if source.outcome == Outcome.KILLED else None
    move = MOVE_OF.get(source.standing_sanction())
    if move is None or source.order_date is None:
        return None
    return move, source.order_date, source.order_number


def follow(actor: Actor, source: Investigation | Casualty) -> None:
    """Bring the service history in line with the record as it now stands."""
    link = {"casualty" if isinstance(source, Casualty) else "investigation": source}
    made = list(ServiceRecord.objects.filter(**link).order_by("starts_on"))
    wanted = due(source)
    if (
        made
        and wanted
        and (made[0].move, made[0].starts_on, made[0].order_number) == wanted[:3]
        and (made[0].employee_id == source.employee_id)
    ):
        return
    for step in made:
        take_back(actor, step)
    if wanted:
        record(actor, source.employee, *wanted, link)


def record(actor: Actor, employee: Employee, move: str, day: datetime.date, order_number: str,
           link: dict, field: str = "") -> ServiceRecord:  # fmt: skip
    """A step of the service that follows from a record (`link`) or is recorded itself (leaving the
    service); a refusal names `field`."""
    employee = Employee.objects.get(pk=employee.pk)  # the organisation's record, whatever proxy it came as
    field = field or ("occurred_on" if "casualty" in link else "order_date")
    core.ensure_valid(serving_errors(employee, day, field))
    present = post_on(employee, day)
    if present is None:
        raise ValidationError({field: [_("The employee held no post on this day.")]})
    later = employee.service.filter(starts_on__gt=day).exclude(move=Move.TEMPORARY).first()
    if move in ENDINGS:  # nothing of the service may begin after its end, a temporary assignment included
        later = employee.service.filter(starts_on__gt=day).first()
    if later is not None:
        raise ValidationError({field: [
            _("The service history has a later step (%(step)s): take it back first, on the employee's file.")
            % {"step": later}
        ]})  # fmt: skip
    step = ServiceRecord(
        employee=employee, move=move, starts_on=day, body=present.body, unit=present.unit,
        position=present.position, rank=present.rank, order_number=order_number, **link,
    )  # fmt: skip
    if move == Move.RELEASE:
        step.position = Position.objects.get(code=AT_DISPOSAL)
    if move == Move.DEMOTION:
        lower = Rank.objects.filter(seniority__lt=present.rank.seniority).order_by("-seniority").first()
        if lower is None:
            raise ValidationError(
                {"sanction": [_("The employee holds the lowest rank: it cannot be lowered.")]}
            )
        step.rank = lower
    if move in ENDINGS:
        step.ends_on = day
    step = core.create(actor, step)
    # The posts running on the day end the day before (a post begun that day, on it); each keeps the end
    # it had, so that the step taken back gives it again.
    running = employee.service.filter(starts_on__lte=day).exclude(pk=step.pk)
    running = running.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day))
    if move not in ENDINGS:
        running = running.filter(temporary=False)  # a sanction leaves a commandant's assignment as it is
    for post in running:
        core.update(actor, post, {"ends_on": max(post.starts_on, day - ONE_DAY), "cut_by": step,
                                  "ended_before_cut": post.ends_on})  # fmt: skip
    if move not in ENDINGS:
        core.update(actor, employee, {"body": step.body, "position": step.position, "rank": step.rank})
    return step


def take_back(actor: Actor, step: ServiceRecord) -> None:
    """Undo a step: it goes (audited), and the posts it ended run again as they ran before. When the
    service has moved on since (a new appointment after a release), the step stays in the history as what
    happened until the appeal, no longer tied to the sanction."""
    employee = step.employee
    later = employee.service.filter(starts_on__gt=step.starts_on).exclude(pk=step.pk)
    if later.exclude(move=Move.TEMPORARY).exists():
        core.update(actor, step, {"investigation": None, "casualty": None})
        return
    for post in employee.service.filter(cut_by=step):
        core.update(actor, post, {"ends_on": post.ended_before_cut, "cut_by": None, "ended_before_cut": None})
    core.delete(actor, step)
    present = employee.service.filter(temporary=False, ends_on__isnull=True).order_by("-starts_on").first()
    if present is not None:
        core.update(
            actor, employee, {"body": present.body, "position": present.position, "rank": present.rank}
        )
