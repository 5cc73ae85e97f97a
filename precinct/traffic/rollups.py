"""Road safety's rollups: violations by month, parking or not and detection; detections by device;
accidents with their killed and injured. The feed applies its own deltas (see `feed`); these classes say
what each record adds, for every other write and for `precinct rollups rebuild|verify`."""

from zoneinfo import ZoneInfo

from precinct.core.rollups import ChainedRollup, Rollup
from precinct.traffic.models import (
    Accident,
    AccidentMonth,
    DeviceMonth,
    OffenceArticle,
    Violation,
    ViolationMonth,
)

LOCAL = ZoneInfo("Asia/Baku")


def local_month(moment):
    return moment.astimezone(LOCAL).date().replace(day=1)


class ViolationMonthRollup(ChainedRollup):
    source = Violation
    model = ViolationMonth
    keys = ["body_id", "month", "parking", "detection"]
    sums = ["violations", "fines"]

    def source_queryset(self):
        return Violation.objects.only("occurred_at", "body_id", "device_id", "article_id", "fine")

    def cells(self, violation: Violation):
        if not hasattr(self, "parking"):
            self.parking = dict(OffenceArticle.objects.values_list("pk", "parking"))
        month = local_month(violation.occurred_at)
        detection = "device" if violation.device_id else "patrol"
        for body in self.chain(violation.body_id):
            yield (body, month, self.parking[violation.article_id], detection), [1, violation.fine]


class DeviceMonthRollup(Rollup):
    source = Violation
    model = DeviceMonth
    keys = ["device_id", "month"]
    sums = ["detections"]

    def source_queryset(self):
        return Violation.objects.filter(device__isnull=False).only("occurred_at", "device_id")

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
            yield (body, local_month(accident.occurred_at)), [1, accident.killed, accident.injured]
