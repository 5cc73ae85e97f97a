"""Road safety's rollups: violations by month, parking or not and detection; detections by device;
accidents with their killed and injured. The feed applies its own deltas (see `feed`); these classes say
what each record adds, for every other write and for `precinct rollups rebuild|verify`."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDay, TruncMonth

from precinct.core.periods import LOCAL
from precinct.core.rollups import DAY, MONTH, ChainedRollup, Rollup, body_chains, one_reading
from precinct.traffic.models import (
    Accident,
    AccidentDay,
    AccidentMonth,
    DeviceMonth,
    OffenceArticle,
    Violation,
    ViolationDay,
    ViolationMonth,
)


def local_month(moment):
    return moment.astimezone(LOCAL).date().replace(day=1)


def local_day(moment) -> datetime.date:
    return moment.astimezone(LOCAL).date()


def by_month(queryset, *fields: str, grain: str = MONTH):
    """Violations counted by local month (or day) and the fields, by the database: millions are never
    loaded."""
    truncate = TruncMonth if grain == MONTH else TruncDay
    return (
        queryset.annotate(local_month=truncate("occurred_at", tzinfo=LOCAL))
        .values_list("local_month", *fields)
        .annotate(n=Count("id"), fines=Sum("fine"))
        .order_by()
    )


def month_of(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


class ViolationMonthRollup(ChainedRollup):
    source = Violation
    model = ViolationMonth
    keys = ["body_id", "month", "parking", "detection"]
    sums = ["violations", "fines"]
    parking: dict[int, bool] = {}  # article → whether about parking (fixed once the article exists)

    def expected(self):
        with one_reading():
            body_chains()
            return self.counted()

    def counted(self):
        deltas = defaultdict(lambda: [0, 0])
        for month, body, parking, automatic, count, fines in by_month(
            Violation.objects.annotate(automatic=Q(device__isnull=False)),
            "body_id",
            "article__parking",
            "automatic",
            grain=self.grain,
        ):
            for above in self.chain(body):
                cell = deltas[(above, month_of(month), parking, "device" if automatic else "patrol")]
                cell[0] += count
                cell[1] += fines
        return deltas

    def cells(self, violation: Violation):
        if violation.article_id not in self.parking:  # an article added since they were read
            self.parking = dict(OffenceArticle.objects.values_list("pk", "parking"))
        month = self.at(local_day(violation.occurred_at))
        detection = "device" if violation.device_id else "patrol"
        for body in self.chain(violation.body_id):
            yield (body, month, self.parking[violation.article_id], detection), [1, violation.fine]


def add_violations(cells: dict[tuple, list[int]], chains: dict[int, list[int]]) -> None:
    """Add violations counted by their own body's (body, day, parking, detection) cells, as [count, fines],
    to the cells of that body and every body above it, by month and by day (the feed's chunks and the
    benchmarks' loads write their violations in bulk and count them so)."""
    months: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    days: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for (body, day, parking, detection), (count, fines) in cells.items():
        for above in chains[body]:
            for grain, at in ((months, day.replace(day=1)), (days, day)):
                sums = grain[(above, at, parking, detection)]
                sums[0] += count
                sums[1] += int(fines)
    ViolationMonthRollup().apply(dict(months))
    ViolationDayRollup().apply(dict(days))


class DeviceMonthRollup(Rollup):
    source = Violation
    model = DeviceMonth
    keys = ["device_id", "month"]
    sums = ["detections"]

    def expected(self):
        rows = by_month(Violation.objects.filter(device__isnull=False), "device_id")
        return {(device, month_of(month)): [count] for month, device, count, _fines in rows}

    def cells(self, violation: Violation):
        if violation.device_id:
            yield (violation.device_id, local_month(violation.occurred_at)), [1]


class AccidentMonthRollup(ChainedRollup):
    source = Accident
    model = AccidentMonth
    keys = ["body_id", "month"]
    sums = ["accidents", "killed", "injured"]

    def cells(self, accident: Accident):
        for body in self.chain(accident.body_id):
            yield (body, self.at(local_day(accident.occurred_at))), [1, accident.killed, accident.injured]


class ViolationDayRollup(ViolationMonthRollup):
    model = ViolationDay
    keys = ["body_id", "day", "parking", "detection"]
    grain = DAY


class AccidentDayRollup(AccidentMonthRollup):
    model = AccidentDay
    keys = ["body_id", "day"]
    grain = DAY
