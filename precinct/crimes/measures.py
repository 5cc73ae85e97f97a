"""The crime register's statistics: each a measure, computed from the monthly rollup for whole months
and from the records otherwise; each can list the records behind it."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import translation

from precinct.core.cells import Grains, month_end, summed
from precinct.core.measures import (
    Measure,
    Scope,
    Section,
    Table,
    Unit,
    cached,
    declare,
    rollups_serve,
    share,
    within,
)
from precinct.core.periods import Period
from precinct.crimes import press
from precinct.crimes.models import (
    NEVER,
    Agency,
    Article,
    Category,
    Crime,
    CrimeDay,
    CrimeMonth,
    CrimeSolvedDay,
    CriminalGroup,
    Gravity,
    GroupKind,
    Wanted,
)

MIA_AND_PROSECUTOR = (Agency.POLICE, Agency.PROSECUTOR)


# One summary per period and body, from the rollup for whole months or from the records otherwise ---------
# Key: (category code, gravity, agency); values: registered, solved by the period's end, with a firearm,
# damage and compensation (qəpik). Every crime measure is a sum over the keys its filters select.

Key = tuple[str, str, str]
REGISTERED_, SOLVED_, FIREARM_, DAMAGE_, COMPENSATED_ = range(5)


def records(scope: Scope) -> QuerySet:
    """The crimes of the scope's body and the bodies under it, with the scope's filters."""
    queryset = within(Crime.objects.all(), scope.body)
    if scope.get("category"):
        queryset = queryset.filter(article__category__code=scope.get("category"))
    if scope.get("agencies"):
        queryset = queryset.filter(agency__in=scope.get("agencies"))
    if scope.get("gravity"):
        queryset = queryset.filter(article__gravity=scope.get("gravity"))
    return queryset


def registered_records(period: Period, scope: Scope) -> QuerySet:
    return records(scope).filter(registered_on__range=(period.start, period.end))


def solved_records(period: Period, scope: Scope) -> QuerySet:
    """Crimes registered in the period and solved by its end."""
    return registered_records(period, scope).filter(solved_on__lte=period.end)


def earlier_solved_records(period: Period, scope: Scope) -> QuerySet:
    """Crimes registered in an earlier year and solved in the period."""
    before = datetime.date(period.start.year, 1, 1)
    return records(scope).filter(registered_on__lt=before, solved_on__range=(period.start, period.end))


def classification() -> dict[int, tuple[str, str]]:
    """Article id → (category code, gravity) as the reference data says now, read once per report: the
    rollup is keyed by article, so a reclassified article counts under its new class at once."""
    return cached(
        ("crimes.classification",),
        lambda: {pk: (code, gravity) for pk, code, gravity in Article.objects.values_list(
            "pk", "category__code", "gravity")},
    )  # fmt: skip


def summary(period: Period, body) -> dict[Key, list[int]]:
    """The period's sums by (category, gravity, agency)."""

    def fold() -> dict[Key, list[int]]:
        return {tuple(key): values for (_month, *key), values in _summary(period, body, False).items()}

    return cached(("crimes.summary", body.pk, period, rollups_serve(period)), fold)


def monthly_summary(period: Period, body) -> dict[tuple, list[int]]:
    """The same by month registered too, for the trend."""
    return cached(
        ("crimes.monthly_summary", body.pk, period, rollups_serve(period)),
        lambda: _summary(period, body, True),
    )


REGISTERED_CELLS = Grains(CrimeMonth, CrimeDay)
SOLVED_CELLS = Grains(CrimeMonth, CrimeSolvedDay, month_field="solved_month")
SUMS = {
    "registered": Sum("crimes"),
    "with_firearm": Sum("firearm"),
    "damage_sum": Sum("damage"),
    "compensated_sum": Sum("compensated"),
}


# The article's class is joined in as the reference data says it now: the cells are keyed by article, so
# a reclassified article counts under its new category and gravity at once.
CLASS = ("article__category__code", "article__gravity", "agency")


