"""Personnel: the service of employees (body, unit, position and rank over time), awards, disciplinary
investigations with their findings and sanctions, training, and casualties in the line of duty. The
employee is the organisation's (`organisation.Employee`, whose body, position and rank are the present
ones, kept by `personnel.services` from the service history).

Every record that a figure counts keeps the body of the employee at the time of the event: an employee
transferred since still counts where the event happened. Disciplinary records are a domain of their own
("discipline"), seen only by inspectors and administrators (see core.roles).
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.organisation.models import Body, Employee, Position, Rank


class Staff(Employee):
    """An employee as the personnel service sees one: the file with service history, awards, training,
    casualties and (for inspectors) the disciplinary record. The same record as `organisation.Employee`,
    in the "personnel" domain, so that only those who keep personnel files reach it."""

    domain = "personnel"

    @property
    def service_state(self) -> str:
        """Serving, or the day the service ended (the list annotates `left_on`, see `personnel.views`)."""
        left = getattr(self, "left_on", None)
        return _("left on %(day)s") % {"day": f"{left:%d.%m.%Y}"} if left else _("serving")

    class Meta:
        proxy = True
        verbose_name = _("employee's file")
        verbose_name_plural = _("employees' files")

    def get_absolute_url(self) -> str:
        return reverse("personnel:employee", args=[self.pk])


class Move(models.TextChoices):
    APPOINTMENT = "appointment", _("appointment")
    PROMOTION = "promotion", _("promotion in rank")
    TRANSFER = "transfer", _("transfer")
    TEMPORARY = "temporary", _("temporary assignment")
    # What a disciplinary sanction or a death in the line of duty does to the service (see
    # `personnel.effects`): the service history records it as it records an order.
    DEMOTION = "demotion", _("demotion in rank")
    RELEASE = "release", _("release from position")
    DISMISSAL = "dismissal", _("dismissal from service")
    DEATH = "death", _("killed in the line of duty")
    LEAVING = "leaving", _("leaving the service")


# The positions only the service history's own steps give: a commandant's (a temporary assignment), and
# the one an employee released from position holds until appointed again.
COMMANDANT, AT_DISPOSAL = "commandant", "at-disposal"
# The moves after which the employee no longer serves: nothing of the service is recorded after them.
ENDINGS = (Move.DISMISSAL, Move.DEATH, Move.LEAVING)
# The moves the personnel service records itself; the others follow from a sanction or a casualty.
RECORDED_MOVES = (Move.APPOINTMENT, Move.PROMOTION, Move.TRANSFER, Move.TEMPORARY, Move.LEAVING)


class ServiceRecord(ScopedModel):
    """One step of an employee's service: from a day (to a day), a body, unit, position and rank, by an
    order. A temporary assignment (a commandant's, say) runs beside the standing post."""

    domain = "personnel"
    day_field = "starts_on"
    ENTERED_FIELDS = ["move", "starts_on", "ends_on", "body", "unit", "position", "rank", "order_number"]

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="service")
    move = models.CharField(_("move"), max_length=20, choices=Move.choices)
    temporary = models.BooleanField(_("temporary"), default=False, editable=False)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    position = models.ForeignKey(Position, verbose_name=_("position"), on_delete=models.PROTECT)
    rank = models.ForeignKey(Rank, verbose_name=_("rank"), on_delete=models.PROTECT)
    order_number = models.CharField(_("order number"), max_length=40, blank=True)
    # The sanction or the death this step follows from, when it does: undone with it (an annulled
    # dismissal, a casualty corrected to "injured").
    investigation = models.ForeignKey(
        "Investigation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="effects",
    )
    casualty = models.ForeignKey(
        "Casualty", null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="effects"
    )
    # The step that ended this post early (a dismissal, a release…), and the end it had before: given back
    # when the step is taken back.
    cut_by = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="cut"
    )
    ended_before_cut = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("service record")
        verbose_name_plural = _("service records")
        ordering = ["employee", "starts_on", "pk"]
        indexes = [models.Index(fields=["employee", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.starts_on:%d.%m.%Y} {self.get_move_display()}: {self.position}"


def post_on(employee: Employee, day: datetime.date) -> ServiceRecord | None:
    """The employee's standing post on a day (a temporary assignment aside): body, position, rank."""
    return (
        ServiceRecord.objects.filter(employee=employee, starts_on__lte=day, temporary=False)
        .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day))
        .order_by("-starts_on", "-pk")
        .first()
    )


