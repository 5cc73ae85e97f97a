"""The appeals section of the board report against an independent count over the records."""

import datetime
import random

from django.db.models import F

from precinct.appeals import services
from precinct.appeals.models import (
    Application,
    Channel,
    FeedbackKind,
    NotConsidered,
    ReceptionDay,
    Status,
    Subject,
)
from precinct.appeals.tests.conftest import apply
from precinct.conftest import body, make_user
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.models import Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.core.rollups import rollups
from precinct.reports.engine import board_report

H1 = Period(datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))


def figures(period: Period, code: str) -> dict:
    report = board_report(period, body(code))
    section = next(result for result in report.sections if result.section.name == "appeals")
    found = {figure.measure.name: figure.value for figure in section.figures}
    for table in section.tables:
        found |= {figure.measure.name: figure.value for _label, row in table.rows for figure in row}
    return found


def seed(officers) -> None:
    """Applications spread over two districts and 2022-2023, taken through random workflow steps."""
    chance = random.Random(7)
    subjects = list(Subject.objects.all())
    day = ReceptionDay.objects.create(
        official="Minister",
        date=datetime.date(2023, 3, 10),
        body=body("ganja"),
        venue="Hall",
        announced_on=datetime.date(2023, 3, 1),
    )
    for index in range(120):
        code, officer = chance.choice(officers)
        received = datetime.date(2022, 10, 1) + datetime.timedelta(days=chance.randrange(300))
        channel = chance.choice([Channel.LETTER, Channel.EMAIL, Channel.WEB_FORM, Channel.PHONE])
        extra = {}
        if code == "ganja" and index % 10 == 0:
            channel, received, extra = Channel.RECEPTION_DAY, day.date, {"reception_day": day}
        application = apply(
            officer,
            body=body(code),
            received_on=received,
            channel=channel,
            subject=chance.choice(subjects),
            applicant_name="" if index % 17 == 0 else "Applicant",
            applicant_id_number=f"AZE{index:07d}",
            **extra,
        )
        if application.status != Status.REGISTERED:
            continue
        actor = Actor(officer, Via.WEB)
        application = services.assign(actor=actor, application=application, officer=officer)
        roll = chance.random()
        if roll < 0.6:
            answered = received + datetime.timedelta(days=chance.randrange(1, 40))
            application = services.answer(
                actor=actor,
                application=application,
                answer="Answer.",
                answered_on=min(answered, datetime.date(2023, 11, 1)),
            )
            if chance.random() < 0.3:
                services.add_feedback(
                    actor=actor,
                    application=application,
                    kind=FeedbackKind.GRATITUDE,
                    received_on=application.answered_on + datetime.timedelta(days=3),
                )
        elif roll < 0.7:
            services.forward(
                actor=actor, application=application, authority="State Migration Service", reason="x"
            )


def independent(period: Period, codes: list[str]) -> dict:
    """The same figures counted straight from the records, without the engine or its rollup."""
    inside = Application.objects.filter(body__code__in=codes)
    start, end = period.start, period.end
    answered = inside.filter(answered_on__range=(start, end))
    return {
        "appeals.received": inside.filter(received_on__range=(start, end)).count(),
        "appeals.considered": answered.count(),
        "appeals.on_time_share": (answered.filter(answered_on__lte=F("due_on")).count() / answered.count())
        if answered.count()
        else None,
        "appeals.forwarded": inside.filter(forwarded_on__range=(start, end)).count(),
        "appeals.not_considered": inside.filter(
            received_on__range=(start, end),
            status=Status.NOT_CONSIDERED,
            not_considered=NotConsidered.ANONYMOUS,
        ).count(),
        "appeals.reception_received": inside.filter(
            received_on__range=(start, end), channel=Channel.RECEPTION_DAY
        ).count(),
        "appeals.gratitude": sum(a.feedback.filter(received_on__range=(start, end)).count() for a in inside),
        "appeals.channel.letter.received": inside.filter(
            received_on__range=(start, end), channel="letter"
        ).count(),
    }


def test_the_appeals_figures_agree_with_an_independent_count(db):
    officers = [
        ("baku-nasimi", make_user("n", Role.APPEALS_OFFICER, ["baku-nasimi"])),
        ("ganja", make_user("g", Role.APPEALS_OFFICER, ["ganja"])),
    ]
    seed(officers)
    for period in (H1, H1.comparison, Period(datetime.date(2023, 2, 10), datetime.date(2023, 5, 20))):
        for code, codes in (
            ("mia", ["baku-nasimi", "ganja"]),
            ("baku", ["baku-nasimi"]),
            ("ganja", ["ganja"]),
        ):
            engine = figures(period, code)
            expected = independent(period, codes)
            for name, value in expected.items():
                got = engine[name]
                assert (float(got) if got is not None else None) == value, (period, code, name)
            with from_records():
                assert figures(period, code) == engine, (period, code)
    assert figures(H1, "mia")["appeals.reception_places"] == 1


def test_the_rollup_agrees_with_the_records_after_every_step(db):
    officer = make_user("n", Role.APPEALS_OFFICER, ["baku-nasimi"])
    seed([("baku-nasimi", officer)])
    months, days = [rollup for rollup in rollups() if rollup.source is Application]  # the two grains
    assert months.differences() == [] and days.differences() == []


def test_an_empty_period_shows_no_share(db):
    found = figures(Period(datetime.date(2030, 1, 1), datetime.date(2030, 3, 31)), "mia")
    assert found["appeals.considered"] == 0 and found["appeals.on_time_share"] is None
