"""Custody's statistics: detentions and the persons detained, how detentions ended, the share of those
ended with every safeguard in time, those held past the 48-hour limit, and interrogations with the share
recorded. Detentions are few (tens of thousands a year), so every figure is read from the records; each is
counted on the day (in the ministry's time) of actual detention, in the body that detained.

A detention is judged when it ends (`custody.services.settle`): the shares are of the detentions ended.
"""

from django.db.models import Q

from precinct.core.measures import Measure, Section, Table
from precinct.core.periods import LOCAL
from precinct.core.tally import Tally, count, flag, people
from precinct.custody import press
from precinct.custody.models import Detention, Ending, Interrogation
from precinct.personnel.measures import labels_of

DETENTIONS = Tally(
    "custody.detentions",
    Detention,
    day="detained_at",
    zone=LOCAL,
    keys={
        "ended": flag(Q(ended_at__isnull=False)),
        "in_time": "in_time",
        "overran": "overran",
        "ending": "ending",
        "grounds": "grounds",
    },
    totals={"detentions": count(), "persons": people("person")},
)
INTERROGATIONS = Tally(
    "custody.interrogations",
    Interrogation,
    day="started_at",
    zone=LOCAL,
    body="detention__body",
    keys={"recorded": flag(~Q(recording="")), "lawyer": "lawyer_present"},
    totals={"interrogations": count()},
)

DETAINED = DETENTIONS.figure(
    "custody.detentions",
    "Detentions",
    "Saxlanılma halları",
    "Задержаний",
    "detentions",
)
PERSONS = DETENTIONS.figure(
    "custody.persons",
    "Persons detained",
    "Saxlanılan şəxslər",
    "Задержано лиц",
    "persons",
)
IN_TIME = DETENTIONS.share(
    "custody.in_time_share",
    "Share of detentions ended with every safeguard in time",
    "Bütün təminatları vaxtında təmin edilmiş saxlanılmaların payı",
    "Доля задержаний, при которых все гарантии соблюдены в срок",
    "detentions",
    whole_ignores=("in_time",),
    whole_where={"ended": True},
    in_time=True,
)
# Counts of breaches by the police, not of anything about a person; and the share of those in time gives
# the breaches back, so a small count of them is published as it is (see reports.public).
OVERRAN = DETENTIONS.figure(
    "custody.overran",
    "Detentions held past the 48-hour limit",
    "48 saatlıq müddətdən artıq saxlanılma halları",
    "Задержаний сверх 48-часового срока",
    "detentions",
    overran=True,
    personal=False,
)
WITH_BREACH = DETENTIONS.figure(
    "custody.with_breach",
    "Detentions ended with a rule of custody broken",
    "Saxlanılma qaydası pozulmaqla başa çatmış saxlanılmalar",
    "Задержаний, завершённых с нарушением правил содержания",
    "detentions",
    ended=True,
    in_time=False,
    personal=False,
)
INTERROGATED = INTERROGATIONS.figure(
    "custody.interrogations",
    "Interrogations of detained persons",
    "Saxlanılan şəxslərin dindirilmələri",
    "Допросов задержанных",
    "interrogations",
)
RECORDED = INTERROGATIONS.share(
    "custody.recorded_share",
    "Share of interrogations recorded on audio or video",
    "Audio və ya videoyazıya alınmış dindirmələrin payı",
    "Доля допросов с аудио- или видеозаписью",
    "interrogations",
    whole_ignores=("recorded",),
    of="custody.interrogations",
    recorded=True,
)


def by_ending() -> list[tuple[str, list[Measure]]]:
    rows = []
    for ending in Ending:
        labels, name = labels_of(ending), f"custody.ending.{ending.value}"
        rows.append(
            (
                str(ending.label),
                [
                    DETENTIONS.figure(f"{name}.detentions", *labels, "detentions", ending=ending.value),
                    DETENTIONS.figure(
                        f"{name}.overran", *labels, "detentions", ending=ending.value, overran=True
                    ),
                ],
            )
        )
    return rows


SECTION = Section(
    name="custody",
    restricted=True,
    labels={"en": "Custody", "az": "Saxlanılma", "ru": "Задержание"},
    order=65,
    measures=[DETAINED, PERSONS, IN_TIME, WITH_BREACH, OVERRAN, INTERROGATED, RECORDED],
    headline=[DETAINED, WITH_BREACH, OVERRAN],
    tables=[
        Table(
            "custody.by_ending",
            {"en": "Detentions by how they ended", "az": "Başa çatma üzrə", "ru": "По итогам задержания"},
            [
                {"en": "Detentions", "az": "Saxlanılmalar", "ru": "Задержаний"},
                {
                    "en": "Of them past 48 hours",
                    "az": "Onlardan 48 saatdan artıq",
                    "ru": "Из них свыше 48 часов",
                },
            ],
            by_ending,
        )
    ],
    press=press.paragraphs,
)