def _summary(period: Period, body, by_month: bool) -> dict[tuple, list[int]]:
    """By (month registered or None, category, gravity, agency): registered, solved by the period's end,
    with a firearm, damage and compensation (qəpik)."""
    found: dict[tuple, list[int]] = {}

    def add(month, key: tuple, values: list[int]) -> None:
        month = month.date() if isinstance(month, datetime.datetime) else month
        total = found.setdefault((month if by_month else None, *key), [0] * 5)
        for column, value in values:
            total[column] += int(value or 0)

    if not rollups_serve(period):
        rows = (
            registered_records(period, Scope(body))
            .values_list(TruncMonth("registered_on"), *CLASS)
            .annotate(
                registered=Count("id"),
                solved=Count("id", filter=Q(solved_on__lte=period.end)),
                with_firearm=Count("id", filter=Q(firearm=True)),
                damage_sum=Sum("damage"),
                compensated_sum=Sum("compensated"),
            )
        )
        for month, *key, n, solved, firearm, damage, compensated in rows:
            money = [(DAMAGE_, Decimal(damage or 0) * 100), (COMPENSATED_, Decimal(compensated or 0) * 100)]
            add(month, tuple(key), [(REGISTERED_, n), (SOLVED_, solved), (FIREARM_, firearm), *money])
        return found
    last = period.last_month
    whole_last_month = period.end == month_end(last)
    # Solved by the period's end: in a month before its last, or in its last when the period ends with it.
    by_end = Q(solved_month__lte=last) if whole_last_month else Q(solved_month__lt=last)
    sums = SUMS | {"solved": Sum("crimes", filter=by_end & ~Q(solved_month=NEVER))}
    cells = summed(REGISTERED_CELLS, body, period, ("month", *CLASS) if by_month else CLASS, sums)
    for key, (n, firearm, damage, compensated, solved) in cells.items():
        values = [(REGISTERED_, n), (SOLVED_, solved), (FIREARM_, firearm), (DAMAGE_, damage),
                  (COMPENSATED_, compensated)]  # fmt: skip
        add(key[0] if by_month else None, key[-3:], values)
    return found


def solved_remainder(period: Period, body) -> dict[Key, int]:
    """What the summary's solved column lacks when the period ends before its last month does: the
    crimes solved in that month by the period's end, by (category, gravity, agency). Only the figures of
    solving ask for it."""

    def compute() -> dict[Key, int]:
        found: dict[Key, int] = {}
        if not rollups_serve(period) or period.end == month_end(period.last_month):
            return found
        classes = classification()
        for (_month, article, agency), n in solved_in_last_month(period, body).items():
            key = (*classes[article], agency)
            found[key] = found.get(key, 0) + n
        return found

    return cached(("crimes.solved_remainder", body.pk, period, rollups_serve(period)), compute)


def solved_in_last_month(period: Period, body) -> dict[tuple, int]:
    """Crimes registered in the period and solved in its last month by its last day, by (month registered,
    article, agency): from the cells of the days solved, less (or plus) those registered in the first
    month's days outside (inside) the period. That remainder, crimes registered in part of one month and
    solved in part of another, is the one thing two dates define that no cell holds: it is read from the
    records, at most half a month of registrations through their index."""
    first, last = period.first_month, period.last_month
    before = (period.start - first).days  # days of the first month before the period
    within_first = (min(month_end(first), period.end) - period.start).days + 1
    from_month = first if before <= within_first else (first + datetime.timedelta(days=32)).replace(day=1)
    found: dict[tuple, int] = {}
    cells = (
        CrimeSolvedDay.objects.filter(
            body=body, day__range=(last, period.end), month__range=(from_month, last)
        )
        .values_list("month", "article_id", "agency")
        .annotate(n=Sum("crimes"))
        .order_by()
    )
    for month, article, agency, n in cells:
        found[(month, article, agency)] = int(n)
    if from_month == first and before:  # less those registered before the period began
        registered, sign = (first, period.start - datetime.timedelta(days=1)), -1
    elif from_month != first:  # plus those registered in the first month's days within the period
        registered, sign = (period.start, min(month_end(first), period.end)), 1
    else:
        return found
    remainder = (
        within(Crime.objects.all(), body)
        .filter(registered_on__range=registered, solved_on__range=(last, period.end))
        .values_list(TruncMonth("registered_on"), "article_id", "agency")
        .annotate(n=Count("id"))
        .order_by()
    )
    for month, article, agency, n in remainder:
        month = month.date() if isinstance(month, datetime.datetime) else month
        key = (month, article, agency)
        found[key] = found.get(key, 0) + sign * n
    return found


