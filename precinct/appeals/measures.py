"""The appeals' statistics for the board report: applications received and considered, by channel and
subject, answered on time, overdue, forwarded; citizens received at reception days and in how many
cities and districts; letters of gratitude. Counts come from the monthly rollup for whole months."""

import datetime
from decimal import Decimal

from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone

from precinct.appeals import press
from precinct.appeals.models import (
    AppealDay,
    AppealMonth,
    Application,
    Channel,
    Event,
    Feedback,
    FeedbackKind,
    ReceptionDay,
    Status,
    Subject,
    on_the_clock,
)
from precinct.appeals.rollups import CREDITED_TO_RECEIVER
from precinct.core.cells import Grains, summed
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

# Where each event's day lies on the application, to list and count from the records.
EVENT_DAY = {
    Event.RECEIVED: "received_on",
    Event.CONSIDERED: "answered_on",
    Event.ON_TIME: "answered_on",
    Event.LATE: "due_on",
    Event.FORWARDED: "forwarded_on",
    Event.NOT_CONSIDERED: "received_on",
}


def in_scope(queryset: QuerySet, scope: Scope, body_field: str = "body") -> QuerySet:
    """Applications of the scope's bodies (by `body_field`) and of its channel and subject."""
    queryset = within(queryset, scope.body, body_field)
    if scope.get("channel"):
        queryset = queryset.filter(channel=scope.get("channel"))
    if scope.get("subject"):
        queryset = queryset.filter(subject__code=scope.get("subject"))
    return queryset


def credited_in_scope(event: str, scope: Scope) -> QuerySet:
    """The applications whose event counts for the scope's bodies (see appeals.rollups.credited)."""
    if event not in CREDITED_TO_RECEIVER:
        return in_scope(Application.objects.all(), scope)
    forwarded = in_scope(Application.objects.filter(forwarded_from__isnull=False), scope, "forwarded_from")
    kept = in_scope(Application.objects.filter(forwarded_from__isnull=True), scope)
    return forwarded | kept


def event_records(event: str):
    """The applications behind an event's count in a period."""

    def records(period: Period, scope: Scope) -> QuerySet:
        day = EVENT_DAY[event]
        found = credited_in_scope(event, scope).filter(**{f"{day}__range": (period.start, period.end)})
        if event == Event.ON_TIME:
            found = found.filter(answered_on__lte=F("due_on"))
        elif event == Event.LATE:
            found = found.filter(answered_on__gt=F("due_on"))
        elif event == Event.NOT_CONSIDERED:
            found = found.filter(status=Status.NOT_CONSIDERED)
        return found

    return records


CELLS = Grains(AppealMonth, AppealDay)


def subject_codes() -> dict[int, str]:
    return cached(("appeals.subject_codes",), lambda: dict(Subject.objects.values_list("id", "code")))


def summary(period: Period, body) -> dict[tuple[str, str, str], int]:
    """Counts by (event, channel, subject code) for a period and body."""

    def compute() -> dict[tuple[str, str, str], int]:
        if rollups_serve(period):
            sums = {"count": Sum("applications")}
            cells = summed(CELLS, body, period, ("event", "channel", "subject_id"), sums)
            codes = subject_codes()
            return {(event, channel, codes[subject]): n for (event, channel, subject), (n,) in cells.items()}
        found: dict[tuple[str, str, str], int] = {}
        for event in Event.values:
            rows = (
                event_records(event)(period, Scope(body))
                .values_list("channel", "subject__code")
                .annotate(count=Count("id"))
            )
            for channel, subject, count in rows:
                found[(event, channel, subject)] = count
        return found

    return cached(("appeals.summary", body.pk, period, rollups_serve(period)), compute)


def counted(event: str):
    def compute(period: Period, scope: Scope) -> int:
        channel, subject = scope.get("channel"), scope.get("subject")
        return sum(
            count
            for (kind, row_channel, row_subject), count in summary(period, scope.body).items()
            if kind == event
            and (not channel or row_channel == channel)
            and (not subject or row_subject == subject)
        )

    return compute


