"""Road safety's statistics: accidents, killed and injured; violations, the share detected by automatic
devices, illegal parking. Every record is placed by its day in Baku time."""

from django.db.models import Q

from precinct.core.cells import Grains
from precinct.core.measures import Section
from precinct.core.tally import Key, Tally, count, either, summing
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

ACCIDENTS_TALLY = Tally(
    "traffic.accidents",
    Accident,
    day="occurred_at",
    zone=LOCAL,
    grains=Grains(AccidentMonth, AccidentDay),
    totals={"accidents": count("accidents"), "killed": summing("killed"), "injured": summing("injured")},
)
VIOLATIONS_TALLY = Tally(
    "traffic.violations",
    Violation,
    day="occurred_at",
    zone=LOCAL,
    grains=Grains(ViolationMonth, ViolationDay),
    keys={
        "parking": Key("parking", "article__parking"),
        "detection": Key("detection", either(Q(device__isnull=False), "device", "patrol")),
    },
    totals={"violations": count("violations")},
)

ACCIDENTS = ACCIDENTS_TALLY.figure(
    "traffic.accidents",
    "Road traffic accidents",
    "Yol-nəqliyyat hadisələri",
    "Дорожно-транспортные происшествия",
    "accidents",
)
KILLED = ACCIDENTS_TALLY.figure(
    "traffic.killed",
    "Killed in road traffic accidents",
    "Yol-nəqliyyat hadisələrində ölənlər",
    "Погибло в ДТП",
    "killed",
)
INJURED = ACCIDENTS_TALLY.figure(
    "traffic.injured",
    "Injured in road traffic accidents",
    "Yol-nəqliyyat hadisələrində xəsarət alanlar",
    "Ранено в ДТП",
    "injured",
)
VIOLATIONS = VIOLATIONS_TALLY.figure(
    "traffic.violations",
    "Traffic violations detected",
    "Aşkar edilmiş yol hərəkəti qaydalarının pozuntuları",
    "Выявлено нарушений ПДД",
    "violations",
)
# Of all violations, the share an automatic device detected.
AUTOMATIC = VIOLATIONS_TALLY.share(
    "traffic.automatic_share",
    "Share detected by specialized technical means",
    "Xüsusi texniki vasitələrlə aşkar edilənlərin payı",
    "Доля выявленных специальными техническими средствами",
    "violations",
    whole_ignores=("detection",),
    of="traffic.violations",
    detection="device",
)
PARKING = VIOLATIONS_TALLY.figure(
    "traffic.illegal_parking",
    "Illegal stopping and parking",
    "Dayanma və durma qaydalarının pozulması",
    "Нарушения правил остановки и стоянки",
    "violations",
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