def earlier_summary(period: Period, body) -> dict[Key, int]:
    """Crimes of earlier years solved in the period, by key."""

    def compute() -> dict[Key, int]:
        before = datetime.date(period.start.year, 1, 1)
        if rollups_serve(period):
            cells = summed(SOLVED_CELLS, body, period, CLASS, {"n": Sum("crimes")}, month__lt=before)
            return {key: n for key, (n,) in cells.items()}
        rows = earlier_solved_records(period, Scope(body)).values_list(*CLASS).annotate(solved=Count("id"))
        return {tuple(key): int(count) for *key, count in rows}

    return cached(("crimes.earlier", body.pk, period, rollups_serve(period)), compute)


def selector(scope: Scope):
    """A test of a summary key against the scope's filters (made once per figure, used on every key)."""
    category, gravity, agencies = scope.get("category"), scope.get("gravity"), scope.get("agencies")

    def selected(key: Key) -> bool:
        return (
            (not category or key[0] == category)
            and (not gravity or key[1] == gravity)
            and (not agencies or key[2] in agencies)
        )

    return selected


def added(period: Period, scope: Scope, column: int) -> int:
    selected = selector(scope)
    return sum(values[column] for key, values in summary(period, scope.body).items() if selected(key))


def registered(period: Period, scope: Scope) -> int:
    return added(period, scope, REGISTERED_)


def registered_by_month(period: Period, scope: Scope) -> dict[datetime.date, int]:
    selected = selector(scope)
    months = dict.fromkeys(period.months(), 0)
    for (month, *key), values in monthly_summary(period, scope.body).items():
        if selected(tuple(key)):
            months[month] += values[REGISTERED_]
    return months


def solved(period: Period, scope: Scope) -> int:
    selected = selector(scope)
    remainder = sum(n for key, n in solved_remainder(period, scope.body).items() if selected(key))
    return added(period, scope, SOLVED_) + remainder


def solved_share(period: Period, scope: Scope) -> Decimal | None:
    return share(*solved_parts(period, scope))


def solved_parts(period: Period, scope: Scope) -> tuple[int, int]:
    return solved(period, scope), registered(period, scope)


def registered_parts(period: Period, scope: Scope) -> tuple[int, int]:
    """The crimes behind a share of money (damage compensated): the counts a public page weighs."""
    return registered(period, scope), registered(period, scope)


def earlier_years_solved(period: Period, scope: Scope) -> int:
    selected = selector(scope)
    return sum(count for key, count in earlier_summary(period, scope.body).items() if selected(key))


def firearm(period: Period, scope: Scope) -> int:
    return added(period, scope, FIREARM_)


def compensated_share(period: Period, scope: Scope) -> Decimal | None:
    return share(added(period, scope, COMPENSATED_), added(period, scope, DAMAGE_))


def with_damage(period: Period, scope: Scope) -> QuerySet:
    return registered_records(period, scope).filter(damage__gt=0)


def firearm_records(period: Period, scope: Scope) -> QuerySet:
    return registered_records(period, scope).filter(firearm=True)


# Groups and wanted persons are few: they are read from the records directly ---------------------------


