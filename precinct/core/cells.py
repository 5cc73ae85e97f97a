"""Reading a rollup for any period of days: whole months from the monthly cells, the days at the edges
from the daily ones, so that no figure reads the records, whatever the period.

A month the period covers only in part is read the cheaper way: its days in the period from the daily
cells, or the whole month from the monthly cells less the days outside the period. Either way at most
half a month of daily cells is read at each edge, and the sums are exact, the monthly cells being the
sums of the daily ones.
"""

import calendar
import contextvars
import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models

from precinct.core.periods import Period

Key = tuple
Range = tuple[datetime.date, datetime.date]


@dataclass(frozen=True)
class Grains:
    """A rollup's two grains: the model of months and its twin of days, and the date each is keyed by."""

    months: type[models.Model]
    days: type[models.Model]
    month_field: str = "month"
    day_field: str = "day"


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def pieces(period: Period) -> tuple[list[Range], list[tuple[int, Range]]]:
    """The month ranges to read from the monthly cells, and the (sign, day range)s from the daily ones."""
    months: list[datetime.date] = []
    days: list[tuple[int, Range]] = []
    one = datetime.timedelta(days=1)
    for month, part in period.parts():
        last = month_end(month)
        inside = (part.end - part.start).days + 1
        outside = (last - month).days + 1 - inside
        if outside == 0:
            months.append(month)
        elif inside <= outside:
            days.append((1, (part.start, part.end)))
        else:
            months.append(month)
            if part.start > month:
                days.append((-1, (month, part.start - one)))
            if part.end < last:
                days.append((-1, (part.end + one, last)))
    return runs(months), days


def runs(months: list[datetime.date]) -> list[Range]:
    """Consecutive months as ranges (one query each, no OR of ranges for the planner to misjudge)."""
    found: list[list[datetime.date]] = []
    for month in months:
        if found and (found[-1][1] + datetime.timedelta(days=32)).replace(day=1) == month:
            found[-1][1] = month
        else:
            found.append([month, month])
    return [(first, last) for first, last in found]


def same_sign(day_ranges: list[tuple[int, Range]]) -> dict[int, list[Range]]:
    found: dict[int, list[Range]] = {}
    for sign, span in day_ranges:
        found.setdefault(sign, []).append(span)
    return found


def days_of(span: Range) -> list[datetime.date]:
    first, last = span
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


_together: contextvars.ContextVar[tuple[list[int], dict] | None] = contextvars.ContextVar(
    "together", default=None
)


@contextmanager
def together(bodies) -> Iterator[None]:
    """Within the block, the first reading of some cells for one of `bodies` reads them for all of them
    at once (the standard windows of every body: a handful of queries, not thousands)."""
    token = _together.set(([body.pk for body in bodies], {}))
    try:
        yield
    finally:
        _together.reset(token)


def batching() -> bool:
    """Whether every body's cells are being read at once (see `together`)."""
    return _together.get() is not None


def summed(
    grains: Grains, body, period: Period, by: Iterable[str], sums: dict[str, models.Aggregate], **filters
) -> dict[Key, list[int]]:
    """The sums by the `by` fields over the period, for one body's cells. "month" in `by` is the month of
    the grains' date (so that a trend is read in the same queries)."""
    by = tuple(by)
    batch = _together.get()
    if batch is None or body.pk not in batch[0]:
        return read(grains, [body.pk], period, by, sums, filters).get(body.pk, {})
    ids, memo = batch
    key = (grains, period, by, tuple(sums), tuple(sorted(filters.items())))
    if key not in memo:
        memo[key] = read(grains, ids, period, by, sums, filters)
    return memo[key].get(body.pk, {})


def read(grains: Grains, ids: list[int], period: Period, by: tuple, sums: dict, filters: dict) -> dict:
    """The sums by body and by the `by` fields, for the bodies of `ids`."""
    found: dict[int, dict[Key, list[int]]] = {}
    body_filter = {"body_id": ids[0]} if len(ids) == 1 else {"body_id__in": ids}
    by = ("body_id", *by)

    def add(rows, sign: int) -> None:
        for row in rows:
            key, values = tuple(row[1 : len(by)]), row[len(by) :]
            total = found.setdefault(row[0], {}).setdefault(key, [0] * len(values))
            for index, value in enumerate(values):
                total[index] += sign * int(value or 0)

    def grouped(cells, fields: list[str]):
        return cells.values_list(*fields).annotate(**sums).order_by()

    month_ranges, day_ranges = pieces(period)
    for first, last in month_ranges:
        cells = grains.months.objects.filter(**body_filter, **{f"{grains.month_field}__range": (first, last)})
        fields = [grains.month_field if name == "month" else name for name in by]
        add(grouped(cells.filter(**filters), fields), 1)
    if "month" not in by:
        # The edges of one sign in one query: their days listed, each found through the index.
        for sign, ranges in same_sign(day_ranges).items():
            on = (
                {f"{grains.day_field}__range": ranges[0]}
                if len(ranges) == 1
                else {f"{grains.day_field}__in": [day for span in ranges for day in days_of(span)]}
            )
            add(grouped(grains.days.objects.filter(**body_filter, **on, **filters), list(by)), sign)
    else:
        for sign, (first, last) in day_ranges:
            # The days of a range are those of one month (see `pieces`): its month is put in the key
            # here, not worked out in SQL for every cell (SQLite's date functions are Python's).
            cells = grains.days.objects.filter(**body_filter, **{f"{grains.day_field}__range": (first, last)})
            of_month = first.replace(day=1)
            fields = [name for name in by if name != "month"]
            month_at = by.index("month")
            rows = (
                row[:month_at] + (of_month,) + row[month_at:]
                for row in grouped(cells.filter(**filters), fields)
            )
            add(rows, sign)
    return {pk: {key: values for key, values in cells.items() if any(values)} for pk, cells in found.items()}
