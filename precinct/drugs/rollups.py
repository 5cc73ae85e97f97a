"""The seizures' rollup: counts and milligrams by month and substance class, per body and those above."""

from decimal import Decimal

from precinct.core.rollups import DAY, ChainedRollup
from precinct.drugs.models import Seizure, SeizureDay, SeizureMonth, Substance


class SeizureMonthRollup(ChainedRollup):
    source = Seizure
    model = SeizureMonth
    keys = ["body_id", "month", "substance_class", "weighed"]
    sums = ["seizures", "milligrams"]

    def __init__(self) -> None:
        self.classes: dict[int, str] = {}

    def cells(self, seizure: Seizure):
        if seizure.substance_id not in self.classes:
            self.classes = dict(Substance.objects.values_list("id", "substance_class"))
        weighed = seizure.grams is not None
        milligrams = int(Decimal(seizure.grams) * 1000) if weighed else 0
        month = self.at(seizure.seized_on)
        for body in self.chain(seizure.body_id):
            yield (body, month, self.classes[seizure.substance_id], weighed), [1, milligrams]


class SeizureDayRollup(SeizureMonthRollup):
    model = SeizureDay
    keys = ["body_id", "day", "substance_class", "weighed"]
    grain = DAY
