"""The appeals' part of the demonstration dataset for 2022 and 2023: applications, reception days and
letters of gratitude such that the board report for January–September 2023 states the board meeting's
figures (75,146 applications considered, about 3,000 citizens received in 9 cities and districts, more
than 2,500 letters of gratitude), and a few weeks of open applications up to today for the lists.

Applications are numbered, dated and given their legal deadlines by the same functions as real ones, and
written through the bulk path of imports (records, audit entries, rollups) in the demo's transaction.
"""

import datetime
import random
from dataclasses import dataclass

from precinct.appeals import numbers
from precinct.appeals.deadlines import due_date
from precinct.appeals.models import (
    Application,
    Channel,
    Feedback,
    FeedbackKind,
    NotConsidered,
    ReceptionDay,
    Status,
    Step,
    Subject,
)
from precinct.core.audit import Actor
from precinct.core.bulk import BulkInserter
from precinct.core.importing import bulk_write
from precinct.core.workdays import current_calendar
from precinct.crimes.demo import GIVEN, SURNAMES
from precinct.crimes.demo_plan import apportion, scaled
from precinct.organisation.models import Body, BodyKind, User


@dataclass(frozen=True)
class YearPlan:
    year: int
    considered: int  # answered from 1 January to 30 September
    received_in_person: int  # citizens received at reception days in those months
    reception_places: list[str]  # the cities and districts of the reception days
    gratitude: int  # letters of gratitude in those months


PLACES_2022 = ["ganja", "sumgait", "shaki", "lankaran", "shirvan", "yevlakh", "baku-sabail"]
PLACES_2023 = [
    "ganja",
    "sumgait",
    "shaki",
    "lankaran",
    "mingachevir",
    "shirvan",
    "baku-khatai",
    "barda",
    "guba",
]
PLANS = {
    2022: YearPlan(2022, 71_884, 2_415, PLACES_2022, 2_214),
    2023: YearPlan(2023, 75_146, 2_986, PLACES_2023, 2_538),
}
CHANNELS = {Channel.LETTER: 33, Channel.EMAIL: 22, Channel.WEB_FORM: 27, Channel.PHONE: 18}
SUBJECT_WEIGHTS = {
    "public_order": 22, "crime_report": 14, "criminal_case": 12, "police_conduct": 5, "road_traffic": 9,
    "domestic_violence": 6, "missing_person": 2, "drugs": 3, "fraud_cyber": 9, "human_trafficking": 0.5,
    "weapons": 1.5, "migration": 2, "service": 2, "gratitude": 1, "other": 11,
}  # fmt: skip
OFFICIALS = [("V. Eyvazov", "Minister of Internal Affairs"), ("Deputy Minister", "Deputy Minister")]
MEDIA = ["AZTV, İctimai TV and the ministry's website", "Azərbaycan newspaper and the ministry's website"]


