"""The deadlines of the Law on Citizens' Appeals, in working days of the calendar (`core.workdays`)."""

import datetime

from precinct.appeals.models import ANSWER_DAYS, FORWARD_DAYS, SOON_DAYS, STUDY_DAYS
from precinct.core.workdays import Calendar


def due_date(
    calendar: Calendar, start: datetime.date, needs_study: bool, extension_days: int
) -> datetime.date:
    """The answer's deadline: 15 working days after receipt, or 30 where extra study is needed, plus the
    one extension. Working days add up, so extending the deadline by N days is counting N more."""
    return calendar.add_working_days(start, (STUDY_DAYS if needs_study else ANSWER_DAYS) + extension_days)


def forward_by(calendar: Calendar, received_on: datetime.date) -> datetime.date:
    """The last day to forward an application outside the body's competence."""
    return calendar.add_working_days(received_on, FORWARD_DAYS)


def soon(calendar: Calendar, today: datetime.date) -> datetime.date:
    """Open applications due by this day are flagged as soon due."""
    return calendar.add_working_days(today, SOON_DAYS)


def deadline_start(application) -> datetime.date:
    """The day the answer's deadline runs from: receipt, or, for an application forwarded to this body
    from another body of the ministry, the day it was forwarded (received by the competent body)."""
    if application.forwarded_from_id and not application.forwarded_to_authority:
        return application.arrived_on or application.forwarded_on
    return application.received_on
