"""The only way to change appeals: each function checks the actor's right and reach, moves the
application one step along its workflow, records the step, and audits it, in one transaction."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.appeals import numbers
from precinct.appeals.attachments import content_type
from precinct.appeals.deadlines import deadline_start, due_date
from precinct.appeals.models import (
    MAX_EXTENSION_DAYS,
    Application,
    Attachment,
    Feedback,
    NotConsidered,
    ReceptionDay,
    RoutingRule,
    Status,
    Step,
    on_the_clock,
)
from precinct.appeals.rules import application_errors
from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.core.roles import CHANGE, can
from precinct.core.workdays import current_calendar
from precinct.organisation.models import Body

DOMAIN = "appeals"

# status → the statuses it may move to
MOVES = {
    Status.REGISTERED: {Status.ASSIGNED, Status.FORWARDED, Status.NOT_CONSIDERED},
    Status.ASSIGNED: {
        Status.ASSIGNED,
        Status.FORWARDED,
        Status.EXTENDED,
        Status.ANSWERED,
        Status.NOT_CONSIDERED,
    },
    Status.EXTENDED: {Status.EXTENDED, Status.ANSWERED},
    Status.FORWARDED: {Status.ASSIGNED, Status.CLOSED},
    Status.ANSWERED: {Status.CLOSED},
    Status.CLOSED: set(),
    Status.NOT_CONSIDERED: {Status.CLOSED},
}


def today() -> datetime.date:
    return timezone.localdate()


def competent(application: Application) -> RoutingRule | None:
    """The routing rule that names who is competent for the application, if not its own body."""
    rules = RoutingRule.objects.filter(subject=application.subject_id).select_related("competent_body")
    rule = rules.filter(received_by=application.body_id).first() or rules.filter(received_by=None).first()
    if rule is None or rule.competent_body_id == application.body_id:
        return None
    if rule.competent_body and application.body.path.startswith(rule.competent_body.path):
        return None  # received by a body under the competent one: it is its own business
    return rule


def step(actor: Actor, application: Application, status_from: str, reason: str = "", told: bool = False):
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    return Step.objects.create(
        application=application,
        at=timezone.now(),
        on=today(),
        user=user,
        username=getattr(user, "username", "") or "",
        status_from=status_from,
        status_to=application.status,
        reason=reason[:500],
        applicant_told=told,
    )


def ensure_move(application: Application, to: str) -> None:
    if to not in MOVES[application.status]:
        raise ValidationError(
            {
                "status": [
                    _("An application that is %(now)s cannot be %(to)s.")
                    % {"now": application.get_status_display(), "to": Status(to).label}
                ]
            }
        )


def move(actor: Actor, application: Application, to: str, values: dict, reason: str = "", told=False):
    """Change an application's status (and fields) if the workflow allows it, with its step."""
    ensure_move(application, to)
    status_from = application.status
    updated = core.update(actor, application, {**values, "status": to}, application_errors)
    step(actor, updated, status_from, reason, told)
    return updated


def ensure_can_change(actor: Actor, application: Application) -> None:
    core.ensure_allowed(actor, DOMAIN, application.body.path)


@transaction.atomic
def register(*, actor: Actor, values: dict, attachments=(), public: bool = False) -> Application:
    """Register an application: its number, its deadline, and, for an anonymous one, its notice that it
    is not considered. `public` registrations come from the citizens' form and the Open311 API."""
    application = Application(**values)
    if not public:
        core.ensure_allowed(actor, DOMAIN, application.body.path if application.body_id else None)
    core.ensure_valid(application_errors(application))
    kinds = [content_type(upload) for upload in attachments]  # every file checked before anything is written
    calendar = current_calendar()
    application.number = numbers.take(application.received_on.year)[0]
    application.year = application.received_on.year
    application.due_on = due_date(calendar, application.received_on, application.needs_study, 0)
    anonymous = application.anonymous
    if anonymous:
        application.status = Status.NOT_CONSIDERED
        application.not_considered = NotConsidered.ANONYMOUS
    created = core.create(actor, application, application_errors)
    for upload, kind in zip(attachments, kinds, strict=True):
        attach(actor=actor, application=created, upload=upload, kind=kind)
    reason = _("The applicant is not identified: not considered, as the law says.") if anonymous else ""
    step(actor, created, "", reason)
    return created


