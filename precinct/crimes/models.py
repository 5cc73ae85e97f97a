"""The crime register: crimes, the Criminal Code's articles, persons, wanted persons, criminal groups."""

import datetime
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from precinct.core.i18n import Named
from precinct.core.models import Timestamped
from precinct.core.scope import ScopedModel
from precinct.organisation.models import Body


class Gravity(models.TextChoices):
    """The classes of Article 15 of the Criminal Code."""

    MINOR = "minor", _("not of great public danger")
    LESS_GRAVE = "less_grave", _("less grave")
    GRAVE = "grave", _("grave")
    ESPECIALLY_GRAVE = "especially_grave", _("especially grave")


class Agency(models.TextChoices):
    POLICE = "police", _("police")
    PROSECUTOR = "prosecutor", _("prosecutor's office")
    OTHER = "other", _("other agency")


class Status(models.TextChoices):
    INVESTIGATION = "investigation", _("under investigation")
    SOLVED = "solved", _("solved")
    SUSPENDED = "suspended", _("suspended")
    CLOSED = "closed", _("closed")


class Partner(models.TextChoices):
    """Who took part in solving a crime besides the registering body."""

    NONE = "", _("the registering body alone")
    PROSECUTOR = "prosecutor", _("jointly with the prosecutor's office")
    SECURITY = "security", _("jointly with the state security service")
    OTHER = "other", _("jointly with another agency")


class Category(Named):
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("crime category")
        verbose_name_plural = _("crime categories")
        ordering = ["name_en"]


class Article(Named):
    """An article (or part of one) of the Criminal Code; it fixes a crime's category and gravity."""

    code = models.CharField(_("article"), max_length=20, unique=True)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT)
    gravity = models.CharField(_("gravity"), max_length=20, choices=Gravity.choices)

    class Meta:
        verbose_name = _("article of the Criminal Code")
        verbose_name_plural = _("articles of the Criminal Code")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Crime(ScopedModel, Timestamped):
    domain = "crimes"
    day_field = "registered_on"
    # The fields a person or a file gives; the form, the API and the importer all take these.
    ENTERED_FIELDS = [
        "body",
        "number",
        "registered_on",
        "agency",
        "article",
        "place",
        "description",
        "firearm",
        "damage",
        "compensated",
        "status",
        "solved_on",
        "solved_with",
    ]

    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("registration number"))
    registered_on = models.DateField(_("registration date"))
    agency = models.CharField(_("registering agency"), max_length=20, choices=Agency.choices)
    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.PROTECT)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("short description"), max_length=2000, blank=True)
    firearm = models.BooleanField(_("firearm involved"), default=False)
    damage = models.DecimalField(
        _("material damage, AZN"), max_digits=14, decimal_places=2, default=Decimal(0)
    )
    compensated = models.DecimalField(
        _("damage compensated, AZN"), max_digits=14, decimal_places=2, default=Decimal(0)
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVESTIGATION
    )
    solved_on = models.DateField(_("date solved"), null=True, blank=True)
    solved_with = models.CharField(
        _("solved"), max_length=20, choices=Partner.choices, default=Partner.NONE, blank=True
    )

    class Meta:
        verbose_name = _("crime")
        verbose_name_plural = _("crimes")
        ordering = ["-registered_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="crime_number_unique_per_body_year"
            )
        ]
        # (article, registered_on, body): the crimes of a few articles in a period and within some bodies
        # (drug crimes' accused, say) are read from one short range of the index alone, not picked out of
        # every crime of the period.
        indexes = [
            models.Index(fields=["registered_on"]),
            models.Index(fields=["solved_on"]),
            models.Index(fields=["article", "registered_on", "body"]),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}/{self.year} ({self.body.code})"

    @property
    def key(self) -> str:
        """How the crime is named in forms and files: body, year and registration number."""
        return f"{self.body.code}/{self.year}/{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("crimes:crime", args=[self.pk])


class Sex(models.TextChoices):
    MALE = "m", _("male")
    FEMALE = "f", _("female")