class Generator:
    def __init__(self, actor: Actor, rng: random.Random, scale: float, progress) -> None:
        self.actor, self.rng, self.scale, self.progress = actor, rng, scale, progress
        self.calendar = current_calendar()
        self.subjects = {subject.code: subject for subject in Subject.objects.all()}
        self.bodies = [
            (
                body,
                3.0 if body.code.startswith("baku-") else 2.0 if body.code in {"ganja", "sumgait"} else 1.0,
            )
            for body in Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT])
        ]
        self.by_code = {body.code: body for body, _weight in self.bodies}
        self.officer = User.objects.filter(username="appeals").first()
        self.applicants = [self.applicant() for _ in range(max(50, scaled(40_000, scale)))]
        self.applications: list[Application] = []
        self.steps: list[tuple[Application, list[tuple[str, str, datetime.date]]]] = []

    def applicant(self) -> tuple[str, str, str]:
        sex = self.rng.choice("mf")
        surname = self.rng.choice(SURNAMES) + ("a" if sex == "f" else "")
        street = self.rng.choice(["Nizami", "Azadlıq", "Füzuli", "Neftçilər"])
        name, id_number = f"{surname} {self.rng.choice(GIVEN[sex])}", f"AZE{self.rng.randrange(10**7, 10**8)}"
        return name, id_number, f"{self.rng.randint(1, 200)} {street} street"

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def body(self, received: datetime.date) -> Body:
        """A body that existed on the day (Khankandi's department takes applications from its founding)."""
        existing = [
            (body, weight) for body, weight in self.bodies if not body.founded or body.founded <= received
        ]
        bodies, weights = zip(*existing, strict=True)
        return self.rng.choices(bodies, weights)[0]  # one draw, as before, whatever the day

    def subject(self) -> Subject:
        codes = list(SUBJECT_WEIGHTS)
        return self.subjects[self.rng.choices(codes, [SUBJECT_WEIGHTS[c] for c in codes])[0]]

    def application(self, received: datetime.date, body: Body, channel: str, answered: datetime.date | None,
                    reception_day: ReceptionDay | None = None) -> Application:  # fmt: skip
        subject = self.subject()
        name, id_number, address = self.rng.choice(self.applicants)
        due = due_date(self.calendar, received, subject.needs_study, 0)
        application = Application(
            year=received.year, received_on=received, channel=channel, subject=subject, body=body,
            applicant_name=name, applicant_id_number=id_number,
            applicant_address=address,
            text="Demonstration application.", needs_study=subject.needs_study, due_on=due,
            reception_day=reception_day, officer=self.officer if body.code == "baku-nasimi" else None,
            status=Status.CLOSED if answered else Status.ASSIGNED, answered_on=answered,
            answer="Considered; the applicant was answered." if answered else "",
            closed_on=answered, substantive=True,
        )  # fmt: skip
        moves = [("", Status.REGISTERED, received), (Status.REGISTERED, Status.ASSIGNED, received)]
        if answered:
            moves += [
                (Status.ASSIGNED, Status.ANSWERED, answered),
                (Status.ANSWERED, Status.CLOSED, answered),
            ]
        self.applications.append(application)
        self.steps.append((application, moves))
        return application

    def answered_within(
        self, start: datetime.date, end: datetime.date
    ) -> tuple[datetime.date, datetime.date]:
        """An answer dated in [start, end], and the day its application came, 1–25 days before."""
        answered = self.day(start, end)
        while not self.calendar.is_working(answered):
            answered = (
                self.calendar.next_working_day(answered)
                if answered < end
                else answered - datetime.timedelta(1)
            )
        return answered - datetime.timedelta(days=self.rng.randint(1, 25)), answered

    def year(self, plan: YearPlan) -> None:
        jan1, sep30, dec31 = (datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30),
                              datetime.date(plan.year, 12, 31))  # fmt: skip
        in_person = scaled(plan.received_in_person, self.scale)
        days = self.reception_days(plan, in_person)
        per_day = apportion(in_person, {day.pk: 1 + self.rng.random() for day in days})
        for day in days:
            for _ in range(per_day[day.pk]):
                answered = day.date + datetime.timedelta(days=self.rng.randint(3, 20))
                self.application(day.date, day.body, Channel.RECEPTION_DAY, min(answered, sep30), day)
        # The rest considered in January–September came by letter, e-mail, the web form or the phone line.
        for channel, count in apportion(scaled(plan.considered, self.scale) - in_person, CHANNELS).items():
            for _ in range(count):
                received, answered = self.answered_within(jan1, sep30)
                self.application(received, self.body(received), channel, answered)
        # Forwarded outside the ministry's competence, and anonymous ones left unconsidered: not answered.
        for _ in range(scaled(plan.considered * 12 // 1000, self.scale)):
            received = self.day(jan1, sep30 - datetime.timedelta(days=5))
            forwarded = self.application(received, self.body(received), Channel.LETTER, None)
            forwarded.status, forwarded.forwarded_from, forwarded.forwarded_on = (
                Status.FORWARDED,
                forwarded.body,
                received + datetime.timedelta(days=2),
            )
            forwarded.forwarded_to_authority = "State Migration Service of the Republic of Azerbaijan"
        for _ in range(scaled(plan.considered * 3 // 1000, self.scale)):
            received = self.day(jan1, sep30)
            anonymous = self.application(received, self.body(received), Channel.LETTER, None)
            anonymous.applicant_name = anonymous.applicant_id_number = anonymous.applicant_address = ""
            anonymous.status, anonymous.not_considered = Status.NOT_CONSIDERED, NotConsidered.ANONYMOUS
            self.steps[-1] = (anonymous, [("", Status.NOT_CONSIDERED, anonymous.received_on)])
        # October to December: answered after the period (those received late in September too).
        for _ in range(scaled(plan.considered // 3, self.scale)):
            received, answered = self.answered_within(datetime.date(plan.year, 10, 1), dec31)
            channel = self.rng.choices(list(CHANNELS), list(CHANNELS.values()))[0]
            self.application(received, self.body(received), channel, answered)
        self.progress(0)

    def reception_days(self, plan: YearPlan, in_person: int) -> list[ReceptionDay]:
        days = []
        for index, code in enumerate(plan.reception_places):
            date = datetime.date(
                plan.year, 2 + index * 7 // len(plan.reception_places), self.rng.randint(3, 25)
            )
            official, position = OFFICIALS[index % len(OFFICIALS)] if in_person else OFFICIALS[0]
            days.append(ReceptionDay(
                official=official, official_position=position, date=date, starts_at=datetime.time(10),
                body=self.by_code[code], venue=f"{self.by_code[code].name_en}, assembly hall",
                announced_on=date - datetime.timedelta(days=10), media=self.rng.choice(MEDIA),
            ))  # fmt: skip
        written = bulk_write(self.actor, ReceptionDay, days)
        for day in written:
            day.bodies.set([day.body])
        return written

    def recent(self, today: datetime.date) -> None:
        """Open applications of the last weeks, some overdue, some soon due, for the officers' lists."""
        for _ in range(max(10, scaled(400, self.scale))):
            received = today - datetime.timedelta(days=self.rng.randint(0, 30))
            body = self.by_code["baku-nasimi"] if self.rng.random() < 0.2 else self.body(received)
            channel = self.rng.choices(list(CHANNELS), list(CHANNELS.values()))[0]
            self.application(received, body, channel, None)

    def feedback(self, plan: YearPlan) -> int:
        """Letters of gratitude, and a few complaints, received in January–September on answers given."""
        jan1, last = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 25)
        answered = [a for a in self.applications if a.answered_on and jan1 <= a.answered_on <= last]
        written = []
        for kind, count, text in (
            (FeedbackKind.GRATITUDE, plan.gratitude, "Thank you for the help."),
            (FeedbackKind.COMPLAINT, plan.gratitude // 15, "The answer does not address the matter."),
        ):
            chosen = self.rng.sample(answered, min(len(answered), scaled(count, self.scale)))
            written += [
                Feedback(
                    application=application,
                    kind=kind,
                    officer=application.officer,
                    received_on=application.answered_on + datetime.timedelta(days=self.rng.randint(1, 5)),
                    text=text,
                )
                for application in chosen
            ]
        bulk_write(self.actor, Feedback, written)
        return sum(item.kind == FeedbackKind.GRATITUDE for item in written)

    def write(self) -> int:
        self.applications.sort(key=lambda application: (application.received_on, application.body_id))
        by_year: dict[int, list[Application]] = {}
        for application in self.applications:
            by_year.setdefault(application.year, []).append(application)
        for year, found in by_year.items():
            for application, number in zip(found, numbers.take(year, len(found)), strict=True):
                application.number = number
        bulk_write(self.actor, Application, self.applications, progress=self.progress)
        user = self.actor.user
        steps = BulkInserter(Step)
        names = ("application_id", "at", "on", "user_id", "username", "status_from", "status_to")
        noon = datetime.time(12)
        for start in range(0, len(self.steps), 20_000):
            steps.insert_values(names, (
                (application.pk, datetime.datetime.combine(on, noon, tzinfo=datetime.UTC), on, user.pk,
                 user.username, before, after)
                for application, moves in self.steps[start : start + 20_000] for before, after, on in moves
            ))  # fmt: skip
        return len(self.applications)


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    generator = Generator(actor, rng, scale, progress)
    for year in sorted(PLANS):
        generator.year(PLANS[year])
    generator.recent(datetime.date.today())
    written = generator.write()
    letters = sum(generator.feedback(PLANS[year]) for year in sorted(PLANS))
    return {
        "applications": written,
        "reception days": ReceptionDay.objects.count(),
        "letters of gratitude": letters,
    }
