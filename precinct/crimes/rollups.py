"""The crime register's rollups, per body (and every body above it): the counts registered by month and
day, the same by month solved too, and the crimes solved by day solved."""

from decimal import Decimal

from precinct.core.rollups import DAY, ChainedRollup
from precinct.crimes.models import (
    NEVER,
    Crime,
    CrimeCountDay,
    CrimeCountMonth,
    CrimeDay,
    CrimeMonth,
    CrimeSolvedDay,
    Partner,
)


def money(amount) -> int:
    return int(Decimal(amount) * 100)


class CrimeCountMonthRollup(ChainedRollup):
    source = Crime
    model = CrimeCountMonth
    keys = ["body_id", "month", "article_id", "agency"]
    sums = ["crimes", "firearm", "damage", "compensated"]

    def cells(self, crime: Crime):
        at = self.at(crime.registered_on)
        sums = [1, int(crime.firearm), money(crime.damage), money(crime.compensated)]
        for body in self.chain(crime.body_id):
            yield (body, at, crime.article_id, crime.agency), sums


class CrimeCountDayRollup(CrimeCountMonthRollup):
    model = CrimeCountDay
    keys = ["body_id", "day", "article_id", "agency"]
    grain = DAY


class CrimeMonthRollup(ChainedRollup):
    source = Crime
    model = CrimeMonth
    keys = ["body_id", "month", "solved_month", "article_id", "agency"]
    sums = ["crimes", "firearm", "joint", "damage", "compensated"]

    def cells(self, crime: Crime):
        month = self.at(crime.registered_on)
        solved_month = crime.solved_on.replace(day=1) if crime.solved_on else NEVER
        sums = [
            1,
            int(crime.firearm),
            int(crime.solved_with == Partner.PROSECUTOR),
            money(crime.damage),
            money(crime.compensated),
        ]
        for body in self.chain(crime.body_id):
            yield (body, month, solved_month, crime.article_id, crime.agency), sums


class CrimeDayRollup(CrimeMonthRollup):
    model = CrimeDay
    keys = ["body_id", "day", "solved_month", "article_id", "agency"]
    grain = DAY


class CrimeSolvedDayRollup(ChainedRollup):
    """The crimes solved, by the day solved and the month registered."""

    source = Crime
    model = CrimeSolvedDay
    keys = ["body_id", "day", "month", "article_id", "agency"]
    sums = ["crimes"]

    def cells(self, crime: Crime):
        if crime.solved_on:
            registered = crime.registered_on.replace(day=1)
            for body in self.chain(crime.body_id):
                yield (body, crime.solved_on, registered, crime.article_id, crime.agency), [1]
