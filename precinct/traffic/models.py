"""Road safety: accidents, the Code of Administrative Offences' traffic articles, violations (from patrol
officers and from automatic devices, at national scale), the devices, and the feed batches they come in.

Violations are many (millions a year): they carry no per-record timestamps or versions, reach the
database through the feed's bulk path, and are counted by rollups kept in step batch by batch. The
vehicle's registration number is personal data: read-audited, never shown publicly.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.fields import ChoiceSetField, RowIdField
from precinct.core.i18n import Named
from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.organisation.models import Body


class OffenceArticle(Named):
    """An article (or part) of the Code of Administrative Offences on road traffic, with its fine."""

    code = models.CharField(_("article"), max_length=20, unique=True)
    fine = models.PositiveIntegerField(_("fine, AZN"))
    parking = models.BooleanField(_("illegal parking"), default=False)

    class Meta:
        verbose_name = _("offence article")
        verbose_name_plural = _("offence articles")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class DeviceKind(models.TextChoices):
    SPEED = "speed", _("speed camera")
    RED_LIGHT = "red_light", _("red-light camera")
    LANE = "lane", _("lane camera")
    PARKING = "parking", _("parking camera")


class Device(ScopedModel, Timestamped):
    """An automatic detection device: where it stands, what it detects, whether it is in service."""

    domain = "traffic"

    code = models.CharField(_("identifier"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DeviceKind.choices)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    place = models.CharField(_("place"), max_length=200)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    in_service = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("device")
        verbose_name_plural = _("devices")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("traffic:device", args=[self.pk])

    def time_out_of_service(self, until: datetime.datetime) -> datetime.timedelta:
        """The time out of service over all its outages, one still open counted until `until`."""
        spans = self.outages.values_list("started_at", "ended_at")
        return sum(((end or until) - start for start, end in spans), datetime.timedelta())


class Outage(ScopedModel):
    """A time a device was out of service."""

    domain = "traffic"
    body_field = "device__body"

    device = models.ForeignKey(Device, on_delete=models.CASCADE, related_name="outages")
    started_at = models.DateTimeField(_("out of service from"))
    ended_at = models.DateTimeField(_("back in service at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("outage")
        verbose_name_plural = _("outages")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.device} {self.started_at:%Y-%m-%d %H:%M}"


class Cause(models.TextChoices):
    SPEEDING = "speeding", _("speeding")
    DRUNK = "drunk", _("driving under the influence")
    DISTRACTION = "distraction", _("distraction")
    RIGHT_OF_WAY = "right_of_way", _("failure to give way")
    PEDESTRIAN = "pedestrian", _("pedestrian's fault")
    VEHICLE = "vehicle", _("vehicle defect")
    ROAD = "road", _("road conditions")
    OTHER = "other", _("other")


class Accident(ScopedModel, Timestamped):
    """A road traffic accident with its victims."""

    domain = "traffic"
    day_field = "occurred_at"

    occurred_at = models.DateTimeField(_("date and time"), db_index=True)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    road = models.CharField(_("road"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    vehicles = models.PositiveSmallIntegerField(_("vehicles"), default=1)
    killed = models.PositiveSmallIntegerField(_("killed"), default=0)
    injured = models.PositiveSmallIntegerField(_("injured"), default=0)
    cause = models.CharField(_("main cause"), max_length=20, choices=Cause.choices)
    other_causes = ChoiceSetField(_("other causes"), choice_set=Cause)

    class Meta:
        verbose_name = _("accident")
        verbose_name_plural = _("accidents")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%d.%m.%Y %H:%M} {self.road}"

    def get_absolute_url(self) -> str:
        return reverse("traffic:accident", args=[self.pk])

    def other_cause_labels(self) -> list[str]:
        return self._meta.get_field("other_causes").labels(self.other_causes)

    def get_other_causes_display(self) -> str:
        return ", ".join(self.other_cause_labels())


class Detection(models.TextChoices):
    PATROL = "patrol", _("patrol officer")
    DEVICE = "device", _("automatic device")


class Payment(models.TextChoices):
    UNPAID = "unpaid", _("unpaid")
    PAID = "paid", _("paid")
    CANCELLED = "cancelled", _("cancelled")


class BatchStatus(models.TextChoices):
    RECEIVING = "receiving", _("receiving")
    COMPLETE = "complete", _("complete")
    FAILED = "failed", _("failed")
    # Its process ended without closing it (killed, or its machine lost): what it wrote stays, whole chunks
    # only, and sending the batch again writes the rest.
    INTERRUPTED = "interrupted", _("interrupted")


# A batch that wrote no chunk for this long has lost its process: a chunk of 100,000 rows takes a second.
BATCH_SILENT = datetime.timedelta(minutes=10)


class FeedBatch(models.Model):
    """One batch of violations received (a file or an API call): what came, what was written, what was a
    duplicate, what was quarantined. Its audit entry names it; its bad rows stay visible."""

    received_at = models.DateTimeField(_("received"), db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.RECEIVING, db_index=True
    )
    last_written_at = models.DateTimeField(_("last chunk written"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(_("user name"), max_length=150, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    written = models.PositiveIntegerField(_("written"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    quarantined = models.PositiveIntegerField(_("quarantined"), default=0)
    # The bodies it wrote violations for: whoever reaches one of them sees the batch.
    bodies = models.ManyToManyField(Body, verbose_name=_("territorial bodies"), blank=True, related_name="+")

    class Meta:
        verbose_name = _("feed batch")
        verbose_name_plural = _("feed batches")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.received_at):%d.%m.%Y %H:%M} {self.source}"

    def get_absolute_url(self) -> str:
        return reverse("traffic:batch", args=[self.pk])

    @property
    def state(self) -> str:
        """Its status as it is now: one still receiving whose process has fallen silent is interrupted,
        even before `end_interrupted_batches` has written so."""
        if self.status == BatchStatus.RECEIVING and self.silent_since(timezone.now() - BATCH_SILENT):
            return BatchStatus.INTERRUPTED.label
        return self.get_status_display()

    def silent_since(self, moment: datetime.datetime) -> bool:
        return (self.last_written_at or self.received_at) < moment


class FeedBatchBody(models.Model):
    """How many violations a batch wrote for one body: what those who reach that body (and did not send
    the batch) are shown of it, rather than the whole batch's counts, which speak of other bodies."""

    batch = models.ForeignKey(FeedBatch, on_delete=models.CASCADE, related_name="written_for")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    written = models.PositiveIntegerField(_("written"), default=0)

    class Meta:
        verbose_name = _("violations written for a body")
        verbose_name_plural = _("violations written for each body")
        constraints = [models.UniqueConstraint(fields=["batch", "body"], name="one_count_per_batch_and_body")]

    def __str__(self) -> str:
        return f"{self.batch_id}: {self.written} for {self.body_id}"