def on_time_share(period: Period, scope: Scope) -> Decimal | None:
    return share(*on_time_parts(period, scope))


def on_time_parts(period: Period, scope: Scope) -> tuple[int, int]:
    return counted(Event.ON_TIME)(period, scope), counted(Event.CONSIDERED)(period, scope)


def still_open_past_due(period: Period, scope: Scope) -> QuerySet:
    """Open applications whose deadline fell in the period and has passed unanswered (few: read directly)."""
    last = min(period.end, timezone.localdate() - datetime.timedelta(days=1))
    return in_scope(Application.objects.filter(on_the_clock()), scope).filter(
        due_on__range=(period.start, last)
    )


def overdue(period: Period, scope: Scope) -> int:
    """Applications whose deadline fell in the period and was missed: answered late, or not yet."""
    return counted(Event.LATE)(period, scope) + still_open_past_due(period, scope).count()


def overdue_records(period: Period, scope: Scope) -> QuerySet:
    return event_records(Event.LATE)(period, scope) | still_open_past_due(period, scope)


def reception_records(period: Period, scope: Scope) -> QuerySet:
    return event_records(Event.RECEIVED)(
        period, Scope(scope.body, scope.filters + (("channel", Channel.RECEPTION_DAY),))
    )


def reception_places(period: Period, scope: Scope) -> int:
    """Cities and districts where citizens were received at reception days in the period."""
    days = within(ReceptionDay.objects.filter(date__range=(period.start, period.end)), scope.body)
    return days.filter(applications__isnull=False).aggregate(places=Count("body", distinct=True))["places"]


def reception_days_held(period: Period, scope: Scope) -> QuerySet:
    """The reception days of the period at which citizens were received (no join, so no duplicates)."""
    received = Application.objects.filter(reception_day__isnull=False).values("reception_day")
    days = ReceptionDay.objects.filter(date__range=(period.start, period.end), pk__in=received)
    return within(days, scope.body)


def feedback_records(kind: str):
    def records(period: Period, scope: Scope) -> QuerySet:
        found = Feedback.objects.filter(kind=kind, received_on__range=(period.start, period.end))
        return within(found, scope.body, "application__body")

    return records


def feedback_count(kind: str):
    def compute(period: Period, scope: Scope) -> int:
        return feedback_records(kind)(period, scope).count()

    return compute


