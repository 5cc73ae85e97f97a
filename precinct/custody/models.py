"""Custody: a detention, from the moment of actual detention to its end, with the safeguards the law
gives the detained person (the rights explained, the family told, a lawyer from the outset, an
interpreter, a medical examination, the prosecutor told) and the interrogations, each with who and when.

A detained person's record is personal data of the highest sensitivity: every read is audited, it is
reached only by the custody domain's roles within their bodies, and figures count detentions, never name
anyone. What follows from the records at the end (`in_time`, `overran`, `breaches`) is kept on the
detention by `custody.services` after every write, so that figures count it from the records; an open
detention's flags are worked out at the moment they are shown (`custody.limits`).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.custody import limits
from precinct.custody.limits import Safeguard
from precinct.organisation.models import Body, Employee


class Grounds(models.TextChoices):
    CAUGHT = "caught", _("caught committing the crime or just after")
    EYEWITNESS = "eyewitness", _("pointed out by the victim or eyewitnesses")
    TRACES = "traces", _("traces of the crime on the person or their belongings")
    FLIGHT = "flight", _("attempted to flee or has no known residence")
    WARRANT = "warrant", _("a court's warrant or a wanted person")
    OTHER = "other", _("other grounds")


class Ending(models.TextChoices):
    RELEASED = "released", _("released")
    CHARGED = "charged", _("charged, released under another preventive measure")
    COURT = "court", _("brought to the court")
    ARRESTED = "arrested", _("arrested by a court's order")
    TRANSFERRED = "transferred", _("transferred to another body")


class Detention(ScopedModel, Timestamped):
    """A person held by a body: who, by whom, why, from when, and how it ended."""

    domain = "custody"
    day_field = "detained_at"
    ENTERED_FIELDS = [
        "person", "body", "officer", "crime", "article", "grounds", "detained_at", "place",
        "needs_interpreter", "language", "ended_at", "ending", "court_order", "court_order_on", "note",
    ]  # fmt: skip

    person = models.ForeignKey(
        "crimes.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="detentions"
    )
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    officer = models.ForeignKey(
        Employee,
        verbose_name=_("detaining officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="detentions",
    )
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("custody officer"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="detentions_kept",
    )
    crime = models.ForeignKey(
        "crimes.Crime", verbose_name=_("crime"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="detentions",
    )  # fmt: skip
    article = models.ForeignKey(
        "crimes.Article", verbose_name=_("article"), null=True, blank=True, on_delete=models.PROTECT
    )
    grounds = models.CharField(_("grounds"), max_length=20, choices=Grounds.choices)
    detained_at = models.DateTimeField(_("detained at"), db_index=True)
    place = models.CharField(_("place of detention"), max_length=200, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    language = models.CharField(_("language"), max_length=60, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ending = models.CharField(_("ended by"), max_length=20, choices=Ending.choices, blank=True)
    court_order = models.CharField(_("court's order"), max_length=60, blank=True)
    court_order_on = models.DateField(_("date of the court's order"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # What follows from the records, kept by custody.services after every write.
    limit_at = models.DateTimeField(_("limit"), editable=False)
    in_time = models.BooleanField(_("every safeguard in time"), default=False, editable=False)
    overran = models.BooleanField(_("held past the limit"), default=False, editable=False)
    breaches = models.PositiveSmallIntegerField(_("rules broken"), default=0, editable=False)

    class Meta:
        verbose_name = _("detention")
        verbose_name_plural = _("detentions")
        ordering = ["-detained_at", "-pk"]
        indexes = [models.Index(fields=["body", "detained_at"])]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.detained_at):%d.%m.%Y %H:%M} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("custody:detention", args=[self.pk])

    @property
    def judged(self) -> bool | None:
        """Every safeguard in time, once it has ended; nothing to say while the person is held."""
        return self.in_time if self.ended_at else None

    def facts(self) -> limits.Facts:
        """What the records of this detention say, for `custody.limits` (safeguards and interrogations
        read once, prefetched where a list shows many)."""
        return limits.Facts(
            detained_at=self.detained_at,
            ended_at=self.ended_at,
            needs_interpreter=self.needs_interpreter,
            done={step.kind: step.at for step in self.safeguards.all()},
            interviews=tuple(
                limits.Interview(i.started_at, bool(i.recording), i.lawyer_present, i.interpreter_present)
                for i in self.interrogations.all()
            ),
        )


class SafeguardRecord(ScopedModel):
    """One safeguard given: what, when, by whom (the officer, the lawyer, the doctor), and the document
    that shows it (the signed notice, the lawyer's warrant)."""

    domain = "custody"
    body_field = "detention__body"
    ENTERED_FIELDS = ["kind", "at", "by", "reference"]

    detention = models.ForeignKey(Detention, on_delete=models.CASCADE, related_name="safeguards")
    kind = models.CharField(_("safeguard"), max_length=20, choices=Safeguard.choices)
    at = models.DateTimeField(_("at"))
    by = models.CharField(_("by whom"), max_length=200)
    reference = models.CharField(_("document"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("safeguard")
        verbose_name_plural = _("safeguards")
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["detention", "kind"], name="one_safeguard_of_a_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {timezone.localtime(self.at):%d.%m.%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return self.detention.get_absolute_url()


class Interrogation(ScopedModel):
    """An interrogation of the detained person: when, who was present, and the recording's reference."""

    domain = "custody"
    body_field = "detention__body"
    ENTERED_FIELDS = [
        "started_at", "ended_at", "interrogator", "present", "lawyer_present", "interpreter_present",
        "recording",
    ]  # fmt: skip

    detention = models.ForeignKey(Detention, on_delete=models.CASCADE, related_name="interrogations")
    started_at = models.DateTimeField(_("started at"), db_index=True)
    ended_at = models.DateTimeField(_("ended at"))
    interrogator = models.CharField(_("interrogator"), max_length=200)
    present = models.CharField(_("others present"), max_length=300, blank=True)
    lawyer_present = models.BooleanField(_("the lawyer was present"), default=False)
    interpreter_present = models.BooleanField(_("the interpreter was present"), default=False)
    recording = models.CharField(
        _("recording"), max_length=100, blank=True, help_text=_("The audio or video recording's reference.")
    )

    class Meta:
        verbose_name = _("interrogation")
        verbose_name_plural = _("interrogations")
        ordering = ["started_at", "pk"]

    def __str__(self) -> str:
        started, ended = timezone.localtime(self.started_at), timezone.localtime(self.ended_at)
        return f"{started:%d.%m.%Y %H:%M}–{ended:%H:%M}"

    def get_absolute_url(self) -> str:
        return self.detention.get_absolute_url()