class QuarantinedRow(models.Model):
    """A row the feed refused, with where it was and why, kept for whoever sends the data to correct."""

    batch = models.ForeignKey(FeedBatch, on_delete=models.CASCADE, related_name="quarantine")
    line = models.PositiveIntegerField(_("line"))
    field = models.CharField(_("field"), max_length=40)
    reason = models.CharField(_("reason"), max_length=300)
    raw = models.TextField(_("as received"))

    class Meta:
        verbose_name = _("quarantined row")
        verbose_name_plural = _("quarantined rows")
        ordering = ["batch", "line"]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.line} {self.field}: {self.reason}"


UNCHECKED = {"db_index": False, "db_constraint": False}


class Violation(ScopedModel):
    """A traffic violation. `source` is the device's identifier or the patrol officer's badge: the same
    source, vehicle and second is the same violation, sent twice."""

    domain = "traffic"
    day_field = "occurred_at"

    # The references are checked by the feed against the bodies, devices and articles it loaded, and kept
    # by Django's on_delete; constraints in the database would check each of millions of rows again.
    id = RowIdField(primary_key=True)
    occurred_at = models.DateTimeField(_("date and time"))
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT, **UNCHECKED)
    source = models.CharField(_("device or officer"), max_length=32)
    device = models.ForeignKey(
        Device, verbose_name=_("device"), null=True, blank=True, on_delete=models.PROTECT, **UNCHECKED
    )
    article = models.ForeignKey(
        OffenceArticle, verbose_name=_("article"), on_delete=models.PROTECT, **UNCHECKED
    )
    vehicle = models.CharField(_("vehicle registration number"), max_length=12)
    fine = models.PositiveIntegerField(_("fine, AZN"))
    payment = models.CharField(_("payment"), max_length=10, choices=Payment.choices, default=Payment.UNPAID)
    place = models.CharField(_("place"), max_length=120, blank=True)
    batch = models.ForeignKey(FeedBatch, null=True, blank=True, on_delete=models.DO_NOTHING, **UNCHECKED)

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        ordering = ["-occurred_at", "-pk"]
        # One index only, which drops duplicates and, leading with the time, also serves the lists (newest
        # first, within reach): every further index would cost the feed a third of its speed.
        constraints = [
            models.UniqueConstraint(fields=["occurred_at", "source", "vehicle"], name="violation_once")
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%d.%m.%Y %H:%M:%S} {self.source}"

    def get_absolute_url(self) -> str:
        return reverse("traffic:violation", args=[self.pk])

    @property
    def masked_vehicle(self) -> str:
        """The registration number as lists show it: enough to tell rows apart, not to identify anyone
        (the record itself, whose opening is audited, shows it whole)."""
        return self.vehicle[:4] + "•" * max(len(self.vehicle) - 4, 0)

    @property
    def detection(self) -> str:
        return Detection.DEVICE if self.device_id else Detection.PATROL


class ViolationCells(models.Model):
    """Violations by body (and every body above it), a day or month, parking or not, and detection."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    parking = models.BooleanField()
    detection = models.CharField(max_length=10)
    violations = models.BigIntegerField(default=0)
    fines = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class ViolationMonth(ViolationCells):
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "month", "parking", "detection"], name="violation_month_cell"
            )
        ]
        indexes = [models.Index(fields=["body", "month"])]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m}: {self.violations}"


class ViolationDay(ViolationCells):
    day = models.DateField()  # in Baku time

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "day", "parking", "detection"], name="violation_day_cell")
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day}: {self.violations}"


class DeviceMonth(models.Model):
    """Detections by device and month."""

    device = models.ForeignKey(Device, on_delete=models.CASCADE, related_name="+", db_index=False)
    month = models.DateField()
    detections = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["device", "month"], name="device_month_cell")]

    def __str__(self) -> str:
        return f"{self.device_id} {self.month:%Y-%m}: {self.detections}"


class AccidentCells(models.Model):
    """Accidents, killed and injured by body (and every body above it) and a day or month."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    accidents = models.IntegerField(default=0)
    killed = models.IntegerField(default=0)
    injured = models.IntegerField(default=0)

    class Meta:
        abstract = True


class AccidentMonth(AccidentCells):
    month = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "month"], name="accident_month_cell")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m}: {self.accidents}"


class AccidentDay(AccidentCells):
    day = models.DateField()  # in Baku time

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "day"], name="accident_day_cell")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day}: {self.accidents}"
