"""The drugs' statistics: seizure mass by substance class, groups and members neutralized, people
prosecuted for drug crimes, prevention events. Masses are exact: milligrams summed as whole numbers."""

from decimal import Decimal

from django.db.models import Count, Min, QuerySet, Sum

from precinct.core.cells import Grains, summed
from precinct.core.measures import Scope, Section, Unit, cached, declare, rollups_serve, within
from precinct.core.periods import Period
from precinct.crimes.measures import groups_neutralized, member_count
from precinct.crimes.models import Article, GroupKind, Participation, PartyRole
from precinct.drugs import press
from precinct.drugs.models import PreventionEvent, Seizure, SeizureDay, SeizureMonth, SubstanceClass, Venue

DRUG_CATEGORY = "drug_trafficking"
EDUCATIONAL = (Venue.SCHOOL, Venue.UNIVERSITY, Venue.COLLEGE)


def seizures(period: Period, scope: Scope) -> QuerySet:
    found = within(Seizure.objects.filter(seized_on__range=(period.start, period.end)), scope.body)
    if scope.get("substance_class"):
        found = found.filter(substance__substance_class=scope.get("substance_class"))
    return found


CELLS = Grains(SeizureMonth, SeizureDay)


def summary(period: Period, body) -> dict[tuple[str, bool], tuple[int, int]]:
    """(seizures, milligrams) by (substance class, weighed)."""

    def compute():
        if rollups_serve(period):
            sums = {"count": Sum("seizures"), "mass": Sum("milligrams")}
            cells = summed(CELLS, body, period, ("substance_class", "weighed"), sums)
            return {key: (count, mass) for key, (count, mass) in cells.items()}
        found: dict[tuple[str, bool], tuple[int, int]] = {}
        rows = seizures(period, Scope(body)).values_list("substance__substance_class", "grams")
        for klass, mass in rows.iterator():
            key = (klass, mass is not None)
            count, total = found.get(key, (0, 0))
            found[key] = (count + 1, total + (int(Decimal(mass) * 1000) if mass is not None else 0))
        return found

    return cached(("drugs.summary", body.pk, period, rollups_serve(period)), compute)


def mass(period: Period, scope: Scope) -> Decimal:
    """Grams seized of the scope's class (only quantities that have a mass)."""
    klass = scope.get("substance_class")
    milligrams = sum(
        total for (k, weighed), (_n, total) in summary(period, scope.body).items() if weighed and k == klass
    )
    return Decimal(milligrams) / 1000


def weighed_seizures(period: Period, scope: Scope) -> QuerySet:
    return seizures(period, scope).filter(grams__isnull=False)


def drug_groups(period: Period, scope: Scope) -> int:
    return groups_neutralized(period, scope).count()


def prosecuted_records(period: Period, scope: Scope) -> QuerySet:
    """The people accused of drug crimes registered in the period: one row each (their first such
    crime), so that the list has as many rows as the figure says."""
    articles = cached(
        ("drugs.articles",),
        lambda: list(Article.objects.filter(category__code=DRUG_CATEGORY).values_list("pk", flat=True)),
    )
    accused = Participation.objects.filter(
        role=PartyRole.ACCUSED,
        crime__article_id__in=articles,
        crime__registered_on__range=(period.start, period.end),
    )
    accused = within(accused, scope.body, "crime__body")
    first = accused.values("person").annotate(first=Min("pk")).values("first")
    return Participation.objects.filter(pk__in=first)


def prosecuted(period: Period, scope: Scope) -> int:
    return prosecuted_records(period, scope).aggregate(people=Count("person", distinct=True))["people"]


def events(period: Period, scope: Scope) -> QuerySet:
    """Prevention events held in educational institutions (the figure the ministry states)."""
    held = PreventionEvent.objects.filter(held_on__range=(period.start, period.end), venue__in=EDUCATIONAL)
    return within(held, scope.body)


def event_count(period: Period, scope: Scope) -> int:
    return events(period, scope).count()


NARCOTIC = declare(
    "drugs.narcotic_mass",
    "Narcotic drugs seized",
    "Götürülmüş narkotik vasitələr",
    "Изъято наркотических средств",
    Unit.MASS,
    mass,
    weighed_seizures,
    substance_class=SubstanceClass.NARCOTIC,
)
PSYCHOTROPIC = declare(
    "drugs.psychotropic_mass",
    "Psychotropic substances seized",
    "Götürülmüş psixotrop maddələr",
    "Изъято психотропных веществ",
    Unit.MASS,
    mass,
    weighed_seizures,
    substance_class=SubstanceClass.PSYCHOTROPIC,
)
PRECURSORS = declare(
    "drugs.precursor_mass",
    "Precursors seized",
    "Götürülmüş prekursorlar",
    "Изъято прекурсоров",
    Unit.MASS,
    mass,
    weighed_seizures,
    substance_class=SubstanceClass.PRECURSOR,
)
GROUPS = declare(
    "drugs.groups_neutralized",
    "Drug-related criminal groups neutralized",
    "Zərərsizləşdirilmiş narkotiklərlə bağlı cinayətkar qruplar",
    "Обезврежено наркогруппировок",
    Unit.COUNT,
    drug_groups,
    groups_neutralized,
    group_kind=GroupKind.DRUG,
)
MEMBERS = declare(
    "drugs.group_members",
    "Members of the drug-related groups neutralized",
    "Zərərsizləşdirilmiş narkotik qruplarının üzvləri",
    "Участники обезвреженных наркогруппировок",
    Unit.COUNT,
    member_count,
    groups_neutralized,
    group_kind=GroupKind.DRUG,
)
PROSECUTED = declare(
    "drugs.prosecuted",
    "People prosecuted for drug crimes",
    "Narkotiklərlə bağlı cinayətlərə görə məsuliyyətə cəlb edilənlər",
    "Привлечено к ответственности за наркопреступления",
    Unit.COUNT,
    prosecuted,
    prosecuted_records,
)
EVENTS = declare(
    "drugs.prevention_events",
    "Prevention events held in educational institutions",
    "Təhsil müəssisələrində keçirilmiş maarifləndirmə tədbirləri",
    "Проведено профилактических мероприятий в учебных заведениях",
    Unit.COUNT,
    event_count,
    events,
    personal=False,
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