# What an officer may still correct on an application; the rest moves only by the workflow.
EDITABLE = {
    "received_on", "channel", "reception_day", "subject", "needs_study", "applicant_name",
    "applicant_id_number", "applicant_address", "applicant_phone", "applicant_email", "text",
}  # fmt: skip


@transaction.atomic
def edit(*, actor: Actor, application: Application, values: dict, expected_version: int | None = None,
         attachments=()) -> Application:  # fmt: skip
    ensure_can_change(actor, application)
    kinds = [content_type(upload) for upload in attachments]
    if values.get("body") is not None and values["body"].pk != application.body_id:
        raise ValidationError({"body": [_("An application changes body only by being forwarded.")]})
    values = {name: value for name, value in values.items() if name in EDITABLE}
    start = values.get("received_on", application.received_on)
    needs_study = values.get("needs_study", application.needs_study)
    if application.is_open and not application.forwarded_from_id:
        values["due_on"] = due_date(current_calendar(), start, needs_study, application.extension_days)
    updated = core.update(actor, application, values, application_errors, expected_version)
    for upload, kind in zip(attachments, kinds, strict=True):
        attach(actor=actor, application=updated, upload=upload, kind=kind)
    return updated


def attach(*, actor: Actor, application: Application, upload, kind: str) -> Attachment:
    """Store a file already checked (`content_type`) with the application it came with."""
    attachment = Attachment(
        application=application, name=upload.name[:200], size=upload.size, content_type=kind
    )
    attachment.file.save(upload.name, upload, save=False)
    return core.create(actor, attachment)


def assign(*, actor: Actor, application: Application, officer, reason: str = "") -> Application:
    ensure_can_change(actor, application)
    if not officer.is_active or not officer.reaches(application.body) or not can(officer, DOMAIN, CHANGE):
        raise ValidationError({"officer": [_("This officer cannot work on this body's applications.")]})
    to = Status.EXTENDED if application.status == Status.EXTENDED else Status.ASSIGNED
    return move(actor, application, to, {"officer": officer}, reason)


def forward(*, actor: Actor, application: Application, reason: str, body: Body | None = None,
            authority: str = "") -> Application:  # fmt: skip
    """Send an application outside the body's competence to the competent body (within the ministry) or
    authority (outside it); the applicant is told. Within the ministry the answer's deadline runs anew
    from the day it is forwarded, as the law counts it from receipt by the competent body."""
    ensure_can_change(actor, application)
    if (body is None) == (not authority):
        raise ValidationError({"body": [_("Name either a territorial body or an authority to forward to.")]})
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the application is forwarded.")]})
    on = today()
    # The body that received it keeps the credit for receiving and forwarding it, however often it moves on.
    receiver = application.forwarded_from or application.body
    values = {
        "forwarded_from": receiver,
        "forwarded_on": application.forwarded_on or on,
        "forwarded_to_authority": authority,
    }
    if application.due_on < on and not application.missed_due_on:
        # Forwarded late: the deadline missed is kept, with the body that missed it, before a new one runs.
        values |= {"missed_due_on": application.due_on, "missed_by": application.body}
    if body is not None:
        if body.pk == application.body_id:
            raise ValidationError({"body": [_("The application is already with this body.")]})
        values |= {
            "body": body,
            "arrived_on": on,
            "officer": None,
            "due_on": due_date(current_calendar(), on, application.needs_study, 0),
        }
    return move(actor, application, Status.FORWARDED, values, reason, told=True)


def extend(*, actor: Actor, application: Application, days: int, reason: str) -> Application:
    """The one extension the law allows, of at most 30 working days, with its reason."""
    ensure_can_change(actor, application)
    if application.extension_days:
        raise ValidationError({"days": [_("The deadline has already been extended once.")]})
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationError(
            {"days": [_("An extension is of 1 to %(max)s working days.") % {"max": MAX_EXTENSION_DAYS}]}
        )
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the deadline is extended.")]})
    start = deadline_start(application)
    values = {
        "extension_days": days,
        "extension_reason": reason,
        "due_on": due_date(current_calendar(), start, application.needs_study, days),
    }
    return move(actor, application, Status.EXTENDED, values, reason, told=True)


