"""Periods and their comparison period: the same dates one year earlier."""

import calendar
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# The ministry's time: the day of a record given as a moment (a violation, a detention) is its day here.
LOCAL = ZoneInfo("Asia/Baku")
# The days any date given to Precinct may fall on: a record, a filter, a period and its year before (a
# wider range means nothing for police records, and year 1 or 9999 overflow the arithmetic of periods).
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)


def out_of_range(value: object) -> bool:
    """Whether a date (or a moment) falls outside EARLIEST…LATEST; anything else is not a date."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return isinstance(value, datetime.date) and not EARLIEST <= value <= LATEST


def year_earlier(day: datetime.date) -> datetime.date:
    """The same date one year before; 29 February maps to 28 February."""
    if day.month == 2 and day.day == 29:
        return datetime.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    def __str__(self) -> str:
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"

    @property
    def comparison(self) -> "Period":
        """The same period of last year. A period ending on the last day of February ends on the last
        day of February a year before too, so that whole months stay whole."""
        end = year_earlier(self.end)
        if self.end.month == 2 and self.end.day == calendar.monthrange(self.end.year, 2)[1]:
            end = end.replace(day=calendar.monthrange(end.year, 2)[1])
        return Period(year_earlier(self.start), end)

    @property
    def years(self) -> str:
        """The period named by its years, for a column's heading: "2023", or "2018–2023"."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"

    @property
    def first_month(self) -> datetime.date:
        return self.start.replace(day=1)

    @property
    def last_month(self) -> datetime.date:
        return self.end.replace(day=1)

    @property
    def whole_months(self) -> bool:
        """Whether the period starts on a first and ends on a last day of a month (rollups then serve)."""
        last_day = calendar.monthrange(self.end.year, self.end.month)[1]
        return self.start.day == 1 and self.end.day == last_day

    def months(self) -> list[datetime.date]:
        months, month = [], self.first_month
        while month <= self.last_month:
            months.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return months

    def parts(self) -> list[tuple[datetime.date, "Period"]]:
        """Each month of the period with the part of it that the period covers."""
        return [
            (
                month,
                Period(
                    max(month, self.start),
                    min(month.replace(day=calendar.monthrange(month.year, month.month)[1]), self.end),
                ),
            )
            for month in self.months()
        ]


def standard_windows(as_of: datetime.date) -> list[tuple[str, "Period"]]:
    """The CompStat windows ending on a day: the last 7 days, the last 28 days, the year to date and the
    last 365 days (each compared, as every period, with the same days a year before)."""
    back = datetime.timedelta
    return [
        ("7d", Period(as_of - back(days=6), as_of)),
        ("28d", Period(as_of - back(days=27), as_of)),
        ("ytd", Period(as_of.replace(month=1, day=1), as_of)),
        ("365d", Period(as_of - back(days=364), as_of)),
    ]
