"""A tally declared in a few lines gives figures that agree with a count made here, from the cells and from
the records alike, for any period of days, with its filters, month by month and with the records behind."""

import datetime
import random
from decimal import Decimal

import pytest

from precinct.conftest import body, make_user
from precinct.core.audit import Actor
from precinct.core.measures import Scope, computing, from_records
from precinct.core.models import Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.core.tally import Tally, count, people
from precinct.drugs import measures as drugs
from precinct.drugs import services
from precinct.drugs.models import Seizure, Substance

# Figures as a new domain would declare them, on the seizures' tally (its records and its cells).
SEIZED = drugs.SEIZURES
SEIZURES = SEIZED.figure("test.seizures", "Seizures", "-", "-", "seizures")
WEIGHED_NARCOTIC = SEIZED.figure(
    "test.narcotic", "Narcotic", "-", "-", "milligrams", per=1000, substance_class="narcotic", weighed=True
)
TWO_CLASSES = SEIZED.figure(
    "test.two", "Two", "-", "-", "seizures", substance_class=("narcotic", "precursor")
)
NARCOTIC_SHARE = SEIZED.share(
    "test.share",
    "Share",
    "-",
    "-",
    "seizures",
    whole_ignores=("substance_class",),
    substance_class="narcotic",
)
# Distinct things: the bodies that seized anything (a stand-in for people), never summed over keys.
SEIZING_BODIES = Tally("test.bodies", Seizure, day="seized_on", totals={"bodies": people("body")}).figure(
    "test.bodies", "Bodies", "-", "-", "bodies"
)


@pytest.fixture
def seizures(db) -> list[dict]:
    chance = random.Random(11)
    officer = make_user("tally", Role.OFFICER, ["baku-nasimi", "ganja"])
    substances = list(Substance.objects.all())
    made = []
    for _ in range(60):
        code = chance.choice(["baku-nasimi", "ganja"])
        substance = chance.choice(substances)
        unit = chance.choice(["g", "kg", "tablet"])
        seizure = services.register_seizure(
            actor=Actor(officer, Via.WEB),
            values={
                "seized_on": datetime.date(2023, 1, 1) + datetime.timedelta(days=chance.randrange(150)),
                "body": body(code),
                "substance": substance,
                "quantity": Decimal(chance.randint(1, 90_000)) / 1000,
                "unit": unit,
                "found_by": "search",
            },
        )
        made.append(
            {
                "on": seizure.seized_on,
                "body": code,
                "class": substance.substance_class,
                "grams": seizure.grams,
            }
        )
    return made


def independent(rows: list[dict], period: Period, within: str, klass=None, weighed=None) -> list[dict]:
    path = body(within).path
    return [
        row
        for row in rows
        if period.start <= row["on"] <= period.end
        and body(row["body"]).path.startswith(path)
        and (klass is None or row["class"] in (klass if isinstance(klass, tuple) else (klass,)))
        and (weighed is None or (row["grams"] is not None) == weighed)
    ]


PERIODS = [
    Period(datetime.date(2023, 1, 5), datetime.date(2023, 4, 17)),
    Period(datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
    Period(datetime.date(2023, 3, 30), datetime.date(2023, 4, 2)),
]


@pytest.mark.parametrize("records", [False, True], ids=["cells", "records"])
@pytest.mark.parametrize("within", ["mia", "baku", "ganja"])
def test_a_tallys_figures_agree_with_a_count_made_here(seizures, within, records):
    for period in PERIODS:
        scope = Scope(body(within))
        mine = independent(seizures, period, within)
        narcotic = independent(seizures, period, within, klass="narcotic", weighed=True)
        two = independent(seizures, period, within, klass=("narcotic", "precursor"))
        with computing():
            if records:
                with from_records():
                    values = [m.value(period, scope) for m in (SEIZURES, WEIGHED_NARCOTIC, TWO_CLASSES)]
                    share_parts = NARCOTIC_SHARE.counts(period, scope)
            else:
                values = [m.value(period, scope) for m in (SEIZURES, WEIGHED_NARCOTIC, TWO_CLASSES)]
                share_parts = NARCOTIC_SHARE.counts(period, scope)
        grams = sum((row["grams"] for row in narcotic), Decimal(0))
        assert values == [len(mine), grams, len(two)]
        assert share_parts == (
            len(independent(seizures, period, within, klass="narcotic")),
            len(mine),
        )
        # The records behind each figure are as many as it says.
        assert SEIZURES.queryset(period, scope).count() == len(mine)
        assert WEIGHED_NARCOTIC.queryset(period, scope).count() == len(narcotic)
        assert TWO_CLASSES.queryset(period, scope).count() == len(two)
        # Month by month, each month cut to the period.
        months = SEIZURES.by_month(period, scope)
        assert months == {month: len(independent(seizures, part, within)) for month, part in period.parts()}


def test_a_distinct_count_is_not_a_sum_over_keys(seizures):
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 5, 31))
    assert SEIZING_BODIES.value(period, Scope(body("mia"))) == len({row["body"] for row in seizures})
    assert SEIZING_BODIES.by_month(period, Scope(body("ganja")))[datetime.date(2023, 2, 1)] == 1


def test_a_figure_cut_by_a_key_the_tally_lacks_is_refused_when_declared():
    with pytest.raises(ValueError, match="no key colour"):
        SEIZED.figure("test.bad", "Bad", "-", "-", "seizures", colour="red")
    with pytest.raises(ValueError, match="names its column"):
        Tally("test.bad", Seizure, day="seized_on", grains=SEIZED.grains, totals={"n": count()})
