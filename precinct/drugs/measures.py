"""The drugs' statistics: seizure mass by substance class, groups and members neutralized, people
prosecuted for drug crimes, prevention events. Masses are exact: milligrams summed as whole numbers."""

from decimal import Decimal

from django.db.models import Min, Q, QuerySet

from precinct.core.cells import Grains
from precinct.core.measures import Scope, Section, Unit
from precinct.core.periods import Period
from precinct.core.tally import Key, Tally, count, flag, people, summing
from precinct.crimes.measures import CRIMINAL_GROUPS, members_of_groups
from precinct.crimes.models import GroupKind, Participation, PartyRole
from precinct.drugs import press
from precinct.drugs.models import PreventionEvent, Seizure, SeizureDay, SeizureMonth, SubstanceClass, Venue

DRUG_CATEGORY = "drug_trafficking"
EDUCATIONAL = (Venue.SCHOOL, Venue.UNIVERSITY, Venue.COLLEGE)


def milligrams(grams) -> int:
    """Grams as the database sums them, in whole milligrams (the cells' unit)."""
    return int((Decimal(str(grams or 0)) * 1000).to_integral_value())


SEIZURES = Tally(
    "drugs.seizures",
    Seizure,
    day="seized_on",
    grains=Grains(SeizureMonth, SeizureDay),
    keys={
        "substance_class": Key("substance_class", "substance__substance_class"),
        "weighed": Key("weighed", flag(Q(grams__isnull=False))),
    },
    totals={"seizures": count("seizures"), "milligrams": summing("grams", "milligrams", milligrams)},
)
ACCUSED = Tally(
    "drugs.accused",
    lambda: Participation.objects.filter(
        role=PartyRole.ACCUSED, crime__article__category__code=DRUG_CATEGORY
    ),
    day="crime__registered_on",
    body="crime__body",
    totals={"people": people("person")},
)
EVENTS_HELD = Tally(
    "drugs.prevention_events",
    PreventionEvent,
    day="held_on",
    keys={"venue": "venue"},
    totals={"events": count()},
)


def prosecuted_records(period: Period, scope: Scope) -> QuerySet:
    """The people accused of drug crimes registered in the period: one row each (their first such
    crime), so that the list has as many rows as the figure says."""
    first = ACCUSED.records(period, scope).values("person").annotate(first=Min("pk")).values("first")
    return Participation.objects.filter(pk__in=first)


def mass(name: str, en: str, az: str, ru: str, substance_class: str):
    """Grams seized of a class (only quantities that have a mass)."""
    return SEIZURES.figure(
        name, en, az, ru, "milligrams", Unit.MASS, per=1000, substance_class=substance_class, weighed=True
    )


NARCOTIC = mass(
    "drugs.narcotic_mass",
    "Narcotic drugs seized",
    "Götürülmüş narkotik vasitələr",
    "Изъято наркотических средств",
    SubstanceClass.NARCOTIC,
)
PSYCHOTROPIC = mass(
    "drugs.psychotropic_mass",
    "Psychotropic substances seized",
    "Götürülmüş psixotrop maddələr",
    "Изъято психотропных веществ",
    SubstanceClass.PSYCHOTROPIC,
)
PRECURSORS = mass(
    "drugs.precursor_mass",
    "Precursors seized",
    "Götürülmüş prekursorlar",
    "Изъято прекурсоров",
    SubstanceClass.PRECURSOR,
)
GROUPS = CRIMINAL_GROUPS.figure(
    "drugs.groups_neutralized",
    "Drug-related criminal groups neutralized",
    "Zərərsizləşdirilmiş narkotiklərlə bağlı cinayətkar qruplar",
    "Обезврежено наркогруппировок",
    "groups",
    group_kind=GroupKind.DRUG,
)
MEMBERS = CRIMINAL_GROUPS.figure(
    "drugs.group_members",
    "Members of the drug-related groups neutralized",
    "Zərərsizləşdirilmiş narkotik qruplarının üzvləri",
    "Участники обезвреженных наркогруппировок",
    "members",
    records=members_of_groups,
    group_kind=GroupKind.DRUG,
)
PROSECUTED = ACCUSED.figure(
    "drugs.prosecuted",
    "People prosecuted for drug crimes",
    "Narkotiklərlə bağlı cinayətlərə görə məsuliyyətə cəlb edilənlər",
    "Привлечено к ответственности за наркопреступления",
    "people",
    records=prosecuted_records,
)
# The figure the ministry states: prevention events held in educational institutions.
EVENTS = EVENTS_HELD.figure(
    "drugs.prevention_events",
    "Prevention events held in educational institutions",
    "Təhsil müəssisələrində keçirilmiş maarifləndirmə tədbirləri",
    "Проведено профилактических мероприятий в учебных заведениях",
    "events",
    personal=False,
    venue=EDUCATIONAL,
)

SECTION = Section(
    headline=[NARCOTIC, PSYCHOTROPIC],
    name="drugs",
    labels={
        "en": "Illegal drug trafficking",
        "az": "Narkotiklərin qanunsuz dövriyyəsi",
        "ru": "Незаконный оборот наркотиков",
    },
    order=20,
    measures=[NARCOTIC, PSYCHOTROPIC, PRECURSORS, GROUPS, MEMBERS, PROSECUTED, EVENTS],
    press=press.paragraphs,
)