def answer(*, actor: Actor, application: Application, answer: str, answered_on: datetime.date | None = None,
           substantive: bool = True) -> Application:  # fmt: skip
    ensure_can_change(actor, application)
    if not answer.strip():
        raise ValidationError({"answer": [_("Write the answer.")]})
    answered_on = answered_on or today()
    if answered_on > today():
        raise ValidationError({"answered_on": [_("An answer cannot be dated in the future.")]})
    values = {"answer": answer, "answered_on": answered_on, "substantive": substantive}
    return move(actor, application, Status.ANSWERED, values, told=True)


def close(*, actor: Actor, application: Application, reason: str = "") -> Application:
    """Only the responsible officer or a chief of the body closes an application."""
    ensure_can_change(actor, application)
    ensure_move(application, Status.CLOSED)
    user = actor.user
    if not (getattr(user, "is_chief", False) or user.pk == application.officer_id):
        raise PermissionDenied(_("Only the responsible officer or a chief closes an application."))
    return move(actor, application, Status.CLOSED, {"closed_on": today()}, reason)


def leave_unconsidered(*, actor: Actor, application: Application, why: str, reason: str = "") -> Application:
    """Leave an anonymous application, or a repeat with nothing new, unconsidered, telling the applicant."""
    ensure_can_change(actor, application)
    if why == NotConsidered.REPEAT and repeats(application) < 3:
        raise ValidationError(
            {"why": [_("The applicant has not had three substantive answers on this subject in a year.")]}
        )
    if why == NotConsidered.ANONYMOUS and not application.anonymous:
        raise ValidationError({"why": [_("The applicant is identified.")]})
    return move(actor, application, Status.NOT_CONSIDERED, {"not_considered": why}, reason, told=True)


def repeats(application: Application) -> int:
    """Substantive answers given to the same applicant on the same subject in the year before this one."""
    if not application.applicant_id_number:
        return 0
    since = application.received_on - datetime.timedelta(days=365)
    return (
        Application.objects.filter(
            applicant_id_number=application.applicant_id_number,
            subject=application.subject_id,
            status__in=(Status.ANSWERED, Status.CLOSED),
            substantive=True,
            answered_on__gte=since,
            answered_on__lte=application.received_on,
        )
        .exclude(pk=application.pk)
        .count()
    )


def add_feedback(*, actor: Actor, application: Application, kind: str, received_on: datetime.date,
                 text: str = "") -> Feedback:  # fmt: skip
    ensure_can_change(actor, application)
    feedback = Feedback(
        application=application, officer=application.officer, kind=kind, received_on=received_on, text=text
    )
    if feedback.received_on and feedback.received_on < application.received_on:
        raise ValidationError({"received_on": [_("Feedback cannot come before the application.")]})
    return core.create(actor, feedback)


def save_reception_day(*, actor: Actor, values: dict, bodies, reception_day: ReceptionDay | None = None,
                       expected_version: int | None = None) -> ReceptionDay:  # fmt: skip
    body = values.get("body") or reception_day.body
    core.ensure_allowed(actor, DOMAIN, body.path)
    if reception_day is None:
        return core.create(actor, ReceptionDay(**values), m2m={"bodies": bodies})
    core.ensure_allowed(actor, DOMAIN, reception_day.body.path)
    return core.update(
        actor, reception_day, values, expected_version=expected_version, m2m={"bodies": bodies}
    )


def recount_deadlines(sender=None, actor: Actor | None = None, **kwargs) -> int:
    """Count the deadlines of open applications again after the calendar changed; each change audited."""
    calendar = current_calendar()
    changed = 0
    for application in Application.objects.filter(on_the_clock()):
        start = deadline_start(application)
        due = due_date(calendar, start, application.needs_study, application.extension_days)
        if due != application.due_on:
            core.update(actor or Actor(user=None, via="web"), application, {"due_on": due})
            changed += 1
    return changed