class Person(ScopedModel, Timestamped):
    """A person in the register; personal data, so every read of the record is audited."""

    domain = "crimes"

    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    surname = models.CharField(_("surname"), max_length=80)
    given_name = models.CharField(_("given name"), max_length=80)
    patronymic = models.CharField(_("patronymic"), max_length=80, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    id_number = models.CharField(_("ID card personal number"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["surname", "given_name", "id"]

    def __str__(self) -> str:
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)

    def get_absolute_url(self) -> str:
        return reverse("crimes:person", args=[self.pk])

    @property
    def key(self) -> str:
        return f"#{self.pk}"


class PartyRole(models.TextChoices):
    ACCUSED = "accused", _("accused")
    SUSPECT = "suspect", _("suspect")
    VICTIM = "victim", _("victim")


class Participation(ScopedModel, Timestamped):
    """A person's part in a crime: accused, suspect or victim."""

    domain = "crimes"
    body_field = "crime__body"

    crime = models.ForeignKey(
        Crime, verbose_name=_("crime"), on_delete=models.CASCADE, related_name="parties"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=10, choices=PartyRole.choices)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["crime", "person", "role"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} — {self.crime}"

    def get_absolute_url(self) -> str:
        return self.crime.get_absolute_url()


class Wanted(ScopedModel, Timestamped):
    """A search for an accused person: opened on a date, ended by arrest."""

    domain = "crimes"
    day_field = "opened_on"

    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="searches"
    )
    crime = models.ForeignKey(
        Crime,
        verbose_name=_("crime"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="searches",
    )
    opened_on = models.DateField(_("search opened"))
    arrested_on = models.DateField(_("arrested"), null=True, blank=True)

    class Meta:
        verbose_name = _("wanted person")
        verbose_name_plural = _("wanted persons")
        ordering = ["-opened_on", "-id"]

    def __str__(self) -> str:
        return f"{self.person} ({self.opened_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("crimes:wanted", args=[self.pk])


class GroupKind(models.TextChoices):
    GENERAL = "general", _("criminal group")
    DRUG = "drug", _("drug-related group")


class CriminalGroup(ScopedModel, Timestamped):
    domain = "crimes"

    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=GroupKind.choices, default=GroupKind.GENERAL)
    neutralized_on = models.DateField(_("neutralized"), null=True, blank=True)
    members = models.ManyToManyField(Person, verbose_name=_("members"), blank=True, related_name="groups")
    crimes = models.ManyToManyField(Crime, verbose_name=_("crimes"), blank=True, related_name="groups")

    class Meta:
        verbose_name = _("criminal group")
        verbose_name_plural = _("criminal groups")
        ordering = ["-neutralized_on", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("crimes:group", args=[self.pk])


# Stands for "not solved" in the rollup's key, where a NULL would defeat the uniqueness of a cell.
NEVER = datetime.date(1900, 1, 1)


class CrimeCountCells(models.Model):
    """Crimes registered, summed by body, a day or month, article and agency: the counts and sums that
    do not depend on solving, in as few cells as a month's or a day's crimes allow (the figures of every
    body's standard windows read them).

    A body's cells count the crimes of every body under it. Kept in step with every write (see
    `crimes.rollups`); rebuilt by `precinct rollups`.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    # Keyed by the article, not by its category and gravity (see CrimeCells).
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    agency = models.CharField(max_length=20)
    crimes = models.IntegerField(default=0)
    firearm = models.IntegerField(default=0)
    damage = models.BigIntegerField(default=0)  # qəpik
    compensated = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class CrimeCountMonth(CrimeCountCells):
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "month", "article", "agency"], name="crime_count_month_cell"
            )
        ]
        # Covering: a report's reading of a body's months is served from the index alone (see CrimeCells).
        indexes = [
            models.Index(
                fields=["body", "month", "article", "agency", "crimes", "firearm", "damage", "compensated"],
                name="crime_count_month_read",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m} {self.article_id} {self.agency}: {self.crimes}"


class CrimeCountDay(CrimeCountCells):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "day", "article", "agency"], name="crime_count_day_cell")
        ]
        indexes = [
            models.Index(
                fields=["body", "day", "article", "agency", "crimes", "firearm", "damage", "compensated"],
                name="crime_count_day_read",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.article_id} {self.agency}: {self.crimes}"


class CrimeCells(models.Model):
    """Crimes summed by body, a day or month, month solved, article and agency: the figures of solving
    (solved by a period's end, of earlier years).

    A body's cells count the crimes of every body under it, so a report for any body reads only its
    own cells. Kept in step with every write (see `crimes.rollups`); rebuilt by `precinct rollups`.
    """

    # No index of its own: the composite indexes begin with the body, and a lone one misleads
    # PostgreSQL's planner into filtering a whole body's cells instead of one period's.
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    solved_month = models.DateField()
    # Keyed by the article, not by its category and gravity: an article reclassified in the reference data
    # moves its crimes in every report at once, with no cell to recount.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    agency = models.CharField(max_length=20)
    crimes = models.IntegerField(default=0)
    firearm = models.IntegerField(default=0)
    joint = models.IntegerField(default=0)  # solved jointly with the prosecutor's office
    # In qəpik (hundredths of a manat): whole numbers add up exactly on every database.
    damage = models.BigIntegerField(default=0)
    compensated = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class CrimeMonth(CrimeCells):
    """By the month registered: whole months of any period."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "month", "solved_month", "article", "agency"],
                name="crime_month_cell",
            )
        ]
        # Covering indexes, by the month registered and by the month solved: a report reads a body's cells
        # of a few months from the index alone, never from the table, where a national body's cells lie
        # scattered among every other body's.
        indexes = [
            models.Index(fields=["body", "month", "solved_month", "article", "agency", "crimes"],
                         name="crime_month_read"),
            models.Index(fields=["body", "solved_month", "month", "article", "agency", "crimes"],
                         name="crime_month_solved_read"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.body_id} {self.month:%Y-%m} {self.article_id} {self.agency}: {self.crimes}"


class CrimeDay(CrimeCells):
    """By the day registered: the days at a period's edges."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "day", "solved_month", "article", "agency"], name="crime_day_cell"
            )
        ]
        indexes = [
            models.Index(
                fields=["body", "day", "solved_month", "article", "agency", "crimes"], name="crime_day_read"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.article_id} {self.agency}: {self.crimes}"


class CrimeSolvedDay(models.Model):
    """Crimes solved, by body, day solved, month registered, article and agency: the solving on the days
    at a period's edges (crimes of earlier years solved, and solved by a period's end in its last month)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", db_index=False)
    day = models.DateField()
    month = models.DateField()
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    agency = models.CharField(max_length=20)
    crimes = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "day", "month", "article", "agency"], name="crime_solved_day_cell"
            )
        ]
        indexes = [
            models.Index(
                fields=["body", "day", "month", "article", "agency", "crimes"], name="crime_solved_day_read"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} ({self.month:%Y-%m}) {self.article_id}: {self.crimes}"
