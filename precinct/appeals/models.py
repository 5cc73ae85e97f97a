"""Citizens' appeals: applications and their workflow, routing, deadlines, reception days, feedback.

Deadlines follow the Law on Citizens' Appeals and are counted in working days of the calendar kept as
reference data (`core.CalendarDay`).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from precinct.core.i18n import Named
from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.organisation.models import Body

ANSWER_DAYS = 15  # working days for an answer
STUDY_DAYS = 30  # where extra study is needed
MAX_EXTENSION_DAYS = 30  # one extension, when more information is requested
FORWARD_DAYS = 3  # to forward an application outside the body's competence
SOON_DAYS = 3  # an open application due within this many working days is flagged


class Channel(models.TextChoices):
    LETTER = "letter", _("letter")
    EMAIL = "email", _("e-mail")
    WEB_FORM = "web_form", _("web form")
    PHONE = "phone", _("phone line")
    RECEPTION_DAY = "reception_day", _("reception day")


class Status(models.TextChoices):
    REGISTERED = "registered", _("registered")
    ASSIGNED = "assigned", _("assigned")
    FORWARDED = "forwarded", _("forwarded")
    EXTENDED = "extended", _("extended")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", pgettext_lazy("application", "closed")
    NOT_CONSIDERED = "not_considered", _("left unconsidered")


OPEN_STATUSES = (Status.REGISTERED, Status.ASSIGNED, Status.EXTENDED)


def on_the_clock() -> models.Q:
    """Applications whose answer is still owed: the open ones, and those forwarded to another body of the
    ministry, whose deadline runs there until it takes them up (one forwarded to an outside authority is
    done with here)."""
    return models.Q(status__in=OPEN_STATUSES) | models.Q(status=Status.FORWARDED, forwarded_to_authority="")


class NotConsidered(models.TextChoices):
    ANONYMOUS = "anonymous", _("the applicant is not identified (anonymous)")
    REPEAT = "repeat", _("a repeat with nothing new after three substantive answers in a year")


class Subject(Named):
    """A subject category of applications (an Open311 "service")."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    needs_study = models.BooleanField(
        _("needs extra study"), default=False, help_text=_("Answered within 30 working days, not 15.")
    )
    public = models.BooleanField(_("offered on the public form"), default=True)

    class Meta:
        verbose_name = _("subject category")
        verbose_name_plural = _("subject categories")
        ordering = ["name_en"]


