"""The standard windows (CompStat's): each domain's headline counts for the last 7 days, the last 28 days,
the year to date and the last 365 days, each against the same days a year before, for one body."""

import datetime

from django.utils import timezone

from precinct.core.cells import together
from precinct.core.coverage import last_day
from precinct.core.measures import Scope, computing
from precinct.core.periods import standard_windows
from precinct.reports.engine import figure, period_dict, sections


def as_of_default() -> datetime.date:
    """Yesterday, the last whole day; or the last day with records, where none came since (a dataset of
    earlier years)."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    latest = last_day()
    return min(yesterday, latest) if latest else yesterday


@computing()
def windows(body, as_of: datetime.date, user=None) -> dict:
    scope = Scope(body)
    found = []
    for name, period in standard_windows(as_of):
        found.append(
            {
                "window": name,
                "period": period_dict(period),
                "comparison_period": period_dict(period.comparison),
                "figures": [
                    figure(measure, period, scope).as_dict()
                    for section in sections(user)
                    for measure in section.headline
                ],
            }
        )
    return {"body": {"code": body.code, "name": body.name}, "as_of": as_of.isoformat(), "windows": found}


def window_table(result: dict) -> list[tuple[dict, list[dict]]]:
    """The same as rows for a page: each headline measure with its figure in each window."""
    rows = []
    for index, first in enumerate(result["windows"][0]["figures"]):
        rows.append((first, [window["figures"][index] for window in result["windows"]]))
    return rows


def every_body(as_of: datetime.date) -> list[dict]:
    """The windows of every territorial body at once, each body's cells read in the same queries."""
    from precinct.organisation.models import Body

    bodies = list(Body.objects.order_by("path"))
    with computing(), together(bodies):
        return [windows(body, as_of) for body in bodies]
