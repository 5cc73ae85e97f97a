"""The appeals' statistics for the board report: applications received and considered, by channel and
subject, answered on time, overdue, forwarded; citizens received at reception days and in how many
cities and districts; letters of gratitude and complaints."""

import datetime

from django.db.models import Count, F, QuerySet
from django.db.models.functions import TruncMonth
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
from precinct.core.cells import Grains
from precinct.core.measures import Measure, Scope, Section, Table, Unit, declare, within
from precinct.core.periods import Period
from precinct.core.tally import Cells, Key, Tally, as_date, count, people

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


class Events(Tally):
    """Applications counted by the events of their course (received, considered, …), by channel and
    subject. Each event has its own day on the application, and the events of receiving and forwarding
    are credited to the body that received it (see appeals.rollups.credited): on the records, each event
    is its own query."""

    def records(self, period: Period, scope: Scope) -> QuerySet:
        return event_records(scope.get("event"))(period, scope)

    def from_records(self, period: Period, body, monthly: bool) -> Cells:
        found: Cells = {}
        for event in Event.values:
            rows = self.records(period, Scope(body, (("event", event),)))
            fields = ["channel", "subject__code"]
            if monthly:
                rows = rows.annotate(month_key=TruncMonth(EVENT_DAY[event]))
                fields.insert(0, "month_key")
            for *key, n in rows.values_list(*fields).annotate(n=Count("id")).order_by():
                if monthly:
                    found[(as_date(key[0]), event, *key[1:])] = [n]
                else:
                    found[(event, *key)] = [n]
        return found


APPLICATIONS = Events(
    "appeals.applications",
    Application,
    day="received_on",
    grains=Grains(AppealMonth, AppealDay),
    keys={"event": "event", "channel": "channel", "subject": Key("subject__code", "subject__code")},
    totals={"applications": count("applications")},
)
RECEPTION_DAYS = Tally(
    "appeals.reception_days",
    lambda: ReceptionDay.objects.filter(applications__isnull=False),
    day="date",
    totals={"places": people("body")},
)
FEEDBACK = Tally(
    "appeals.feedback",
    Feedback,
    day="received_on",
    body="application__body",
    keys={"kind": "kind"},
    totals={"letters": count()},
)


def still_open_past_due(period: Period, scope: Scope) -> QuerySet:
    """Open applications whose deadline fell in the period and has passed unanswered (few: read directly)."""
    last = min(period.end, timezone.localdate() - datetime.timedelta(days=1))
    return in_scope(Application.objects.filter(on_the_clock()), scope).filter(
        due_on__range=(period.start, last)
    )


def forwarded_past_due(period: Period, scope: Scope) -> QuerySet:
    """Applications forwarded after their deadline, missed in the period by the body that forwarded them
    (the competent body's own deadline, which runs anew, counts on its own; few: read directly)."""
    missed = Application.objects.filter(missed_due_on__range=(period.start, period.end))
    return in_scope(missed, scope, "missed_by")


def late_or_open(period: Period, scope: Scope) -> QuerySet:
    return event_records(Event.LATE)(period, scope) | still_open_past_due(period, scope)


def forwarded_past_due_only(period: Period, scope: Scope) -> QuerySet:
    """Those forwarded late whose later deadline is not missed in the period too: an application counts
    once, whichever of its bodies missed which deadline."""
    return forwarded_past_due(period, scope).exclude(pk__in=late_or_open(period, scope).values("pk"))


def overdue(period: Period, scope: Scope) -> int:
    """Applications whose deadline fell in the period and was missed: answered late, or not yet, or
    forwarded only after it."""
    late = Scope(scope.body, (*scope.filters, ("event", Event.LATE)))
    direct = still_open_past_due(period, scope).count() + forwarded_past_due_only(period, scope).count()
    return APPLICATIONS.total(period, late, "applications") + direct


def overdue_records(period: Period, scope: Scope) -> QuerySet:
    return late_or_open(period, scope) | forwarded_past_due(period, scope)


def reception_days_held(period: Period, scope: Scope) -> QuerySet:
    """The reception days of the period at which citizens were received (no join, so no duplicates)."""
    received = Application.objects.filter(reception_day__isnull=False).values("reception_day")
    days = ReceptionDay.objects.filter(date__range=(period.start, period.end), pk__in=received)
    return within(days, scope.body)


def applications(name: str, en: str, az: str, ru: str, event: str, **options) -> Measure:
    return APPLICATIONS.figure(name, en, az, ru, "applications", event=event, **options)


RECEIVED = applications(
    "appeals.received",
    "Applications received",
    "Daxil olmuş müraciətlər",
    "Поступило обращений",
    Event.RECEIVED,
)
CONSIDERED = applications(
    "appeals.considered",
    "Applications considered",
    "Baxılmış müraciətlər",
    "Рассмотрено обращений",
    Event.CONSIDERED,
)
ON_TIME = APPLICATIONS.share(
    "appeals.on_time_share",
    "Share answered within the legal deadline",
    "Qanuni müddətdə cavablandırılanların payı",
    "Доля отвеченных в установленный срок",
    "applications",
    whole_where={"event": Event.CONSIDERED},
    of="appeals.considered",
    event=Event.ON_TIME,
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
FORWARDED = applications(
    "appeals.forwarded",
    "Applications forwarded to the competent body",
    "Aidiyyəti üzrə göndərilmiş müraciətlər",
    "Направлено по компетенции",
    Event.FORWARDED,
)
NOT_CONSIDERED = applications(
    "appeals.not_considered",
    "Applications left unconsidered (anonymous or repeated)",
    "Baxılmamış saxlanılan müraciətlər (anonim və ya təkrar)",
    "Оставлено без рассмотрения (анонимные или повторные)",
    Event.NOT_CONSIDERED,
)
RECEIVED_IN_PERSON = applications(
    "appeals.reception_received",
    "Citizens received at reception days",
    "Qəbul günlərində qəbul edilmiş vətəndaşlar",
    "Принято граждан в дни приёма",
    Event.RECEIVED,
    part_of="appeals.received",
    channel=Channel.RECEPTION_DAY,
)
# How many cities and districts held reception days says nothing about persons: never withheld.
RECEPTION_PLACES = RECEPTION_DAYS.figure(
    "appeals.reception_places",
    "Cities and districts where citizens were received",
    "Vətəndaşların qəbul edildiyi şəhər və rayonlar",
    "Города и районы, где проводился приём",
    "places",
    records=reception_days_held,
    personal=False,
)
GRATITUDE = FEEDBACK.figure(
    "appeals.gratitude",
    "Letters of gratitude",
    "Təşəkkür məktubları",
    "Благодарственные письма",
    "letters",
    kind=FeedbackKind.GRATITUDE,
)
COMPLAINTS = FEEDBACK.figure(
    "appeals.complaints",
    "Complaints about answers",
    "Cavablardan şikayətlər",
    "Жалобы на ответы",
    "letters",
    kind=FeedbackKind.COMPLAINT,
)

COLUMNS = [
    {"en": "Received", "az": "Daxil olub", "ru": "Поступило"},
    {"en": "Considered", "az": "Baxılıb", "ru": "Рассмотрено"},
]


def row(name: str, labels: dict, **filters) -> list[Measure]:
    """A table row: received and considered, cut by a channel or a subject."""
    return [
        applications(
            f"appeals.{name}.{event.value}", labels["en"], labels["az"], labels["ru"], event, **filters
        )
        for event in (Event.RECEIVED, Event.CONSIDERED)
    ]


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