class RoutingRule(Timestamped):
    """Which body is competent for a subject, for applications received by a body (or by any)."""

    subject = models.ForeignKey(Subject, verbose_name=_("subject category"), on_delete=models.CASCADE)
    received_by = models.ForeignKey(
        Body,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: whichever body receives it."),
    )
    competent_body = models.ForeignKey(
        Body,
        verbose_name=_("competent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_authority = models.CharField(
        _("competent authority outside the ministry"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["subject__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "received_by"], name="one_rule_per_subject_and_body"),
            models.CheckConstraint(
                condition=models.Q(competent_body__isnull=False) | ~models.Q(external_authority=""),
                name="rule_names_a_competent_body",
            ),
        ]

    def __str__(self) -> str:
        target = self.competent_body or self.external_authority
        return f"{self.subject} ({self.received_by or _('any body')}) → {target}"


class ReceptionDay(ScopedModel, Timestamped):
    """A day on which an official receives citizens in a city or district, announced in advance."""

    domain = "appeals"
    day_field = "date"

    official = models.CharField(_("receiving official"), max_length=200)
    official_position = models.CharField(_("position"), max_length=200, blank=True)
    date = models.DateField(_("date"), db_index=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    body = models.ForeignKey(
        Body, verbose_name=_("city or district"), on_delete=models.PROTECT, related_name="reception_days"
    )
    venue = models.CharField(_("venue"), max_length=300)
    bodies = models.ManyToManyField(
        Body, verbose_name=_("bodies whose citizens are received"), blank=True, related_name="+"
    )
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    media = models.CharField(_("announced in"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("reception day")
        verbose_name_plural = _("reception days")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} · {self.body} · {self.official}"

    def get_absolute_url(self) -> str:
        return reverse("appeals:reception-day", args=[self.pk])


class Application(ScopedModel, Timestamped):
    """A citizen's application, from registration to its answer, within the legal deadline."""

    domain = "appeals"
    day_field = "received_on"

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    # The applicant: personal data, read-audited. Without a name and an ID or an address the
    # application is anonymous and, as the law says, not considered.
    applicant_name = models.CharField(_("applicant"), max_length=200, blank=True)
    applicant_id_number = models.CharField(_("ID card number"), max_length=20, blank=True, db_index=True)
    applicant_address = models.CharField(_("address"), max_length=300, blank=True)
    applicant_phone = models.CharField(_("phone"), max_length=40, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    subject = models.ForeignKey(Subject, verbose_name=_("subject category"), on_delete=models.PROTECT)
    text = models.TextField(_("text"))
    body = models.ForeignKey(
        Body, verbose_name=_("territorial body"), on_delete=models.PROTECT, related_name="applications"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    needs_study = models.BooleanField(_("needs extra study"), default=False)
    due_on = models.DateField(_("answer due"), db_index=True)
    extension_days = models.PositiveSmallIntegerField(_("extended by (working days)"), default=0)
    extension_reason = models.CharField(_("reason for the extension"), max_length=300, blank=True)
    forwarded_from = models.ForeignKey(
        Body,
        verbose_name=_("forwarded from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The day the body that received it forwarded it (its deed, kept however often it moves on), and the
    # day it came to the body that has it now (the competent body's deadline runs from it).
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    arrived_on = models.DateField(_("with this body since"), null=True, blank=True)
    forwarded_to_authority = models.CharField(_("forwarded to"), max_length=200, blank=True)
    # The deadline the body that held it had already missed when it forwarded it, and that body: forwarding
    # starts the competent body's deadline anew, and the one missed still counts, for the body that missed it.
    missed_by = models.ForeignKey(
        Body,
        verbose_name=_("deadline missed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    missed_due_on = models.DateField(
        _("deadline missed before forwarding"), null=True, blank=True, editable=False
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, db_index=True)
    substantive = models.BooleanField(
        _("substantive answer"), default=True, help_text=_("The answer decided the matter raised.")
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    not_considered = models.CharField(
        _("left unconsidered because"), max_length=20, choices=NotConsidered.choices, blank=True
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("repeat of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reception_day = models.ForeignKey(
        ReceptionDay,
        verbose_name=_("reception day"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["body", "received_on"]),
            models.Index(fields=["body", "answered_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("appeals:application", args=[self.pk])

    @property
    def anonymous(self) -> bool:
        return not (self.applicant_name.strip() and (self.applicant_id_number or self.applicant_address))

    @property
    def is_open(self) -> bool:
        """Whether its answer is still owed (see `on_the_clock`)."""
        forwarded_here = self.status == Status.FORWARDED and not self.forwarded_to_authority
        return self.status in OPEN_STATUSES or forwarded_here


class Step(models.Model):
    """One step of an application's workflow: who moved it, when, from which status to which, and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    at = models.DateTimeField(_("when"))
    on = models.DateField(_("on"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    status_from = models.CharField(_("status before"), max_length=20, choices=Status.choices, blank=True)
    status_to = models.CharField(_("status after"), max_length=20, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    applicant_told = models.BooleanField(_("applicant told"), default=False)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.status_from} → {self.status_to}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"appeals/{instance.application.year}/{instance.application.number}/{filename}"


class Attachment(ScopedModel):
    domain = "appeals"
    body_field = "application__body"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class FeedbackKind(models.TextChoices):
    GRATITUDE = "gratitude", _("letter of gratitude")
    COMPLAINT = "complaint", _("complaint about the answer")


class Feedback(ScopedModel, Timestamped):
    """A letter of gratitude or a complaint about an answer, linked to the application and its officer."""

    domain = "appeals"
    body_field = "application__body"

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="feedback"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FeedbackKind.choices)
    received_on = models.DateField(_("received on"), db_index=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.application}"

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()


class Counter(models.Model):
    """The last application number given in a year: one row per year, locked while numbering."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class IntakeAttempt(models.Model):
    """A submission or tracking request from the public, kept an hour to limit floods per address.
    The address is kept as a keyed hash, not as it came."""

    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=10)

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class Event(models.TextChoices):
    """What happened to an application in a month, as the rollup counts it."""

    RECEIVED = "received", _("received")
    CONSIDERED = "considered", _("answered")
    ON_TIME = "on_time", _("answered on time")
    LATE = "late", _("answered after the deadline")  # counted in the month of the deadline
    FORWARDED = "forwarded", _("forwarded")
    NOT_CONSIDERED = "not_considered", _("left unconsidered")


class AppealCells(models.Model):
    """Applications counted by body (and every body above it), a day or month, event, channel and subject,
    kept in step with every write (see `appeals.rollups`), so that the board report reads no application."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    event = models.CharField(max_length=20, choices=Event.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    applications = models.IntegerField(default=0)

    class Meta:
        abstract = True


class AppealMonth(AppealCells):
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "month", "event", "channel", "subject"], name="appeal_month_cell"
            )
        ]
        indexes = [models.Index(fields=["body", "month"])]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m} {self.event}: {self.applications}"


class AppealDay(AppealCells):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "day", "event", "channel", "subject"], name="appeal_day_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.event}: {self.applications}"
