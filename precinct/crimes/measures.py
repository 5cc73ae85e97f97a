"""The crime register's statistics: each a measure, computed from the monthly rollup for whole months
and from the records otherwise; each can list the records behind it."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import translation

from precinct.core.measures import (
    Measure,
    Scope,
    Section,
    Table,
    Unit,
    declare,
    share,
    within,
)
from precinct.core.periods import Period
from precinct.crimes import press
from precinct.crimes.models import (
    Agency,
    Category,
    CriminalGroup,
    Gravity,
    GroupKind,
    Wanted,
)
from precinct.crimes.summary import (
    COMPENSATED_,
    DAMAGE_,
    FIREARM_,
    REGISTERED_,
    SOLVED_,
    Key,
    earlier_solved_records,
    earlier_summary,
    monthly_summary,
    registered_records,
    solved_records,
    solved_remainder,
    summary,
)

MIA_AND_PROSECUTOR = (Agency.POLICE, Agency.PROSECUTOR)


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
