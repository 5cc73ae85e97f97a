"""The types with which a domain declares its statistics: measures, figures and report sections.

A measure is defined once, in its domain's `measures.py`: a name, labels in the three languages, a unit,
how its value is computed for a period and a scope, and which records lie behind it. Reports are lists
of measures; adding a statistic means adding a measure. `reports` finds every domain's sections through
the app registry, so no domain knows about reports.
"""

import calendar
import contextvars
import datetime
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import QuerySet
from django.utils.translation import get_language

from precinct.core.periods import Period


def localized(labels: dict[str, str]) -> str:
    """The label in the active language, English when there is none."""
    return labels.get((get_language() or "en")[:2]) or labels["en"]


_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("measure_memo", default=None)


@contextmanager
def computing() -> Iterator[None]:
    """While a report is built, measures share what they read (one summary query serves many figures);
    a report built within another shares the outer one's."""
    token = _memo.set({} if _memo.get() is None else _memo.get())
    try:
        yield
    finally:
        _memo.reset(token)


def cached(key: tuple, compute: Callable[[], object]) -> object:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def subtree(body) -> list[int] | None:
    """The ids of a body and those under it; None for the ministry, whose subtree is everything."""
    if body.parent_id is None:
        return None
    from precinct.organisation.models import Body

    return cached(("subtree", body.pk), lambda: list(Body.objects.within(body).values_list("pk", flat=True)))


def within(queryset: QuerySet, body, field: str = "body") -> QuerySet:
    """The records of a body and of the bodies under it (by the foreign key `field`): the one way every
    figure says it."""
    ids = subtree(body)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


_from_records: contextvars.ContextVar[bool] = contextvars.ContextVar("measures_from_records", default=False)


@contextmanager
def from_records() -> Iterator[None]:
    """Compute figures from the raw records even where rollups could serve (to compare the two)."""
    token = _from_records.set(True)
    try:
        yield
    finally:
        _from_records.reset(token)


def rollups_serve(period: Period) -> bool:
    """Whether a period's figures are read from the rollups: any period, whole months from the monthly
    cells and the days at its edges from the daily ones (see core.cells), unless asked for the records."""
    return not _from_records.get()


class Unit:
    COUNT = "count"
    SHARE = "share"  # a fraction from 0 to 1, shown as a percentage
    MASS = "mass"  # grams
    MONEY = "money"  # manat


@dataclass(frozen=True)
class Scope:
    """Where a figure is computed: a territorial body (with the bodies under it) and extra filters."""

    body: object  # organisation.Body; the ministry for national figures
    filters: tuple[tuple[str, object], ...] = ()

    @cached_property
    def named(self) -> dict[str, object]:
        return dict(self.filters)

    def get(self, name: str, default=None):
        return self.named.get(name, default)


Value = int | Decimal | None


@dataclass(frozen=True)
class Measure:
    name: str
    labels: dict[str, str]  # language code → label
    unit: str
    compute: Callable[[Period, Scope], Value]
    records: Callable[[Period, Scope], QuerySet] | None = None
    filters: tuple[tuple[str, object], ...] = ()  # fixed filters of this measure (a category, say)
    # Its value for each month of a period at once, where one query can give them all (for trends);
    # without it a trend computes the measure month by month.
    monthly: Callable[[Period, Scope], dict] | None = None
    # A share's numerator and denominator as counts of records, so that a public page can withhold a
    # share built on a small count (a share without them is never published).
    parts: Callable[[Period, Scope], tuple[Value, Value]] | None = None
    # Whether a small count could point at persons (withheld on public pages); how many cities held
    # reception days, say, does not.
    personal: bool = True
    # The measure whose count this one's count (a share's numerator) is a part of: on public pages, the
    # parts of one whole are withheld together when one is, or when what they leave of the whole is small,
    # so that no subtraction gives a withheld count back.
    part_of: str = ""
    # The measure whose count is this share's denominator: on public pages the share is withheld where
    # that count is, as the share and its numerator (or the numerator's own figure) would give it back.
    of: str = ""
    # The span of days whose records the figure for a period reads (the period itself, or everything
    # before its year for "crimes of earlier years solved"): where the domain has no records in it, the
    # figure is "no data", not a zero to compare with.
    reads: Callable[[Period], tuple[datetime.date, datetime.date]] = lambda period: (period.start, period.end)
    # The first and last day its records span (a tally's, see `core.tally`); without it, its domain's
    # cells tell.
    span: Callable[[], tuple[datetime.date, datetime.date] | None] | None = None
    # The months in which its records lie (a tally's); without it, its domain's cells tell.
    months: Callable[[], frozenset[datetime.date]] | None = None

    @property
    def domain(self) -> str:
        return self.name.split(".")[0]

    def has_data(self, period: Period) -> bool:
        """Whether the domain has records in the days the figure for `period` reads: within the span of
        its records, and in a month with some (a gap of years in a register holds no known zero)."""
        from precinct.core.coverage import domain_months

        span = self.records_span()
        if span is None:
            return True  # a domain without rollups: its figures stand as computed
        first, last = span
        start, end = self.reads(period)
        if not (first <= end and start <= last.replace(day=calendar.monthrange(last.year, last.month)[1])):
            return False
        if self.months is not None:
            months = cached(("months", self.months), self.months)
        else:
            months = cached(("months", self.domain), lambda: domain_months(self.domain))
        if months is None:
            return True

        def some_in(first_day: datetime.date, last_day: datetime.date) -> bool:
            return any(first_day.replace(day=1) <= month <= last_day for month in months)

        # Records in the days it reads, and in the period itself (crimes of earlier years solved in a
        # year when the register kept nothing are not a known zero).
        return some_in(start, end) and some_in(period.start, period.end)

    def known(self, period: Period) -> bool:
        """Whether its figure for `period` may be compared with: records in it, and records from its first
        day on (a period the register began in the middle of would give a count too low to compare)."""
        span = self.records_span()
        start, _end = self.reads(period)
        covered = span is None or start == datetime.date.min or span[0] <= start
        return covered and self.has_data(period)

    def records_span(self) -> tuple[datetime.date, datetime.date] | None:
        from precinct.core.coverage import domain_span

        if self.span is not None:
            return cached(("span", self.span), self.span)
        return cached(("span", self.domain), lambda: domain_span(self.domain))

    @property
    def label(self) -> str:
        return localized(self.labels)

    def by_month(self, period: Period, scope: Scope) -> dict:
        """The value for each month of the period (the first and last months cut to the period)."""
        if self.monthly is not None:
            return self.monthly(period, self.scope(scope))
        return {month: self.value(part, scope) for month, part in period.parts()}

    def scope(self, scope: Scope) -> Scope:
        return Scope(scope.body, scope.filters + self.filters)

    def value(self, period: Period, scope: Scope) -> Value:
        return self.compute(period, self.scope(scope))

    def queryset(self, period: Period, scope: Scope) -> QuerySet | None:
        return self.records(period, self.scope(scope)) if self.records else None

    def counts(self, period: Period, scope: Scope) -> tuple[Value, Value] | None:
        """A share's numerator and denominator (None for a measure that is not a share of counts)."""
        return self.parts(period, self.scope(scope)) if self.parts else None


