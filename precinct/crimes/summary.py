"""The crime register's tallies, from which every crime measure is derived, by (category, gravity,
agency): the crimes registered, with a firearm, their damage and compensation (qəpik); the crimes
registered and solved by the period's end; and the crimes of earlier years solved. "Solved by the
period's end" depends on two dates, so its tally reads its cells (and its records) its own way."""

import datetime
import itertools
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from precinct.core.cells import Grains, month_end, summed
from precinct.core.measures import Scope, cached, rollups_serve, within
from precinct.core.periods import Period
from precinct.core.tally import Cells, Key, Tally, Total, as_date, count, one_of, summing
from precinct.crimes.models import (
    NEVER,
    Article,
    Crime,
    CrimeCountDay,
    CrimeCountMonth,
    CrimeDay,
    CrimeMonth,
    CrimeSolvedDay,
)

COUNT_CELLS = Grains(CrimeCountMonth, CrimeCountDay)
BY_SOLVING_CELLS = Grains(CrimeMonth, CrimeDay)
SOLVED_CELLS = Grains(CrimeMonth, CrimeSolvedDay, month_field="solved_month")

# The article's class is joined in as the reference data says it now: the cells are keyed by article, so
# a reclassified article counts under its new category and gravity at once.
CLASS = ("article__category__code", "article__gravity", "agency")
CLASS_OF = {"article__category__code": 0, "article__gravity": 1}  # their places in `classification()`
KEYS = {name: Key(field, field) for name, field in zip(("category", "gravity", "agency"), CLASS, strict=True)}


def money(value) -> int:
    """Manat as the database sums them, in whole qəpik (the cells' unit)."""
    return int((Decimal(str(value or 0)) * 100).to_integral_value())


class ByArticle:
    """Reads its cells by article and gives them by the article's class (category, gravity) as the
    reference data says now, looked up in Python: no join to the articles and categories for each of
    the thousands of cells a national report sums, and a reclassified article counts anew at once."""

    def cells_by(self, fields: list[str], monthly: bool, read: Callable[[list[str]], Cells]) -> Cells:
        if not any(field in CLASS_OF for field in fields):
            return read(fields)
        plain = [field for field in fields if field not in CLASS_OF]
        classes, offset = classification(), int(monthly)
        places = [
            (CLASS_OF[field], None) if field in CLASS_OF else (None, plain.index(field)) for field in fields
        ]
        found: Cells = {}
        for key, values in read(["article", *plain]).items():
            article, rest = classes[key[offset]], key[offset + 1 :]
            kept = key[:offset] + tuple(article[c] if c is not None else rest[p] for c, p in places)
            total = found.setdefault(kept, [0] * len(values))
            for index, value in enumerate(values):
                total[index] += value
        return found


class ArticleTally(ByArticle, Tally):
    def from_cells(self, period: Period, body, monthly: bool, fields: list[str]) -> Cells:
        return self.cells_by(
            fields, monthly, lambda by: super(ArticleTally, self).from_cells(period, body, monthly, by)
        )


REGISTER = ArticleTally(
    "crimes.register",
    Crime,
    day="registered_on",
    grains=COUNT_CELLS,
    keys=KEYS,
    totals={
        "registered": count("crimes"),
        "firearm": Total("firearm", Count("pk", filter=Q(firearm=True))),
        "damage": summing("damage", convert=money),
        "compensated": summing("compensated", convert=money),
    },
)


class SolvedByEnd(ByArticle, Tally):
    """The crimes registered in the period and those of them solved by its end. On the cells: solved in
    the months before its last (or in its last, when the period ends with it), and, read apart, those
    solved in its last month by its last day (`solved_in_last_month`)."""

    def from_records(self, period: Period, body, monthly: bool) -> Cells:
        crimes = self.records(period, Scope(body))
        if monthly:
            crimes = crimes.annotate(month_key=TruncMonth("registered_on"))
        rows = (
            crimes.values_list(*(("month_key",) if monthly else ()), *CLASS)
            .annotate(registered=Count("id"), solved=Count("id", filter=Q(solved_on__lte=period.end)))
            .order_by()
        )
        width = len(CLASS) + monthly
        return {
            ((as_date(row[0]), *row[1:width]) if monthly else tuple(row[:width])): list(row[width:])
            for row in rows
        }

    def from_cells(self, period: Period, body, monthly: bool, fields: list[str]) -> Cells:
        last = period.last_month
        by_end = Q(solved_month__lte=last) if period.end == month_end(last) else Q(solved_month__lt=last)
        sums = {"registered": Sum("crimes"), "solved": Sum("crimes", filter=by_end & ~Q(solved_month=NEVER))}
        return self.cells_by(
            fields,
            monthly,
            lambda by: summed(BY_SOLVING_CELLS, body, period, ("month", *by) if monthly else by, sums),
        )

    def total(self, period: Period, scope: Scope, total: str, narrow: bool = False) -> int:
        found = super().total(period, scope, total, narrow)
        if total == "solved":
            wanted = self.filters(scope)
            names = tuple(name for name in self.keys if name in wanted)
            remainder = self.remainder_by(period, scope.body, names)
            choices = itertools.product(*(one_of(wanted[name]) for name in names))
            found += sum(remainder.get(combo, 0) for combo in choices)
        return found

    def remainder_by(self, period: Period, body, names: tuple[str, ...]) -> dict[tuple, int]:
        """The solved remainder summed by the keys `names` only, once per report: each figure then takes
        its part by a look-up (as `Tally.grouped` does for the cells)."""

        def compute() -> dict[tuple, int]:
            positions = [list(self.keys).index(name) for name in names]
            found: dict[tuple, int] = {}
            for key, n in solved_remainder(period, body).items():
                kept = tuple(key[position] for position in positions)
                found[kept] = found.get(kept, 0) + n
            return found

        return cached(("crimes.remainder_by", body.pk, period, rollups_serve(period), names), compute)

    def by_month(self, period: Period, scope: Scope, total: str) -> dict[datetime.date, int]:
        if total == "solved":  # solved by each month's end: each month is a period of its own
            return {month: self.total(part, scope, total, narrow=True) for month, part in period.parts()}
        return super().by_month(period, scope, total)


SOLVING = SolvedByEnd(
    "crimes.solving",
    Crime,
    day="registered_on",
    grains=BY_SOLVING_CELLS,
    keys=KEYS,
    totals={"registered": count("crimes"), "solved": count("crimes")},  # solved by the period's end
)


class EarlierSolved(ByArticle, Tally):
    """Crimes registered in a year before the period's and solved in it."""

    def records(self, period: Period, scope: Scope) -> QuerySet:
        before = datetime.date(period.start.year, 1, 1)
        return super().records(period, scope).filter(registered_on__lt=before)

    def from_cells(self, period: Period, body, monthly: bool, fields: list[str]) -> Cells:
        before = datetime.date(period.start.year, 1, 1)

        def read(fields: list[str]) -> Cells:
            by = ("month", *fields) if monthly else fields
            return summed(SOLVED_CELLS, body, period, by, {"n": Sum("crimes")}, month__lt=before)

        return self.cells_by(fields, monthly, read)


EARLIER_SOLVED = EarlierSolved(
    "crimes.earlier_solved",
    Crime,
    day="solved_on",
    grains=SOLVED_CELLS,
    keys=KEYS,
    totals={"solved": count("crimes")},
)


def registered_records(period: Period, scope: Scope) -> QuerySet:
    return REGISTER.records(period, scope)


def solved_records(period: Period, scope: Scope) -> QuerySet:
    """Crimes registered in the period and solved by its end."""
    return registered_records(period, scope).filter(solved_on__lte=period.end)


def solved_remainder(period: Period, body) -> dict[tuple, int]:
    """What the cells' solved column lacks when the period ends before its last month does: the crimes
    solved in that month by the period's end, by (category, gravity, agency)."""

    def compute() -> dict[tuple, int]:
        found: dict[tuple, int] = {}
        if not rollups_serve(period) or period.end == month_end(period.last_month):
            return found
        classes = classification()
        for (_month, article, agency), n in solved_in_last_month(period, body).items():
            key = (*classes[article], agency)
            found[key] = found.get(key, 0) + n
        return found

    return cached(("crimes.solved_remainder", body.pk, period, rollups_serve(period)), compute)


def classification() -> dict[int, tuple[str, str]]:
    """Article id → (category code, gravity) as the reference data says now, read once per report: the
    rollup is keyed by article, so a reclassified article counts under its new class at once."""
    return cached(
        ("crimes.classification",),
        lambda: {pk: (code, gravity) for pk, code, gravity in Article.objects.values_list(
            "pk", "category__code", "gravity")},
    )  # fmt: skip


def solved_in_last_month(period: Period, body) -> dict[tuple, int]:
    """Crimes registered in the period and solved in its last month by its last day, by (month registered,
    article, agency): from the cells of the days solved, less (or plus) those registered in the first
    month's days outside (inside) the period. That remainder, crimes registered in part of one month and
    solved in part of another, is the one thing two dates define that no cell holds: it is read from the
    records, at most half a month of registrations through their index."""
    first, last = period.first_month, period.last_month
    before = (period.start - first).days  # days of the first month before the period
    within_first = (min(month_end(first), period.end) - period.start).days + 1
    from_month = first if before <= within_first else (first + datetime.timedelta(days=32)).replace(day=1)
    found: dict[tuple, int] = {}
    cells = (
        CrimeSolvedDay.objects.filter(
            body=body, day__range=(last, period.end), month__range=(from_month, last)
        )
        .values_list("month", "article_id", "agency")
        .annotate(n=Sum("crimes"))
        .order_by()
    )
    for month, article, agency, n in cells:
        found[(month, article, agency)] = int(n)
    if from_month == first and before:  # less those registered before the period began
        registered, sign = (first, period.start - datetime.timedelta(days=1)), -1
    elif from_month != first:  # plus those registered in the first month's days within the period
        registered, sign = (period.start, min(month_end(first), period.end)), 1
    else:
        return found
    remainder = (
        within(Crime.objects.all(), body)
        .filter(registered_on__range=registered, solved_on__range=(last, period.end))
        .values_list(TruncMonth("registered_on"), "article_id", "agency")
        .annotate(n=Count("id"))
        .order_by()
    )
    for month, article, agency, n in remainder:
        month = month.date() if isinstance(month, datetime.datetime) else month
        key = (month, article, agency)
        found[key] = found.get(key, 0) + sign * n
    return found
