"""The working-day calendar that the deadlines of the Law "On Citizens' Appeals" are counted in.

The law gives its periods in working days (an answer within 15 or 30, one extension of at most 30,
forwarding within 3), and the day an appeal is received is not counted. A working day is Monday to
Friday unless the law or the Cabinet of Ministers made it a rest day, plus any Saturday or Sunday the
Cabinet declared a working day when it exchanged rest days. Pure Python, so that any layer can use it.
"""

import functools
import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "calendar.json"


@dataclass(frozen=True)
class Calendar:
    """Rest days on weekdays (`holidays`) and working Saturdays and Sundays (`working_weekends`).

    Holidays that fall on a weekend may be listed too: they change nothing, and they document why the
    following weekday is a rest day.
    """

    holidays: frozenset[date]
    working_weekends: frozenset[date] = frozenset()
    # Sorted ordinals of the exceptions to Monday-Friday, so that counting is a pair of binary searches.
    _rest_weekdays: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _working_weekends: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        holidays = frozenset(self.holidays)
        working_weekends = frozenset(self.working_weekends)
        if weekdays := sorted(day for day in working_weekends if day.weekday() < 5):
            raise ValueError(f"working_weekends must be Saturdays or Sundays, not {weekdays}")
        rest_weekdays = (day for day in holidays if day.weekday() < 5)
        object.__setattr__(self, "holidays", holidays)
        object.__setattr__(self, "working_weekends", working_weekends)
        object.__setattr__(self, "_rest_weekdays", tuple(sorted(day.toordinal() for day in rest_weekdays)))
        object.__setattr__(self, "_working_weekends", tuple(sorted(d.toordinal() for d in working_weekends)))

    def is_working(self, day: date) -> bool:
        return day in self.working_weekends or (day.weekday() < 5 and day not in self.holidays)

    def add_working_days(self, start: date, count: int) -> date:
        """The deadline: the `count`-th working day after `start`, the day of receipt itself not counted.

        A count of 0 gives `start` when it is a working day and the next working day otherwise: a period
        cannot end on a rest day, so "by the day of receipt" on a holiday means the first working day after.
        """
        if count < 0:
            raise ValueError(f"count must be zero or more, not {count}")
        if count == 0:
            return start if self.is_working(start) else self.next_working_day(start)
        first = start.toordinal()
        target = self._rank(first) + count
        span = 2 * count + 7
        while self._rank(first + span) < target:
            span *= 2
        days = range(first + 1, first + span + 1)
        return date.fromordinal(days[bisect_left(days, target, key=self._rank)])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: the days of a period that have run by the end of `end`."""
        if end <= start:
            return 0
        return self._rank(end.toordinal()) - self._rank(start.toordinal())

    def next_working_day(self, day: date) -> date:
        """The first working day after `day`."""
        return self.add_working_days(day, 1)

    def _rank(self, ordinal: int) -> int:
        """Working days from 1 January of year 1 (a Monday, ordinal 1) up to and including `ordinal`."""
        weeks, rest = divmod(ordinal, 7)
        weekdays = 5 * weeks + min(rest, 5)
        return (
            weekdays
            - bisect_right(self._rest_weekdays, ordinal)
            + bisect_right(self._working_weekends, ordinal)
        )


@functools.cache
def load_default() -> Calendar:
    """The Republic of Azerbaijan's calendar as shipped in data/calendar.json, read once per process.
    The system counts with `current_calendar()`, the calendar as administrators keep it."""
    data = json.loads(DEFAULT_DATA.read_text(encoding="utf-8"))
    return Calendar(
        holidays=frozenset(date.fromisoformat(entry["date"]) for entry in data["holidays"]),
        working_weekends=frozenset(date.fromisoformat(entry["date"]) for entry in data["working_weekends"]),
    )


_kept: dict[tuple, Calendar] = {}


def current_calendar() -> Calendar:
    """The calendar as kept in the database (`core.CalendarDay`), which administrators edit as the
    government announces transferred days. One small query tells whether it changed since last read."""
    from django.db.models import Count, Max

    from precinct.core.models import CalendarDay, DayKind

    stamp = tuple(CalendarDay.objects.aggregate(n=Count("id"), at=Max("updated_at"), last=Max("id")).values())
    if stamp not in _kept:
        days = list(CalendarDay.objects.values_list("date", "kind"))
        _kept.clear()
        _kept[stamp] = Calendar(
            holidays=frozenset(day for day, kind in days if kind != DayKind.WORKING),
            working_weekends=frozenset(day for day, kind in days if kind == DayKind.WORKING),
        )
    return _kept[stamp]