RECEIVED = declare(
    "appeals.received",
    "Applications received",
    "Daxil olmuş müraciətlər",
    "Поступило обращений",
    Unit.COUNT,
    counted(Event.RECEIVED),
    event_records(Event.RECEIVED),
)
CONSIDERED = declare(
    "appeals.considered",
    "Applications considered",
    "Baxılmış müraciətlər",
    "Рассмотрено обращений",
    Unit.COUNT,
    counted(Event.CONSIDERED),
    event_records(Event.CONSIDERED),
)
ON_TIME = declare(
    "appeals.on_time_share",
    "Share answered within the legal deadline",
    "Qanuni müddətdə cavablandırılanların payı",
    "Доля отвеченных в установленный срок",
    Unit.SHARE,
    on_time_share,
    event_records(Event.ON_TIME),
    parts=on_time_parts,
)
OVERDUE = declare(
    "appeals.overdue",
    "Applications whose deadline was missed",
    "Müddəti pozulmuş müraciətlər",
    "Обращения с нарушенным сроком",
    Unit.COUNT,
    overdue,
    overdue_records,
)
FORWARDED = declare(
    "appeals.forwarded",
    "Applications forwarded to the competent body",
    "Aidiyyəti üzrə göndərilmiş müraciətlər",
    "Направлено по компетенции",
    Unit.COUNT,
    counted(Event.FORWARDED),
    event_records(Event.FORWARDED),
)
NOT_CONSIDERED = declare(
    "appeals.not_considered",
    "Applications left unconsidered (anonymous or repeated)",
    "Baxılmamış saxlanılan müraciətlər (anonim və ya təkrar)",
    "Оставлено без рассмотрения (анонимные или повторные)",
    Unit.COUNT,
    counted(Event.NOT_CONSIDERED),
    event_records(Event.NOT_CONSIDERED),
)
RECEIVED_IN_PERSON = declare(
    "appeals.reception_received",
    "Citizens received at reception days",
    "Qəbul günlərində qəbul edilmiş vətəndaşlar",
    "Принято граждан в дни приёма",
    Unit.COUNT,
    counted(Event.RECEIVED),
    reception_records,
    channel=Channel.RECEPTION_DAY,
)
RECEPTION_PLACES = declare(
    "appeals.reception_places",
    "Cities and districts where citizens were received",
    "Vətəndaşların qəbul edildiyi şəhər və rayonlar",
    "Города и районы, где проводился приём",
    Unit.COUNT,
    reception_places,
    reception_days_held,
    personal=False,
)
GRATITUDE = declare(
    "appeals.gratitude",
    "Letters of gratitude",
    "Təşəkkür məktubları",
    "Благодарственные письма",
    Unit.COUNT,
    feedback_count(FeedbackKind.GRATITUDE),
    feedback_records(FeedbackKind.GRATITUDE),
)
COMPLAINTS = declare(
    "appeals.complaints",
    "Complaints about answers",
    "Cavablardan şikayətlər",
    "Жалобы на ответы",
    Unit.COUNT,
    feedback_count(FeedbackKind.COMPLAINT),
    feedback_records(FeedbackKind.COMPLAINT),
)

COLUMNS = [
    {"en": "Received", "az": "Daxil olub", "ru": "Поступило"},
    {"en": "Considered", "az": "Baxılıb", "ru": "Рассмотрено"},
]


def row(name: str, labels: dict, **filters) -> list[Measure]:
    return [
        Measure(f"appeals.{name}.received", labels, Unit.COUNT, counted(Event.RECEIVED),
                event_records(Event.RECEIVED), tuple(filters.items())),
        Measure(f"appeals.{name}.considered", labels, Unit.COUNT, counted(Event.CONSIDERED),
                event_records(Event.CONSIDERED), tuple(filters.items())),
    ]  # fmt: skip


def by_channel() -> list[tuple[str, list[Measure]]]:
    from django.utils import translation

    rows = []
    for channel in Channel:
        labels = {}
        for language in ("en", "az", "ru"):
            with translation.override(language):
                labels[language] = str(channel.label)
        rows.append((str(channel.label), row(f"channel.{channel.value}", labels, channel=channel.value)))
    return rows


def by_subject() -> list[tuple[str, list[Measure]]]:
    return [
        (subject.name, row(f"subject.{subject.code}", {"en": subject.name_en, "az": subject.name_az,
                                                        "ru": subject.name_ru}, subject=subject.code))
        for subject in Subject.objects.order_by("name_en")
    ]  # fmt: skip


SECTION = Section(
    headline=[RECEIVED, CONSIDERED],
    name="appeals",
    press=press.paragraphs,
    labels={"en": "Citizens' appeals", "az": "Vətəndaş müraciətləri", "ru": "Обращения граждан"},
    order=50,
    measures=[
        CONSIDERED,
        RECEIVED,
        ON_TIME,
        OVERDUE,
        FORWARDED,
        NOT_CONSIDERED,
        RECEIVED_IN_PERSON,
        RECEPTION_PLACES,
        GRATITUDE,
        COMPLAINTS,
    ],  # fmt: skip
    tables=[
        Table(
            "appeals.by_channel",
            {"en": "By channel", "az": "Daxilolma yolu üzrə", "ru": "По каналам"},
            COLUMNS,
            by_channel,
        ),
        Table(
            "appeals.by_subject",
            {"en": "By subject", "az": "Mövzular üzrə", "ru": "По тематике"},
            COLUMNS,
            by_subject,
        ),
    ],  # fmt: skip
)
