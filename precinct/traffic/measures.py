"""Road safety's statistics: accidents, killed and injured; violations, the share detected by automatic
devices, illegal parking. All from the monthly rollups for whole months; other periods read the records
(accidents are few; violations are counted through the time index, within the body's subtree)."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from precinct.core.cells import Grains, summed
from precinct.core.measures import Scope, Section, Unit, cached, declare, rollups_serve, share, within
from precinct.core.periods import Period
from precinct.traffic import press
from precinct.traffic.models import (
    Accident,
    AccidentDay,
    AccidentMonth,
    Violation,
    ViolationDay,
    ViolationMonth,
)
from precinct.traffic.rollups import LOCAL


def moments(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """The period's first and last instant, in Baku time."""
    start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=LOCAL)
    end = datetime.datetime.combine(period.end, datetime.time.max, tzinfo=LOCAL)
    return start, end


ACCIDENT_CELLS = Grains(AccidentMonth, AccidentDay)
VIOLATION_CELLS = Grains(ViolationMonth, ViolationDay)


def accidents(period: Period, scope: Scope) -> QuerySet:
    return within(Accident.objects.filter(occurred_at__range=moments(period)), scope.body)


def accident_summary(period: Period, body) -> tuple[int, int, int]:
    def compute() -> tuple[int, int, int]:
        if rollups_serve(period):
            sums = {"a": Sum("accidents"), "k": Sum("killed"), "i": Sum("injured")}
            cells = summed(ACCIDENT_CELLS, body, period, (), sums).get((), [0, 0, 0])
            sums = dict(zip("aki", cells, strict=True))
        else:
            sums = accidents(period, Scope(body)).aggregate(a=Count("id"), k=Sum("killed"), i=Sum("injured"))
        return int(sums["a"] or 0), int(sums["k"] or 0), int(sums["i"] or 0)

    return cached(("traffic.accidents", body.pk, period, rollups_serve(period)), compute)


def accident_figure(index: int):
    def compute(period: Period, scope: Scope) -> int:
        return accident_summary(period, scope.body)[index]

    return compute


def violations(period: Period, scope: Scope) -> QuerySet:
    found = within(Violation.objects.filter(occurred_at__range=moments(period)), scope.body)
    if scope.get("detection") == "device":
        found = found.filter(device__isnull=False)
    if scope.get("parking"):
        found = found.filter(article__parking=True)
    return found


def violation_summary(period: Period, body) -> dict[tuple[bool, str], int]:
    """Violations by (parking, detection)."""

    def compute() -> dict[tuple[bool, str], int]:
        if rollups_serve(period):
            cells = summed(VIOLATION_CELLS, body, period, ("parking", "detection"), {"n": Sum("violations")})
            return {key: n for key, (n,) in cells.items()}
        rows = (
            violations(period, Scope(body))
            .values_list("article__parking")
            .annotate(
                automatic=Count("id", filter=Q(device__isnull=False)),
                by_patrol=Count("id", filter=Q(device__isnull=True)),
            )
        )
        found = {}
        for parking, device, patrol in rows:
            found[(parking, "device")] = device
            found[(parking, "patrol")] = patrol
        return found

    return cached(("traffic.violations", body.pk, period, rollups_serve(period)), compute)


def violation_count(period: Period, scope: Scope) -> int:
    detection, parking = scope.get("detection"), scope.get("parking")
    return sum(
        n
        for (is_parking, how), n in violation_summary(period, scope.body).items()
        if (not detection or how == detection) and (not parking or is_parking)
    )


def automatic_share(period: Period, scope: Scope) -> Decimal | None:
    """Of all violations, the share an automatic device detected (the measure's filter names "device")."""
    return share(*automatic_parts(period, scope))


def automatic_parts(period: Period, scope: Scope) -> tuple[int, int]:
    everything = Scope(scope.body, tuple(item for item in scope.filters if item[0] != "detection"))
    return violation_count(period, scope), violation_count(period, everything)


ACCIDENTS = declare(
    "traffic.accidents",
    "Road traffic accidents",
    "Yol-nəqliyyat hadisələri",
    "Дорожно-транспортные происшествия",
    Unit.COUNT,
    accident_figure(0),
    accidents,
)
KILLED = declare(
    "traffic.killed",
    "Killed in road traffic accidents",
    "Yol-nəqliyyat hadisələrində ölənlər",
    "Погибло в ДТП",
    Unit.COUNT,
    accident_figure(1),
    accidents,
)
INJURED = declare(
    "traffic.injured",
    "Injured in road traffic accidents",
    "Yol-nəqliyyat hadisələrində xəsarət alanlar",
    "Ранено в ДТП",
    Unit.COUNT,
    accident_figure(2),
    accidents,
)
VIOLATIONS = declare(
    "traffic.violations",
    "Traffic violations detected",
    "Aşkar edilmiş yol hərəkəti qaydalarının pozuntuları",
    "Выявлено нарушений ПДД",
    Unit.COUNT,
    violation_count,
    violations,
)
AUTOMATIC = declare(
    "traffic.automatic_share",
    "Share detected by specialized technical means",
    "Xüsusi texniki vasitələrlə aşkar edilənlərin payı",
    "Доля выявленных специальными техническими средствами",
    Unit.SHARE,
    automatic_share,
    violations,
    parts=automatic_parts,
    detection="device",
)
PARKING = declare(
    "traffic.illegal_parking",
    "Illegal stopping and parking",
    "Dayanma və durma qaydalarının pozulması",
    "Нарушения правил остановки и стоянки",
    Unit.COUNT,
    violation_count,
    violations,
    parking=True,
)

SECTION = Section(
    headline=[ACCIDENTS, KILLED, INJURED, VIOLATIONS],
    name="traffic",
    labels={
        "en": "Road safety",
        "az": "Yol hərəkəti təhlükəsizliyi",
        "ru": "Безопасность дорожного движения",
    },
    order=30,
    measures=[ACCIDENTS, KILLED, INJURED, VIOLATIONS, AUTOMATIC, PARKING],
    press=press.paragraphs,
)
