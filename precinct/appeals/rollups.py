"""The appeals' rollup: applications counted by month and event, per body and every body above it."""

from precinct.appeals.models import AppealDay, AppealMonth, Application, Event, Status
from precinct.core.rollups import DAY, ChainedRollup


class AppealMonthRollup(ChainedRollup):
    source = Application
    model = AppealMonth
    keys = ["body_id", "month", "event", "channel", "subject_id"]
    sums = ["applications"]

    def events(self, application: Application):
        """Each event of the application, with the day it happened."""
        yield Event.RECEIVED, application.received_on
        if application.answered_on:
            yield Event.CONSIDERED, application.answered_on
            if application.answered_on <= application.due_on:
                yield Event.ON_TIME, application.answered_on
            else:
                yield Event.LATE, application.due_on
        if application.forwarded_on:
            yield Event.FORWARDED, application.forwarded_on
        if application.status == Status.NOT_CONSIDERED:
            yield Event.NOT_CONSIDERED, application.received_on

    def cells(self, application: Application):
        for event, day in self.events(application):
            for body in self.chain(credited(application, event)):
                yield (body, self.at(day), event, application.channel, application.subject_id), [1]


class AppealDayRollup(AppealMonthRollup):
    model = AppealDay
    keys = ["body_id", "day", "event", "channel", "subject_id"]
    grain = DAY


def credited(application: Application, event: str) -> int:
    """The body an event counts for: receiving and forwarding are the deeds of the body that received
    the application (which forwarded it), the rest of the body that has it now."""
    if event in CREDITED_TO_RECEIVER and application.forwarded_from_id:
        return application.forwarded_from_id
    return application.body_id


CREDITED_TO_RECEIVER = (Event.RECEIVED, Event.FORWARDED)
