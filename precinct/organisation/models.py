"""Territorial bodies, employees and the users who work in them."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from precinct.core.i18n import Named
from precinct.core.roles import Role
from precinct.core.scope import ScopedModel


class BodyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    MAIN_DEPARTMENT = "main_department", _("Main department")
    CITY_DEPARTMENT = "city_department", _("City police department")
    DISTRICT_DEPARTMENT = "district_department", _("District police department")
    UNIT = "unit", _("Unit")


class BodyQuerySet(models.QuerySet):
    def within(self, body: "Body") -> "BodyQuerySet":
        """The body and every body under it."""
        return self.filter(path__startswith=body.path)

    def visible_to(self, user) -> "BodyQuerySet":
        paths = user.reach_paths() if user.is_authenticated else []
        if not paths:
            return self.none()
        condition = models.Q()
        for path in paths:
            condition |= models.Q(path__startswith=path)
        return self.filter(condition)


class Body(Named):
    """A territorial body: the ministry, a main department, a city or district police department, a unit.

    `path` is the chain of codes from the root ("mia/baku/baku-nasimi/"), so that "this body and every
    body under it" is one prefix match on any database.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    path = models.CharField(_("path"), max_length=400, unique=True, editable=False)
    founded = models.DateField(_("founded"), null=True, blank=True)
    closed = models.DateField(
        _("closed"), null=True, blank=True, help_text=_("A closed body keeps its records and its figures.")
    )

    objects = BodyQuerySet.as_manager()
    # Set by organisation.services.edit_body, the one way a body changes its place or code.
    relocating = False

    class Meta:
        verbose_name = _("territorial body")
        verbose_name_plural = _("territorial bodies")
        ordering = ["path"]

    def save(self, *args, **kwargs) -> None:
        old_path = self.path
        self.path = (self.parent.path if self.parent else "") + self.code + "/"
        if old_path and self.path.startswith(old_path) and self.path != old_path:
            raise ValueError("A territorial body cannot be placed under itself.")
        if old_path and old_path != self.path and not self.relocating:
            # The bodies below, the figures and the audit log move with it there.
            raise ValueError("A body's place or code changes through organisation.services.edit_body.")
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def contains(self, other: "Body") -> bool:
        return other.path.startswith(self.path)


class Rank(Named):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    seniority = models.PositiveSmallIntegerField(_("seniority"), default=0)

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["seniority"]


class Position(Named):
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["name_en"]


class Employee(ScopedModel):
    """An employee of the internal affairs bodies."""

    domain = "organisation"

    personnel_number = models.CharField(_("personnel number"), max_length=20, unique=True)
    surname = models.CharField(_("surname"), max_length=80)
    given_name = models.CharField(_("given name"), max_length=80)
    patronymic = models.CharField(_("patronymic"), max_length=80, blank=True)
    rank = models.ForeignKey(Rank, verbose_name=_("rank"), null=True, blank=True, on_delete=models.PROTECT)
    position = models.ForeignKey(
        Position, verbose_name=_("position"), null=True, blank=True, on_delete=models.PROTECT
    )
    body = models.ForeignKey(Body, verbose_name=_("territorial body"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["surname", "given_name"]

    def __str__(self) -> str:
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)


class User(AbstractUser):
    """A person who logs in: an employee with a role and a reach of territorial bodies."""

    employee = models.OneToOneField(
        Employee, verbose_name=_("employee"), null=True, blank=True, on_delete=models.PROTECT
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.OFFICER)
    is_chief = models.BooleanField(
        _("chief"),
        default=False,
        help_text=_(
            "Heads the bodies in reach: closes any of their applications and sees their overdue lists."
        ),
    )
    reach = models.ManyToManyField(
        Body,
        verbose_name=_("reach"),
        blank=True,
        related_name="+",
        help_text=_("The bodies whose records the user may see; each includes the bodies under it."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def reach_paths(self) -> list[str]:
        """The path prefixes of the bodies in reach, cached for the life of this object."""
        if not self.is_authenticated or not self.is_active:
            return []
        if not hasattr(self, "_reach_paths"):
            paths = sorted(self.reach.values_list("path", flat=True))
            # Drop bodies already covered by a broader one so filters stay short.
            self._reach_paths = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
        return self._reach_paths

    def reaches(self, body: Body) -> bool:
        return any(body.path.startswith(path) for path in self.reach_paths())

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR
