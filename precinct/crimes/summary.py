"""The crime register's summaries, from which every crime measure is summed: the rollup's cells for any
period (whole months and the days at its edges) or, to compare with, the records."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from precinct.core.cells import Grains, month_end, summed
from precinct.core.measures import Scope, cached, rollups_serve, within
from precinct.core.periods import Period
from precinct.crimes.models import NEVER, Article, Crime, CrimeDay, CrimeMonth, CrimeSolvedDay

# One summary per period and body, from the rollup for whole months or from the records otherwise ---------
# Key: (category code, gravity, agency); values: registered, solved by the period's end, with a firearm,
# damage and compensation (qəpik). Every crime measure is a sum over the keys its filters select.

Key = tuple[str, str, str]
REGISTERED_, SOLVED_, FIREARM_, DAMAGE_, COMPENSATED_ = range(5)


def records(scope: Scope) -> QuerySet:
    """The crimes of the scope's body and the bodies under it, with the scope's filters."""
    queryset = within(Crime.objects.all(), scope.body)
    if scope.get("category"):
        queryset = queryset.filter(article__category__code=scope.get("category"))
    if scope.get("agencies"):
        queryset = queryset.filter(agency__in=scope.get("agencies"))
    if scope.get("gravity"):
        queryset = queryset.filter(article__gravity=scope.get("gravity"))
    return queryset


def registered_records(period: Period, scope: Scope) -> QuerySet:
    return records(scope).filter(registered_on__range=(period.start, period.end))


def solved_records(period: Period, scope: Scope) -> QuerySet:
    """Crimes registered in the period and solved by its end."""
    return registered_records(period, scope).filter(solved_on__lte=period.end)


def earlier_solved_records(period: Period, scope: Scope) -> QuerySet:
    """Crimes registered in an earlier year and solved in the period."""
    before = datetime.date(period.start.year, 1, 1)
    return records(scope).filter(registered_on__lt=before, solved_on__range=(period.start, period.end))


def classification() -> dict[int, tuple[str, str]]:
    """Article id → (category code, gravity) as the reference data says now, read once per report: the
    rollup is keyed by article, so a reclassified article counts under its new class at once."""
    return cached(
        ("crimes.classification",),
        lambda: {pk: (code, gravity) for pk, code, gravity in Article.objects.values_list(
            "pk", "category__code", "gravity")},
    )  # fmt: skip


def summary(period: Period, body) -> dict[Key, list[int]]:
    """The period's sums by (category, gravity, agency)."""

    def fold() -> dict[Key, list[int]]:
        return {tuple(key): values for (_month, *key), values in _summary(period, body, False).items()}

    return cached(("crimes.summary", body.pk, period, rollups_serve(period)), fold)


def monthly_summary(period: Period, body) -> dict[tuple, list[int]]:
    """The same by month registered too, for the trend."""
    return cached(
        ("crimes.monthly_summary", body.pk, period, rollups_serve(period)),
        lambda: _summary(period, body, True),
    )


REGISTERED_CELLS = Grains(CrimeMonth, CrimeDay)
SOLVED_CELLS = Grains(CrimeMonth, CrimeSolvedDay, month_field="solved_month")
SUMS = {
    "registered": Sum("crimes"),
    "with_firearm": Sum("firearm"),
    "damage_sum": Sum("damage"),
    "compensated_sum": Sum("compensated"),
}


# The article's class is joined in as the reference data says it now: the cells are keyed by article, so
# a reclassified article counts under its new category and gravity at once.
CLASS = ("article__category__code", "article__gravity", "agency")


def _summary(period: Period, body, by_month: bool) -> dict[tuple, list[int]]:
    """By (month registered or None, category, gravity, agency): registered, solved by the period's end,
    with a firearm, damage and compensation (qəpik)."""
    found: dict[tuple, list[int]] = {}

    def add(month, key: tuple, values: list[int]) -> None:
        month = month.date() if isinstance(month, datetime.datetime) else month
        total = found.setdefault((month if by_month else None, *key), [0] * 5)
        for column, value in values:
            total[column] += int(value or 0)

    if not rollups_serve(period):
        rows = (
            registered_records(period, Scope(body))
            .values_list(TruncMonth("registered_on"), *CLASS)
            .annotate(
                registered=Count("id"),
                solved=Count("id", filter=Q(solved_on__lte=period.end)),
                with_firearm=Count("id", filter=Q(firearm=True)),
                damage_sum=Sum("damage"),
                compensated_sum=Sum("compensated"),
            )
        )
        for month, *key, n, solved, firearm, damage, compensated in rows:
            money = [(DAMAGE_, Decimal(damage or 0) * 100), (COMPENSATED_, Decimal(compensated or 0) * 100)]
            add(month, tuple(key), [(REGISTERED_, n), (SOLVED_, solved), (FIREARM_, firearm), *money])
        return found
    last = period.last_month
    whole_last_month = period.end == month_end(last)
    # Solved by the period's end: in a month before its last, or in its last when the period ends with it.
    by_end = Q(solved_month__lte=last) if whole_last_month else Q(solved_month__lt=last)
    sums = SUMS | {"solved": Sum("crimes", filter=by_end & ~Q(solved_month=NEVER))}
    cells = summed(REGISTERED_CELLS, body, period, ("month", *CLASS) if by_month else CLASS, sums)
    for key, (n, firearm, damage, compensated, solved) in cells.items():
        values = [(REGISTERED_, n), (SOLVED_, solved), (FIREARM_, firearm), (DAMAGE_, damage),
                  (COMPENSATED_, compensated)]  # fmt: skip
        add(key[0] if by_month else None, key[-3:], values)
    return found


def solved_remainder(period: Period, body) -> dict[Key, int]:
    """What the summary's solved column lacks when the period ends before its last month does: the
    crimes solved in that month by the period's end, by (category, gravity, agency). Only the figures of
    solving ask for it."""

    def compute() -> dict[Key, int]:
        found: dict[Key, int] = {}
        if not rollups_serve(period) or period.end == month_end(period.last_month):
            return found
        classes = classification()
        for (_month, article, agency), n in solved_in_last_month(period, body).items():
            key = (*classes[article], agency)
            found[key] = found.get(key, 0) + n
        return found

    return cached(("crimes.solved_remainder", body.pk, period, rollups_serve(period)), compute)


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


def earlier_summary(period: Period, body) -> dict[Key, int]:
    """Crimes of earlier years solved in the period, by key."""

    def compute() -> dict[Key, int]:
        before = datetime.date(period.start.year, 1, 1)
        if rollups_serve(period):
            cells = summed(SOLVED_CELLS, body, period, CLASS, {"n": Sum("crimes")}, month__lt=before)
            return {key: n for key, (n,) in cells.items()}
        rows = earlier_solved_records(period, Scope(body)).values_list(*CLASS).annotate(solved=Count("id"))
        return {tuple(key): int(count) for *key, count in rows}

    return cached(("crimes.earlier", body.pk, period, rollups_serve(period)), compute)
