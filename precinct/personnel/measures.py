"""Personnel's statistics: employees investigated for breaches of discipline and ethics (by the day the
investigation opened), and those sanctioned (by the day of the order, as the sanction stands after any
appeal: dismissed from service, released from position, other measures), by grounds; employees trained,
by topic and organiser; employees killed and injured in the line of duty.

Employees are counted as people: each once however many investigations or courses they had in the period.
The records are few (thousands a year), so every figure is read from them; each is counted where the
employee served when the investigation was opened, the course began or the casualty occurred.
"""

from django.utils import translation

from precinct.core.measures import Measure, Section, Table
from precinct.core.tally import Tally, count, people
from precinct.personnel import press
from precinct.personnel.models import (
    OTHER_SANCTIONS,
    Attendance,
    Casualty,
    Finding,
    Grounds,
    Investigation,
    OrganiserKind,
    Outcome,
    Result,
    Sanction,
    Topic,
)

INVESTIGATIONS = Tally(
    "personnel.investigations",
    Investigation,
    day="opened_on",
    keys={"grounds": "grounds", "finding": "finding"},
    totals={"employees": people("employee"), "investigations": count()},
)
# Employees sanctioned: counted by the day of the order that imposed the sanction, as the sanction stands
# (an appeal that reduced it counts the lighter one; one that annulled it, none).
SANCTIONS = Tally(
    "personnel.sanctions",
    Investigation,
    day="order_date",
    keys={"grounds": "grounds", "sanction": "sanction_in_force"},
    totals={"employees": people("employee")},
)
# Employees trained: those who completed a course (with a certificate or without).
TRAINING = Tally(
    "personnel.training",
    lambda: Attendance.objects.exclude(result=Result.NOT_COMPLETED),
    day="course__starts_on",
    keys={"topic": "course__topic", "organiser": "course__organiser_kind", "abroad": "course__abroad"},
    totals={"employees": people("employee")},
)
CASUALTIES = Tally(
    "personnel.casualties",
    Casualty,
    day="occurred_on",
    keys={"outcome": "outcome"},
    totals={"employees": people("employee")},
)


def investigated(name: str, en: str, az: str, ru: str, **filters) -> Measure:
    return INVESTIGATIONS.figure(name, en, az, ru, "employees", **filters)


def sanctioned(name: str, en: str, az: str, ru: str, **filters) -> Measure:
    return SANCTIONS.figure(name, en, az, ru, "employees", **filters)


INVESTIGATED = investigated(
    "personnel.investigated",
    "Employees investigated for breaches of discipline and ethics",
    "Xidməti intizam və etik davranış qaydalarını pozduğuna görə araşdırılan əməkdaşlar",
    "Сотрудников, в отношении которых проведены служебные расследования",
)
DISMISSED = sanctioned(
    "personnel.dismissed",
    "Dismissed from service",
    "Xidmətdən xaric edilənlər",
    "Уволено со службы",
    sanction=Sanction.DISMISSAL,
    part_of="personnel.investigated",
)
RELEASED = sanctioned(
    "personnel.released",
    "Released from their positions",
    "Tutduqları vəzifədən azad edilənlər",
    "Освобождено от занимаемой должности",
    sanction=Sanction.RELEASE,
    part_of="personnel.investigated",
)
OTHER = sanctioned(
    "personnel.other_sanctions",
    "Given other disciplinary measures",
    "Digər intizam tənbehi tətbiq edilənlər",
    "Применены иные дисциплинарные взыскания",
    sanction=OTHER_SANCTIONS,
    part_of="personnel.investigated",
)
TRAINED_HUMAN_RIGHTS = TRAINING.figure(
    "personnel.trained_human_rights",
    "Employees trained on human rights",
    "İnsan hüquqları üzrə təlim keçmiş əməkdaşlar",
    "Сотрудников, прошедших обучение по правам человека",
    "employees",
    topic=Topic.HUMAN_RIGHTS,
)
TRAINED_INTERNATIONAL = TRAINING.figure(
    "personnel.trained_international",
    "Employees trained through international organisations",
    "Beynəlxalq təşkilatlar xətti ilə təlim keçmiş əməkdaşlar",
    "Сотрудников, обученных по линии международных организаций",
    "employees",
    organiser=OrganiserKind.INTERNATIONAL,
)
KILLED = CASUALTIES.figure(
    "personnel.killed",
    "Employees killed in the line of duty",
    "Xidməti vəzifəsini yerinə yetirərkən həlak olan əməkdaşlar",
    "Погибло сотрудников при исполнении служебных обязанностей",
    "employees",
    outcome=Outcome.KILLED,
)
INJURED = CASUALTIES.figure(
    "personnel.injured",
    "Employees injured in the line of duty",
    "Xidməti vəzifəsini yerinə yetirərkən yaralanan əməkdaşlar",
    "Ранено сотрудников при исполнении служебных обязанностей",
    "employees",
    outcome=Outcome.INJURED,
)


def labels_of(choice) -> tuple[str, str, str]:
    found = []
    for language in ("en", "az", "ru"):
        with translation.override(language):
            found.append(str(choice.label))
    return tuple(found)