class Award(ScopedModel):
    class Kind(models.TextChoices):
        AWARD = "award", _("state award")
        MEDAL = "medal", _("medal")
        COMMENDATION = "commendation", _("commendation")

    domain = "personnel"
    body_field = "employee__body"
    ENTERED_FIELDS = ["kind", "title", "awarded_on", "order_number"]

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="awards")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    awarded_on = models.DateField(_("awarded on"))
    order_number = models.CharField(_("order number"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["employee", "-awarded_on"]

    def __str__(self) -> str:
        return f"{self.awarded_on:%d.%m.%Y} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("personnel:employee", args=[self.employee_id])


# Discipline -----------------------------------------------------------------------------------------------


class Grounds(models.TextChoices):
    DISCIPLINE = "discipline", _("breach of service discipline")
    ETHICS = "ethics", _("breach of the rules of ethical behaviour")
    RUDENESS = "rudeness", _("rudeness to citizens")
    ILL_TREATMENT = "ill_treatment", _("ill-treatment")
    CORRUPTION = "corruption", _("corruption")
    UNLAWFUL_DETENTION = "unlawful_detention", _("unlawful detention")
    OTHER = "other", _("other")


class Origin(models.TextChoices):
    COMPLAINT = "complaint", _("a citizen's complaint")
    SUPERVISOR = "supervisor", _("a supervisor's report")
    INTERNAL_CONTROL = "internal_control", _("internal control")
    PROSECUTOR = "prosecutor", _("the prosecutor")


class Finding(models.TextChoices):
    SUSTAINED = "sustained", _("sustained")
    NOT_SUSTAINED = "not_sustained", _("not sustained")
    UNFOUNDED = "unfounded", _("unfounded")
    EXONERATED = "exonerated", _("exonerated")


class Sanction(models.TextChoices):
    """From the heaviest to the lightest."""

    DISMISSAL = "dismissal", _("dismissal from service")
    RELEASE = "release", _("release from position")
    DEMOTION = "demotion", _("demotion")
    SEVERE_REPRIMAND = "severe_reprimand", _("severe reprimand")
    REPRIMAND = "reprimand", _("reprimand")
    WARNING = "warning", _("warning")


# The sanctions the ministry reports as "other disciplinary measures".
OTHER_SANCTIONS = (Sanction.DEMOTION, Sanction.SEVERE_REPRIMAND, Sanction.REPRIMAND, Sanction.WARNING)


class AppealOutcome(models.TextChoices):
    PENDING = "pending", _("pending")
    UPHELD = "upheld", _("sanction upheld")
    REDUCED = "reduced", _("sanction reduced")
    ANNULLED = "annulled", _("sanction annulled")


class Investigation(ScopedModel, Timestamped):
    """A disciplinary investigation of an employee: why and how it began, who inspects it, the finding
    the inspector recommends and the one decided (kept apart), the sanction with its order, and an appeal
    against it. `body` is the employee's body when it was opened."""

    domain = "discipline"
    day_field = "opened_on"
    ENTERED_FIELDS = [
        "employee", "grounds", "origin", "application", "inspector", "opened_on", "closed_on",
        "recommended", "finding", "sanction", "order_number", "order_date", "appealed_on", "appeal_outcome",
        "appeal_sanction", "summary",
    ]  # fmt: skip

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="investigations"
    )
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    grounds = models.CharField(_("grounds"), max_length=30, choices=Grounds.choices)
    origin = models.CharField(_("started by"), max_length=30, choices=Origin.choices)
    application = models.ForeignKey(
        "appeals.Application",
        verbose_name=_("citizen's application"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="investigations",
    )
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inspector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="investigations",
    )
    opened_on = models.DateField(_("opened on"), db_index=True)
    due_on = models.DateField(_("due on"), editable=False)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    recommended = models.CharField(
        _("finding recommended"), max_length=20, choices=Finding.choices, blank=True
    )
    finding = models.CharField(_("finding decided"), max_length=20, choices=Finding.choices, blank=True)
    sanction = models.CharField(_("sanction"), max_length=30, choices=Sanction.choices, blank=True)
    order_number = models.CharField(_("order number"), max_length=40, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    appealed_on = models.DateField(_("appealed on"), null=True, blank=True)
    appeal_outcome = models.CharField(
        _("appeal outcome"), max_length=20, choices=AppealOutcome.choices, blank=True
    )
    appeal_sanction = models.CharField(
        _("sanction after appeal"), max_length=30, choices=Sanction.choices, blank=True,
        help_text=_("The lighter sanction the appeal put in the place of the one decided."),
    )  # fmt: skip
    # The sanction that stands: the one decided, the lighter one an appeal gave, or none once annulled. It
    # is what the figures count and what the service history follows.
    sanction_in_force = models.CharField(
        _("sanction in force"), max_length=30, choices=Sanction.choices, blank=True, editable=False
    )
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("disciplinary investigation")
        verbose_name_plural = _("disciplinary investigations")
        ordering = ["-opened_on", "-pk"]
        indexes = [models.Index(fields=["body", "opened_on"])]

    def __str__(self) -> str:
        return f"{self.opened_on:%d.%m.%Y} {self.get_grounds_display()}"

    def get_absolute_url(self) -> str:
        return reverse("personnel:investigation", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.sanction_in_force = self.standing_sanction()
        super().save(*args, **kwargs)

    def standing_sanction(self) -> str:
        """The sanction decided, the lighter one an appeal put in its place, or none once annulled."""
        if self.appeal_outcome == AppealOutcome.ANNULLED:
            return ""
        if self.appeal_outcome == AppealOutcome.REDUCED:
            return self.appeal_sanction
        return self.sanction

    @property
    def overdue(self) -> bool:
        """Open past its time limit."""
        return self.closed_on is None and self.due_on < timezone.localdate()

    @property
    def closed_late(self) -> bool:
        return self.closed_on is not None and self.closed_on > self.due_on

    @property
    def time_limit(self) -> str:
        """How it stands against its time limit: open past it, closed after it, kept, or open with the day
        it is due (the list has no column of its own for it)."""
        if self.overdue:
            return _("overdue since %(day)s") % {"day": f"{self.due_on:%d.%m.%Y}"}
        if self.closed_late:
            return _("closed late")
        return _("kept") if self.closed_on else _("open, due %(day)s") % {"day": f"{self.due_on:%d.%m.%Y}"}

    @property
    def inspector_name(self) -> str:
        return (self.inspector.get_full_name() or self.inspector.username) if self.inspector else ""


# Training -------------------------------------------------------------------------------------------------


class CourseKind(models.TextChoices):
    SEMINAR = "seminar", _("seminar")
    COURSE = "course", _("course")
    CONFERENCE = "conference", _("conference")
    EXERCISE = "exercise", _("exercise")


class Topic(models.TextChoices):
    HUMAN_RIGHTS = "human_rights", _("human rights")
    ETHICS = "ethics", _("ethics")
    INVESTIGATION = "investigation", _("investigation")
    ROAD_SAFETY = "road_safety", _("road safety")
    DRUGS = "drugs", _("drug crime")
    CYBERCRIME = "cybercrime", _("cybercrime")
    OTHER = "other", _("other")


class OrganiserKind(models.TextChoices):
    ACADEMY = "academy", _("the Police Academy")
    MINISTRY = "ministry", _("the ministry")
    INTERNATIONAL = "international", _("an international organisation")
    PARTNER = "partner", _("a partner state's agency")


class Course(ScopedModel, Timestamped):
    """A course or event of training: what, by whom, where (in the country or abroad), when, and whether
    foreign experts took part. `body` is the body that sent its participants (the ministry for national
    ones)."""

    domain = "personnel"
    day_field = "starts_on"
    ENTERED_FIELDS = [
        "title", "kind", "topic", "organiser_kind", "organiser", "body", "place", "abroad", "starts_on",
        "ends_on", "foreign_experts",
    ]  # fmt: skip

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    organiser_kind = models.CharField(_("organiser"), max_length=20, choices=OrganiserKind.choices)
    organiser = models.CharField(_("organiser's name"), max_length=200, blank=True)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    place = models.CharField(_("place"), max_length=200)
    abroad = models.BooleanField(_("abroad"), default=False)
    starts_on = models.DateField(_("from"), db_index=True)
    ends_on = models.DateField(_("to"))
    foreign_experts = models.BooleanField(_("foreign experts took part"), default=False)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.starts_on:%d.%m.%Y} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("personnel:course", args=[self.pk])


class Result(models.TextChoices):
    COMPLETED = "completed", _("completed")
    CERTIFIED = "certified", _("completed with a certificate")
    NOT_COMPLETED = "not_completed", _("not completed")


class Attendance(ScopedModel):
    """An employee's part in a course, and the result. `body` is the employee's body at the time."""

    domain = "personnel"

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attendances")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="attendances")
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices, default=Result.COMPLETED)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["course", "employee"], name="one_attendance")]

    def __str__(self) -> str:
        return f"{self.employee} — {self.course}"


# Casualties -----------------------------------------------------------------------------------------------


class Outcome(models.TextChoices):
    KILLED = "killed", _("killed")
    INJURED = "injured", _("injured")


class Circumstances(models.TextChoices):
    MINE = "mine", _("mine explosion")
    OPERATION = "operation", _("operation")
    ATTACK = "attack", _("attack")
    ACCIDENT = "accident", _("accident on duty")
    OTHER = "other", _("other")


class Casualty(ScopedModel, Timestamped):
    """An employee killed or injured in the line of duty. `body` is the employee's body at the time."""

    domain = "personnel"
    day_field = "occurred_on"
    ENTERED_FIELDS = ["employee", "occurred_on", "outcome", "place", "circumstances", "event"]

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="casualties"
    )
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    occurred_on = models.DateField(_("date"), db_index=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    place = models.CharField(_("place"), max_length=200)
    circumstances = models.CharField(_("circumstances"), max_length=20, choices=Circumstances.choices)
    event = models.CharField(_("event"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("casualty")
        verbose_name_plural = _("casualties")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d.%m.%Y} {self.employee} ({self.get_outcome_display()})"

    def get_absolute_url(self) -> str:
        return reverse("personnel:employee", args=[self.employee_id])
