"""The crime register's statistics: each a measure, computed from the monthly rollup for whole months
and from the records otherwise; each can list the records behind it."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import translation

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
    CrimeMonth,
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
    def fold() -> dict[Key, list[int]]:
        found: dict[Key, list[int]] = {}
        for (_month, *key), values in monthly_summary(period, body).items():
            total = found.setdefault(tuple(key), [0] * len(values))
            for column, value in enumerate(values):
                total[column] += value
        return found

    return cached(("crimes.summary", body.pk, period, rollups_serve(period)), fold)


def monthly_summary(period: Period, body) -> dict[tuple, list[int]]:
    """The summary by month registered too, so that the trend chart costs no query of its own."""
    return cached(
        ("crimes.monthly_summary", body.pk, period, rollups_serve(period)), lambda: _summary(period, body)
    )


def _summary(period: Period, body) -> dict[tuple, list[int]]:
    from_rollup = rollups_serve(period)
    if from_rollup:
        solved_by_end = Q(solved_month__lte=period.last_month) & ~Q(solved_month=NEVER)
        rows = (
            CrimeMonth.objects.filter(body=body, month__range=(period.first_month, period.last_month))
            .values_list("month", "article_id", "agency")
            .annotate(
                registered=Sum("crimes"),
                solved=Sum("crimes", filter=solved_by_end),
                with_firearm=Sum("firearm"),
                damage_sum=Sum("damage"),
                compensated_sum=Sum("compensated"),
            )
        )
    else:
        rows = (
            registered_records(period, Scope(body))
            .values_list(TruncMonth("registered_on"), "article_id", "agency")
            .annotate(
                registered=Count("id"),
                solved=Count("id", filter=Q(solved_on__lte=period.end)),
                with_firearm=Count("id", filter=Q(firearm=True)),
                damage_sum=Sum("damage"),
                compensated_sum=Sum("compensated"),
            )
        )
    found: dict[tuple, list[int]] = {}
    classes = classification()
    for month, article, agency, *values in rows:
        values[DAMAGE_] = int(Decimal(values[DAMAGE_] or 0) * (1 if from_rollup else 100))
        values[COMPENSATED_] = int(Decimal(values[COMPENSATED_] or 0) * (1 if from_rollup else 100))
        month = month.date() if isinstance(month, datetime.datetime) else month
        total = found.setdefault((month, *classes[article], agency), [0] * len(values))
        for column, value in enumerate(values):
            total[column] += int(value or 0)
    return found


def earlier_summary(period: Period, body) -> dict[Key, int]:
    """Crimes of earlier years solved in the period, by key."""

    def compute() -> dict[Key, int]:
        before = datetime.date(period.start.year, 1, 1)
        if rollups_serve(period):
            rows = (
                CrimeMonth.objects.filter(body=body, month__lt=before)
                .filter(solved_month__range=(period.first_month, period.last_month))
                .values_list("article_id", "agency")
                .annotate(solved=Sum("crimes"))
            )
        else:
            rows = (
                earlier_solved_records(period, Scope(body))
                .values_list("article_id", "agency")
                .annotate(solved=Count("id"))
            )
        classes, found = classification(), {}
        for article, agency, count in rows:
            key = (*classes[article], agency)
            found[key] = found.get(key, 0) + int(count)
        return found

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
    return added(period, scope, SOLVED_)


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
