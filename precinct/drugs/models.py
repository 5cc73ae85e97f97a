"""Drugs: substances with their legal thresholds, seizures, and prevention events. Drug-related groups
and the people prosecuted for drug crimes are the crime register's (groups of kind "drug", the accused
of drug crimes)."""

from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from precinct.core.i18n import Named
from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.crimes.models import Crime, Person
from precinct.drugs.units import Grade, QuantityUnit
from precinct.organisation.models import Body

THRESHOLD = {"max_digits": 14, "decimal_places": 3, "null": True, "blank": True}


class SubstanceClass(models.TextChoices):
    NARCOTIC = "narcotic", _("narcotic drug")
    PSYCHOTROPIC = "psychotropic", _("psychotropic substance")
    PRECURSOR = "precursor", _("precursor")


class Substance(Named):
    """A controlled substance, its class, and the thresholds (in grams) that grade a seizure of it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    substance_class = models.CharField(_("class"), max_length=20, choices=SubstanceClass.choices)
    small = models.DecimalField(_("small quantity up to, g"), **THRESHOLD)
    large = models.DecimalField(_("large quantity from, g"), **THRESHOLD)
    especially_large = models.DecimalField(_("especially large quantity from, g"), **THRESHOLD)
    density = models.DecimalField(
        _("density, g/ml"), max_digits=8, decimal_places=4, null=True, blank=True,
        help_text=_("For liquids: lets a volume be counted as mass."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("substance")
        verbose_name_plural = _("substances")
        ordering = ["name_en"]


class FoundBy(models.TextChoices):
    SEARCH = "search", _("search")
    BORDER = "border", _("at the border")
    POST = "post", _("in the post")
    OPERATION = "operation", _("operation")


class Seizure(ScopedModel, Timestamped):
    """Drugs taken out of illegal circulation: the quantity as entered, and in grams where it can be."""

    domain = "drugs"
    day_field = "seized_on"
    ENTERED_FIELDS = ["seized_on", "body", "place", "substance", "quantity", "unit", "found_by", "crime"]

    seized_on = models.DateField(_("seized on"), db_index=True)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    place = models.CharField(_("place"), max_length=200, blank=True)
    substance = models.ForeignKey(Substance, verbose_name=_("substance"), on_delete=models.PROTECT)
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=10, choices=QuantityUnit.choices)
    grams = models.DecimalField(
        _("grams"), max_digits=16, decimal_places=3, null=True, blank=True, editable=False
    )
    grade = models.CharField(_("grade"), max_length=20, choices=Grade.choices, blank=True, editable=False)
    found_by = models.CharField(_("found by"), max_length=20, choices=FoundBy.choices)
    crime = models.ForeignKey(
        Crime,
        verbose_name=_("crime"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seizures",
    )
    persons = models.ManyToManyField(Person, verbose_name=_("persons"), blank=True, related_name="seizures")

    class Meta:
        verbose_name = _("seizure")
        verbose_name_plural = _("seizures")
        ordering = ["-seized_on", "-pk"]
        indexes = [models.Index(fields=["body", "seized_on"])]

    def __str__(self) -> str:
        quantity = Decimal(self.quantity).normalize()
        return f"{self.seized_on:%d.%m.%Y} {self.substance} {quantity:f} {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("drugs:seizure", args=[self.pk])


class Venue(models.TextChoices):
    SCHOOL = "school", _("school")
    UNIVERSITY = "university", _("university")
    COLLEGE = "college", _("college")
    OTHER = "other", _("other")


class PreventionEvent(ScopedModel, Timestamped):
    """An event against drug use, held in an educational institution or elsewhere."""

    domain = "drugs"
    day_field = "held_on"

    held_on = models.DateField(_("held on"), db_index=True)
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    venue = models.CharField(_("venue"), max_length=20, choices=Venue.choices)
    place = models.CharField(_("institution"), max_length=200)
    audience = models.PositiveIntegerField(_("audience"), default=0)
    topic = models.CharField(_("topic"), max_length=300)

    class Meta:
        verbose_name = _("prevention event")
        verbose_name_plural = _("prevention events")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y} {self.place}"

    def get_absolute_url(self) -> str:
        return reverse("drugs:event", args=[self.pk])


class SeizureCells(models.Model):
    """Seizures summed by body (and every body above it), a day or month, substance class and unit kind;
    masses in milligrams, whole numbers that add up exactly on every database."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    substance_class = models.CharField(max_length=20)
    weighed = models.BooleanField()  # whether the quantity has a mass
    seizures = models.IntegerField(default=0)
    milligrams = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class SeizureMonth(SeizureCells):
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "month", "substance_class", "weighed"], name="seizure_month_cell"
            )
        ]
        indexes = [models.Index(fields=["body", "month"])]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m} {self.substance_class}: {self.milligrams} mg"


class SeizureDay(SeizureCells):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "day", "substance_class", "weighed"], name="seizure_day_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.substance_class}: {self.milligrams} mg"