def by_grounds() -> list[tuple[str, list[Measure]]]:
    rows = []
    for grounds in Grounds:
        labels, name = labels_of(grounds), f"personnel.grounds.{grounds.value}"
        rows.append(
            (
                str(grounds.label),
                [
                    investigated(f"{name}.investigated", *labels, grounds=grounds.value),
                    sanctioned(
                        f"{name}.dismissed", *labels, grounds=grounds.value, sanction=Sanction.DISMISSAL
                    ),
                    sanctioned(f"{name}.released", *labels, grounds=grounds.value, sanction=Sanction.RELEASE),
                    sanctioned(f"{name}.other", *labels, grounds=grounds.value, sanction=OTHER_SANCTIONS),
                ],
            )
        )
    return rows


def by_finding() -> list[tuple[str, list[Measure]]]:
    """Investigations closed in each finding decided, and the employees they concerned."""
    rows = []
    for finding in Finding:
        labels, name = labels_of(finding), f"personnel.finding.{finding.value}"
        rows.append(
            (
                str(finding.label),
                [
                    INVESTIGATIONS.figure(
                        f"{name}.investigations", *labels, "investigations", finding=finding.value
                    ),
                    investigated(f"{name}.employees", *labels, finding=finding.value),
                ],
            )
        )
    return rows


def by_organiser() -> list[tuple[str, list[Measure]]]:
    rows = []
    for organiser in OrganiserKind:
        labels, name = labels_of(organiser), f"personnel.organiser.{organiser.value}"
        rows.append(
            (
                str(organiser.label),
                [
                    TRAINING.figure(f"{name}.trained", *labels, "employees", organiser=organiser.value),
                    TRAINING.figure(
                        f"{name}.human_rights",
                        *labels,
                        "employees",
                        organiser=organiser.value,
                        topic=Topic.HUMAN_RIGHTS,
                    ),  # fmt: skip
                ],
            )
        )
    return rows


def by_topic() -> list[tuple[str, list[Measure]]]:
    rows = []
    for topic in Topic:
        labels, name = labels_of(topic), f"personnel.topic.{topic.value}"
        rows.append(
            (
                str(topic.label),
                [
                    TRAINING.figure(f"{name}.trained", *labels, "employees", topic=topic.value),
                    TRAINING.figure(f"{name}.abroad", *labels, "employees", topic=topic.value, abroad=True),
                ],
            )
        )
    return rows


SECTION = Section(
    name="personnel",
    restricted=True,
    labels={"en": "Personnel", "az": "Şəxsi heyət", "ru": "Личный состав"},
    order=60,
    headline=[INVESTIGATED, KILLED, INJURED],
    measures=[
        INVESTIGATED,
        DISMISSED,
        RELEASED,
        OTHER,
        TRAINED_HUMAN_RIGHTS,
        TRAINED_INTERNATIONAL,
        KILLED,
        INJURED,
    ],
    tables=[
        Table(
            "personnel.by_grounds",
            {
                "en": "Investigations by grounds",
                "az": "Əsaslar üzrə araşdırmalar",
                "ru": "Расследования по основаниям",
            },
            [
                {
                    "en": "Employees investigated",
                    "az": "Araşdırılan əməkdaşlar",
                    "ru": "Проверено сотрудников",
                },
                {"en": "Dismissed", "az": "Xidmətdən xaric edilib", "ru": "Уволено"},
                {
                    "en": "Released from position",
                    "az": "Vəzifədən azad edilib",
                    "ru": "Освобождено от должности",
                },
                {"en": "Other measures", "az": "Digər tənbehlər", "ru": "Иные взыскания"},
            ],
            by_grounds,
        ),
        Table(
            "personnel.by_finding",
            {
                "en": "Investigations by finding",
                "az": "Nəticələr üzrə araşdırmalar",
                "ru": "Расследования по выводам",
            },
            [
                {"en": "Investigations", "az": "Araşdırmalar", "ru": "Расследований"},
                {"en": "Employees", "az": "Əməkdaşlar", "ru": "Сотрудников"},
            ],
            by_finding,
        ),
        Table(
            "personnel.by_topic",
            {
                "en": "Employees trained by topic",
                "az": "Mövzular üzrə təlim keçənlər",
                "ru": "Обучено по темам",
            },
            [
                {"en": "Trained", "az": "Təlim keçib", "ru": "Обучено"},
                {"en": "Of them abroad", "az": "Onlardan xaricdə", "ru": "Из них за рубежом"},
            ],
            by_topic,
        ),
        Table(
            "personnel.by_organiser",
            {
                "en": "Employees trained by organiser",
                "az": "Təşkilatçılar üzrə təlim keçənlər",
                "ru": "Обучено по организаторам",
            },
            [
                {"en": "Trained", "az": "Təlim keçib", "ru": "Обучено"},
                {
                    "en": "Of them on human rights",
                    "az": "Onlardan insan hüquqları üzrə",
                    "ru": "Из них по правам человека",
                },
            ],
            by_organiser,
        ),
    ],
    press=press.paragraphs,
)