def groups_neutralized(period: Period, scope: Scope) -> QuerySet:
    return within(CriminalGroup.objects.all(), scope.body).filter(
        kind=scope.get("group_kind", GroupKind.GENERAL),
        neutralized_on__range=(period.start, period.end),
    )


def group_count(period: Period, scope: Scope) -> int:
    return groups_neutralized(period, scope).count()


def member_count(period: Period, scope: Scope) -> int:
    """The people in the groups neutralized, each once however many of the groups they were in."""
    groups = groups_neutralized(period, scope)
    return groups.aggregate(members=Count("members", distinct=True))["members"] or 0


def wanted_in_period(period: Period, scope: Scope) -> QuerySet:
    """Searches under way at some time in the period: opened by its end, not ended by arrest before it."""
    return within(Wanted.objects.filter(opened_on__lte=period.end), scope.body).filter(
        Q(arrested_on__isnull=True) | Q(arrested_on__gte=period.start)
    )


def arrested_share(period: Period, scope: Scope) -> Decimal | None:
    return share(*arrested_parts(period, scope))


def arrested_parts(period: Period, scope: Scope) -> tuple[int, int]:
    searches = wanted_in_period(period, scope)
    return searches.filter(arrested_on__lte=period.end).count(), searches.count()


# The measures --------------------------------------------------------------------------------------------


REGISTERED = declare(
    "crimes.registered",
    "Crimes registered",
    "Qeydə alınmış cinayətlər",
    "Зарегистрировано преступлений",
    Unit.COUNT,
    registered,
    registered_records,
    monthly=registered_by_month,
)
SOLVED_SHARE = declare(
    "crimes.solved_share",
    "Share of crimes solved",
    "Cinayətlərin açılma faizi",
    "Раскрываемость преступлений",
    Unit.SHARE,
    solved_share,
    solved_records,
    parts=solved_parts,
)
REGISTERED_MIA_PO = declare(
    "crimes.registered_mia_po",
    "Crimes registered by the MIA and the Prosecutor's Office",
    "DİN və Prokurorluq tərəfindən qeydə alınmış cinayətlər",
    "Зарегистрировано МВД и прокуратурой",
    Unit.COUNT,
    registered,
    registered_records,
    agencies=MIA_AND_PROSECUTOR,
)
SOLVED_SHARE_MIA_PO = declare(
    "crimes.solved_share_mia_po",
    "Share solved of crimes registered by the MIA and the Prosecutor's Office",
    "DİN və Prokurorluq tərəfindən qeydə alınmış cinayətlərin açılma faizi",
    "Раскрываемость преступлений, зарегистрированных МВД и прокуратурой",
    Unit.SHARE,
    solved_share,
    solved_records,
    parts=solved_parts,
    agencies=MIA_AND_PROSECUTOR,
)
EARLIER_YEARS_SOLVED = declare(
    "crimes.earlier_years_solved",
    "Crimes of earlier years solved",
    "Əvvəlki illərin açılmış cinayətləri",
    "Раскрыто преступлений прошлых лет",
    Unit.COUNT,
    earlier_years_solved,
    earlier_solved_records,
    reads=lambda period: (datetime.date.min, datetime.date(period.start.year - 1, 12, 31)),
)
FIREARM = declare(
    "crimes.firearm",
    "Crimes committed with firearms",
    "Odlu silahla törədilmiş cinayətlər",
    "Преступления с применением огнестрельного оружия",
    Unit.COUNT,
    firearm,
    firearm_records,
)
GROUPS = declare(
    "crimes.groups_neutralized",
    "Criminal groups neutralized",
    "Zərərsizləşdirilmiş cinayətkar qruplar",
    "Обезврежено преступных групп",
    Unit.COUNT,
    group_count,
    groups_neutralized,
)
MEMBERS = declare(
    "crimes.group_members_neutralized",
    "Members of the criminal groups neutralized",
    "Zərərsizləşdirilmiş qrupların üzvləri",
    "Участники обезвреженных групп",
    Unit.COUNT,
    member_count,
    groups_neutralized,
)
ARRESTED = declare(
    "crimes.wanted_arrested_share",
    "Share of wanted accused arrested",
    "Axtarışda olan təqsirləndirilən şəxslərin saxlanılma faizi",
    "Доля задержанных разыскиваемых",
    Unit.SHARE,
    arrested_share,
    wanted_in_period,
    parts=arrested_parts,
)
COMPENSATED = declare(
    "crimes.damage_compensated_share",
    "Share of material damage compensated",
    "Ödənilmiş maddi ziyanın faizi",
    "Доля возмещённого материального ущерба",
    Unit.SHARE,
    compensated_share,
    with_damage,
    parts=registered_parts,
)
PETTY_COMPENSATED = declare(
    "crimes.petty_theft_compensated_share",
    "Share of damage from petty theft compensated",
    "Xırda talamadan dəymiş ziyanın ödənilmə faizi",
    "Доля возмещённого ущерба от мелких хищений",
    Unit.SHARE,
    compensated_share,
    with_damage,
    parts=registered_parts,
    category="petty_theft",
)