# The options of `declare` that are the Measure's own fields, not its filters.
OPTIONS = {"monthly", "parts", "personal", "reads", "part_of", "of", "span", "months"}


def declare(name: str, en: str, az: str, ru: str, unit: str, compute, records=None, **options) -> Measure:
    """A measure with its labels in the three languages; keyword options other than the Measure's own
    fields are its fixed filters (`category="theft"`)."""
    return Measure(
        name=name,
        labels={"en": en, "az": az, "ru": ru},
        unit=unit,
        compute=compute,
        records=records,
        filters=tuple((key, value) for key, value in options.items() if key not in OPTIONS),
        **{key: value for key, value in options.items() if key in OPTIONS},
    )


def share(part: Value, whole: Value) -> Decimal | None:
    """part / whole, or None (shown as "—") when there is nothing to divide by."""
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole)


class Direction:
    UP, DOWN, SAME = "up", "down", "same"


@dataclass(frozen=True)
class Figure:
    """A measure's value in a period, beside its value a year before."""

    measure: Measure
    value: Value
    previous: Value
    previous_known: bool = True  # False: the year before has no records to compare with

    @property
    def change(self) -> Value:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def relative(self) -> Decimal | None:
        if self.change is None or not self.previous or self.measure.unit == Unit.SHARE:
            return None
        return Decimal(self.change) / Decimal(self.previous)

    @property
    def direction(self) -> str | None:
        if self.change is None:
            return None
        return Direction.UP if self.change > 0 else Direction.DOWN if self.change < 0 else Direction.SAME

    @property
    def z(self) -> float | None:
        """For counts: the Poisson test z = 2(√this − √last); |z| > 3 is a real change, not noise."""
        if self.measure.unit != Unit.COUNT or self.value is None or self.previous is None:
            return None
        return 2 * (math.sqrt(self.value) - math.sqrt(self.previous))

    @property
    def significant(self) -> bool | None:
        return None if self.z is None else abs(self.z) > 3

    def as_dict(self) -> dict:
        def plain(value):
            return None if value is None else (float(value) if isinstance(value, Decimal) else value)

        return {
            "measure": self.measure.name,
            "label": self.measure.label,
            "unit": self.measure.unit,
            "value": plain(self.value),
            "previous": plain(self.previous),
            "previous_known": self.previous_known,
            "change": plain(self.change),
            "relative_change": plain(self.relative),
            "direction": self.direction,
            "significant": self.significant,
        }


@dataclass(frozen=True)
class Section:
    """A domain's part of the board report: its measures in order, and tables of measures by group."""

    name: str
    labels: dict[str, str]
    measures: list[Measure]
    tables: list["Table"] = field(default_factory=list)
    trends: list[Measure] = field(default_factory=list)  # drawn month by month against last year
    # The section's paragraphs of the press-release draft: press(result, period, language), see core.press.
    press: Callable | None = None
    order: int = 100
    # The section's headline counts, shown in the standard windows (7 and 28 days, year to date, 365 days)
    headline: list[Measure] = field(default_factory=list)
    # Figures on people's conduct or custody, which a small count could tie to a person: given only to
    # those who read the domain's records, and to analysts and administrators (see `open_to`).
    restricted: bool = False

    @property
    def label(self) -> str:
        return localized(self.labels)


@dataclass(frozen=True)
class Table:
    """Rows of measures by a grouping (e.g. by category): each row a label and its measures."""

    name: str
    labels: dict[str, str]
    columns: list[dict[str, str]]
    rows: Callable[[], list[tuple[str, list[Measure]]]]

    @property
    def label(self) -> str:
        return localized(self.labels)


def open_to(section: Section, user) -> bool:
    """Whether a user is given a section's figures (anyone, for a section not restricted; no user is the
    system itself: the command line, the benchmarks)."""
    from precinct.core.roles import Role, can

    if user is None or not section.restricted:
        return True
    return getattr(user, "role", None) in (Role.ANALYST, Role.ADMINISTRATOR) or can(user, section.name)
