"""The crime register's statistics: each a measure derived from a tally (see crimes.summary), read
from the rollup's cells for any period; each can list the records behind it."""

import datetime
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import translation

from precinct.core.measures import Measure, Scope, Section, Table, Unit, declare, share, within
from precinct.core.periods import Period
from precinct.core.tally import Tally, count, people
from precinct.crimes import press
from precinct.crimes.models import Agency, Category, CriminalGroup, Gravity, GroupKind, Person, Wanted
from precinct.crimes.summary import EARLIER_SOLVED, REGISTER, SOLVING, registered_records, solved_records

MIA_AND_PROSECUTOR = (Agency.POLICE, Agency.PROSECUTOR)

# Groups are few: their figures are read from the records. Members are people, each counted once however
# many of the groups neutralized they were in.
CRIMINAL_GROUPS = Tally(
    "crimes.groups",
    CriminalGroup,
    day="neutralized_on",
    keys={"group_kind": "kind"},
    totals={"groups": count(), "members": people("members")},
)


def members_of_groups(period: Period, scope: Scope) -> QuerySet:
    """The people behind a count of members: each once, however many of the groups they were in."""
    return Person.objects.filter(pk__in=CRIMINAL_GROUPS.records(period, scope).values("members"))


def with_damage(period: Period, scope: Scope) -> QuerySet:
    return registered_records(period, scope).filter(damage__gt=0)


def firearm_records(period: Period, scope: Scope) -> QuerySet:
    return registered_records(period, scope).filter(firearm=True)


# Searches span a stretch of time, not a day: read from the records directly.


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


REGISTERED = REGISTER.figure(
    "crimes.registered",
    "Crimes registered",
    "Qeydə alınmış cinayətlər",
    "Зарегистрировано преступлений",
    "registered",
)
SOLVED_SHARE = SOLVING.share(
    "crimes.solved_share",
    "Share of crimes solved",
    "Cinayətlərin açılma faizi",
    "Раскрываемость преступлений",
    "solved",
    "registered",
    records=solved_records,
    of="crimes.registered",
)
REGISTERED_MIA_PO = REGISTER.figure(
    "crimes.registered_mia_po",
    "Crimes registered by the MIA and the Prosecutor's Office",
    "DİN və Prokurorluq tərəfindən qeydə alınmış cinayətlər",
    "Зарегистрировано МВД и прокуратурой",
    "registered",
    part_of="crimes.registered",
    agency=MIA_AND_PROSECUTOR,
)
SOLVED_SHARE_MIA_PO = SOLVING.share(
    "crimes.solved_share_mia_po",
    "Share solved of crimes registered by the MIA and the Prosecutor's Office",
    "DİN və Prokurorluq tərəfindən qeydə alınmış cinayətlərin açılma faizi",
    "Раскрываемость преступлений, зарегистрированных МВД и прокуратурой",
    "solved",
    "registered",
    records=solved_records,
    of="crimes.registered_mia_po",
    agency=MIA_AND_PROSECUTOR,
)
EARLIER_YEARS_SOLVED = EARLIER_SOLVED.figure(
    "crimes.earlier_years_solved",
    "Crimes of earlier years solved",
    "Əvvəlki illərin açılmış cinayətləri",
    "Раскрыто преступлений прошлых лет",
    "solved",
    reads=lambda period: (datetime.date.min, datetime.date(period.start.year - 1, 12, 31)),
)
FIREARM = REGISTER.figure(
    "crimes.firearm",
    "Crimes committed with firearms",
    "Odlu silahla törədilmiş cinayətlər",
    "Преступления с применением огнестрельного оружия",
    "firearm",
    records=firearm_records,
)
GROUPS = CRIMINAL_GROUPS.figure(
    "crimes.groups_neutralized",
    "Criminal groups neutralized",
    "Zərərsizləşdirilmiş cinayətkar qruplar",
    "Обезврежено преступных групп",
    "groups",
    group_kind=GroupKind.GENERAL,
)
MEMBERS = CRIMINAL_GROUPS.figure(
    "crimes.group_members_neutralized",
    "Members of the criminal groups neutralized",
    "Zərərsizləşdirilmiş qrupların üzvləri",
    "Участники обезвреженных групп",
    "members",
    records=members_of_groups,
    group_kind=GroupKind.GENERAL,
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
# A share of money rests on the crimes that bear it: those are the counts a public page weighs.
COMPENSATED = REGISTER.share(
    "crimes.damage_compensated_share",
    "Share of material damage compensated",
    "Ödənilmiş maddi ziyanın faizi",
    "Доля возмещённого материального ущерба",
    "compensated",
    "damage",
    counts=("registered", "registered"),
    records=with_damage,
)
PETTY_COMPENSATED = REGISTER.share(
    "crimes.petty_theft_compensated_share",
    "Share of damage from petty theft compensated",
    "Xırda talamadan dəymiş ziyanın ödənilmə faizi",
    "Доля возмещённого ущерба от мелких хищений",
    "compensated",
    "damage",
    counts=("registered", "registered"),
    records=with_damage,
    category="petty_theft",
)


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


# The share of the registered crimes that are of one gravity class.
GRAVITY_SHARES = [
    REGISTER.share(
        f"crimes.gravity.{gravity.value}",
        *gravity_labels(gravity).values(),
        "registered",
        whole_ignores=("gravity",),
        part_of="crimes.registered",
        of="crimes.registered",
        gravity=gravity.value,
    )
    for gravity in Gravity
]


def by_category() -> list[tuple[str, list[Measure]]]:
    rows = []
    for category in Category.objects.order_by("name_en"):
        labels = (category.name_en, category.name_az, category.name_ru)
        name = f"crimes.category.{category.code}"
        registered = REGISTER.figure(f"{name}.registered", *labels, "registered", category=category.code)
        solved = SOLVING.share(
            f"{name}.solved_share", *labels, "solved", "registered", records=solved_records,
            of=registered.name, category=category.code,
        )  # fmt: skip
        rows.append((category.name, [registered, solved]))
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