def gravity_share(gravity: str):
    """The share of the registered crimes that are of one gravity class."""

    def compute(period: Period, scope: Scope) -> Decimal | None:
        return share(*gravity_parts(period, scope))

    return compute


def gravity_parts(period: Period, scope: Scope) -> tuple[int, int]:
    others = tuple(item for item in scope.filters if item[0] != "gravity")
    return registered(period, scope), registered(period, Scope(scope.body, others))


def gravity_labels(gravity: Gravity) -> dict[str, str]:
    labels = {}
    for language, pattern in (
        ("en", "Share of crimes {}"),
        ("az", "{} cinayətlərin payı"),
        ("ru", "Доля: {}"),
    ):
        with translation.override(language):
            labels[language] = pattern.format(str(gravity.label))
    return labels


GRAVITY_SHARES = [
    Measure(
        f"crimes.gravity.{gravity.value}",
        gravity_labels(gravity),
        Unit.SHARE,
        gravity_share(gravity.value),
        registered_records,
        (("gravity", gravity.value),),
        parts=gravity_parts,
    )
    for gravity in Gravity
]


def by_category() -> list[tuple[str, list[Measure]]]:
    rows = []
    for category in Category.objects.order_by("name_en"):
        labels = {"en": category.name_en, "az": category.name_az, "ru": category.name_ru}
        rows.append(
            (
                category.name,
                [
                    Measure(
                        f"crimes.category.{category.code}.registered",
                        labels,
                        Unit.COUNT,
                        registered,
                        registered_records,
                        (("category", category.code),),
                    ),
                    Measure(
                        f"crimes.category.{category.code}.solved_share",
                        labels,
                        Unit.SHARE,
                        solved_share,
                        solved_records,
                        (("category", category.code),),
                        parts=solved_parts,
                    ),
                ],
            )
        )
    return rows


SECTION = Section(
    headline=[REGISTERED, FIREARM],
    name="crimes",
    labels={"en": "Crime", "az": "Cinayətkarlıq", "ru": "Преступность"},
    order=10,
    trends=[REGISTERED],
    press=press.paragraphs,
    measures=[
        SOLVED_SHARE,
        REGISTERED,
        REGISTERED_MIA_PO,
        SOLVED_SHARE_MIA_PO,
        EARLIER_YEARS_SOLVED,
        FIREARM,
        GROUPS,
        MEMBERS,
        ARRESTED,
        COMPENSATED,
        PETTY_COMPENSATED,
        *GRAVITY_SHARES,
    ],
    tables=[
        Table(
            name="crimes.by_category",
            labels={"en": "By category", "az": "Kateqoriyalar üzrə", "ru": "По категориям"},
            columns=[
                {"en": "Registered", "az": "Qeydə alınıb", "ru": "Зарегистрировано"},
                {"en": "Solved", "az": "Açılıb", "ru": "Раскрыто"},
            ],
            rows=by_category,
        )
    ],
)
