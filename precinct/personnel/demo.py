"""Personnel's part of the demonstration dataset: employees with their service, disciplinary investigations,
courses and casualties, such that the board report states the board meeting's figures (seed 003, and 000
and 001 for training through international organisations):

- 1 October 2018–30 September 2023: 1,286 employees investigated for breaches of discipline and ethics, of
  them 121 dismissed from service, 139 released from their positions, 1,026 given other measures; more
  than 3,000 employees trained on human rights;
- 2022, on grounds of rudeness: 7 dismissed, 16 released, 21 other measures;
- 19 September 2023: 20 killed and 24 injured; 27 September 2020–30 September 2023: 78 killed, 370 injured;
- 11 August 2010–11 August 2020: about 8,000 employees trained through international organisations.

Every figure is counted from these records by the measures; nothing here is a total.
"""

import datetime
import random

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes.demo import GIVEN, SURNAMES
from precinct.crimes.demo_plan import scaled
from precinct.organisation.models import Body, BodyKind, Employee, Position, Rank, User
from precinct.personnel import effects, services
from precinct.personnel.models import (
    AT_DISPOSAL,
    COMMANDANT,
    OTHER_SANCTIONS,
    AppealOutcome,
    Attendance,
    Award,
    Casualty,
    Circumstances,
    Course,
    CourseKind,
    Finding,
    Grounds,
    Investigation,
    Move,
    OrganiserKind,
    Origin,
    Outcome,
    Sanction,
    ServiceRecord,
    Topic,
)

EMPLOYEES = 12_000
FIVE_YEARS = (datetime.date(2018, 10, 1), datetime.date(2023, 9, 30))
SANCTIONED = {Sanction.DISMISSAL: 121, Sanction.RELEASE: 139, "other": 1_026}  # in the five years
RUDE_IN_2022 = {Sanction.DISMISSAL: 7, Sanction.RELEASE: 16, "other": 21}  # of them
HUMAN_RIGHTS_TRAINED = 3_124
INTERNATIONAL = (datetime.date(2010, 8, 11), datetime.date(2020, 8, 11))
INTERNATIONAL_TRAINED = 8_046
# (first day, last day, killed, injured, circumstances, event)
CASUALTIES = [
    (
        datetime.date(2020, 9, 27),
        datetime.date(2020, 11, 10),
        50,
        300,
        Circumstances.OPERATION,
        "Patriotic War",
    ),
    (datetime.date(2021, 1, 1), datetime.date(2023, 8, 31), 8, 46, Circumstances.MINE, "Mine explosion"),
    (
        datetime.date(2023, 9, 19),
        datetime.date(2023, 9, 19),
        20,
        24,
        Circumstances.MINE,
        "Local anti-terrorist measures, 19–20 September 2023",
    ),
]
ORGANISERS = {
    OrganiserKind.INTERNATIONAL: ["OSCE", "Council of Europe", "UNODC", "ICITAP", "IOM"],
    OrganiserKind.ACADEMY: ["Police Academy"],
    OrganiserKind.PARTNER: ["Ministry of the Interior of Türkiye", "Police of Lithuania", "Carabinieri"],
}
# Where each organiser holds a course abroad.
PLACES = {
    "OSCE": "Vienna", "Council of Europe": "Strasbourg", "UNODC": "Vienna", "ICITAP": "Washington",
    "IOM": "Geneva", "Ministry of the Interior of Türkiye": "Ankara", "Police of Lithuania": "Vilnius",
    "Carabinieri": "Rome",
}  # fmt: skip
INTERNATIONAL_TOPICS = [Topic.INVESTIGATION, Topic.DRUGS, Topic.CYBERCRIME, Topic.ROAD_SAFETY, Topic.ETHICS]


class Generator:
    def __init__(self, rng: random.Random, scale: float, actor: Actor) -> None:
        self.rng, self.scale, self.actor = rng, scale, actor
        self.bodies = list(  # those whose employees joined in 1995–2009 (not Khankandi, founded in 2023)
            Body.objects.filter(
                kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT], founded=None
            )
        )
        self.ministry = Body.objects.get(parent__isnull=True)
        self.ranks = list(Rank.objects.order_by("seniority"))
        # Every position but those only the service history's own steps give.
        self.positions = list(Position.objects.exclude(code__in=[COMMANDANT, AT_DISPOSAL]))
        self.left: dict[int, datetime.date] = {}  # the day each employee dismissed or killed left the service
        # What makes the records look lived in (who inspects, appeals, awards, commandants) is drawn by a
        # stream of its own: the figures' stream, and with it every figure, stays as it is.
        self.extra = random.Random(0xA11CE)
        self.inspector = User.objects.filter(username="inspector").first()

    def day(self, first: datetime.date, last: datetime.date) -> datetime.date:
        return first + datetime.timedelta(days=self.rng.randrange((last - first).days + 1))

    def employees(self) -> list[Employee]:
        """Employees who joined in 1995–2009, each with an appointment and, for some, a promotion."""
        made, posts = [], []
        for number in range(scaled(EMPLOYEES, self.scale)):
            sex = "f" if self.rng.random() < 0.15 else "m"
            body = self.rng.choice(self.bodies)
            rank = self.rng.randrange(2, 11)
            employee = Employee(
                personnel_number=f"D{number + 1:06d}",
                surname=self.rng.choice(SURNAMES) + ("a" if sex == "f" else ""),
                given_name=self.rng.choice(GIVEN[sex]),
                rank=self.ranks[rank],
                position=self.rng.choice(self.positions),
                body=body,
            )
            made.append(employee)
            joined = self.day(datetime.date(1995, 1, 1), datetime.date(2009, 12, 31))
            # Promoted before the five years whose sanctions and casualties the service history follows.
            promoted = self.day(
                joined + datetime.timedelta(days=365), FIVE_YEARS[0] - datetime.timedelta(days=1)
            )
            first = ServiceRecord(
                move=Move.APPOINTMENT,
                starts_on=joined,
                body=body,
                position=employee.position,
                rank=self.ranks[rank - 1],
                order_number=f"{joined.year}/{number + 1}",
                ends_on=promoted - datetime.timedelta(days=1),
            )
            second = ServiceRecord(
                move=Move.PROMOTION,
                starts_on=promoted,
                body=body,
                position=employee.position,
                rank=self.ranks[rank],
                order_number=f"{promoted.year}/{number + 1}P",
            )
            posts.append((employee, [first, second]))
        bulk_write(self.actor, Employee, made)
        records = []
        for employee, steps in posts:
            for step in steps:
                step.employee = employee
                records.append(step)
        bulk_write(self.actor, ServiceRecord, records)
        return made

    def serving(self, employees: list[Employee], day: datetime.date) -> list[Employee]:
        return [employee for employee in employees if self.left.get(employee.pk, datetime.date.max) > day]

    def awards_and_commandants(self, employees: list[Employee]) -> None:
        """Medals and commendations for some; and the temporary commandants the seeds tell of, appointed
        to Tartar after 19 September 2023, and to Khojali and Khankandi once Khankandi's department was
        founded."""
        extra, joined = self.extra, {}
        for record in ServiceRecord.objects.filter(employee__in=employees, move=Move.APPOINTMENT):
            joined[record.employee_id] = record.starts_on
        awards = []
        for employee in extra.sample(employees, len(employees) // 20):
            if employee.pk in self.left:
                continue  # the file of one who left ends with it
            kind = extra.choice([Award.Kind.MEDAL, Award.Kind.COMMENDATION, Award.Kind.COMMENDATION])
            title = (
                "For distinguished service in the police"
                if kind == Award.Kind.MEDAL
                else "Commendation of the Minister"
            )
            awarded = self.day(joined[employee.pk] + datetime.timedelta(days=365), datetime.date(2023, 6, 2))
            awards.append(Award(employee=employee, kind=kind, title=title, awarded_on=awarded))  # fmt: skip
        bulk_write(self.actor, Award, awards)
        commandant = Position.objects.filter(code=COMMANDANT).first()
        places = [
            ("tartar", "", datetime.date(2023, 9, 21)),
            ("khojaly", "", datetime.date(2023, 10, 16)),
            ("khankandi", "", datetime.date(2023, 10, 16)),
        ]
        investigated = set(Investigation.objects.values_list("employee_id", flat=True))
        senior = [
            e for e in self.serving(employees, places[-1][2])
            if e.rank.seniority >= self.ranks[8].seniority and e.pk not in investigated
        ]  # fmt: skip
        posts = [
            ServiceRecord(employee=employee, move=Move.TEMPORARY, temporary=True, starts_on=starts,
                          body=Body.objects.get(code=code), unit=unit, position=commandant,
                          rank=employee.rank, order_number=f"2023/K-{index + 1}")
            for index, (employee, (code, unit, starts)) in enumerate(zip(senior, places, strict=False))
            if commandant and Body.objects.filter(code=code).exists()
        ]  # fmt: skip
        bulk_write(self.actor, ServiceRecord, posts)

    def investigations(self, employees: list[Employee]) -> list[Investigation]:
        """The five years' investigations, one for each employee investigated, every one sustained and
        sanctioned by an order of the same year."""
        total = sum(scaled(n, self.scale) for n in SANCTIONED.values())
        chosen = self.rng.sample(employees, total)
        plan: list[tuple[str, str]] = []
        for sanction, n in RUDE_IN_2022.items():
            plan += [(Grounds.RUDENESS, sanction)] * scaled(n, self.scale)
        rude = {sanction: plan.count((Grounds.RUDENESS, sanction)) for sanction in SANCTIONED}
        others = [grounds for grounds in Grounds if grounds != Grounds.RUDENESS]
        for sanction, n in SANCTIONED.items():
            plan += [
                (self.rng.choice(others), sanction)
                for _ in range(max(scaled(n, self.scale) - rude[sanction], 0))
            ]
        made = []
        for employee, (grounds, sanction) in zip(chosen, plan, strict=False):
            if grounds == Grounds.RUDENESS:  # closed, and sanctioned, within 2022
                opened = self.day(datetime.date(2022, 1, 1), datetime.date(2022, 11, 25))
            else:
                opened = self.day(FIVE_YEARS[0], FIVE_YEARS[1] - datetime.timedelta(days=40))
            closed = opened + datetime.timedelta(days=self.rng.randint(5, 35))
            decided = self.rng.choice(OTHER_SANCTIONS) if sanction == "other" else sanction
            made.append(self.investigation(employee, grounds, opened, closed, Finding.SUSTAINED, decided))
        bulk_write(self.actor, Investigation, made)
        for investigation in made:
            if investigation.sanction == Sanction.DISMISSAL:
                self.left[investigation.employee_id] = investigation.order_date
        return made

    def investigations_since(self, employees: list[Employee]) -> list[Investigation]:
        """A few opened after the five years: some closed unfounded, some still open past their limit."""
        made = []
        for index in range(scaled(30, self.scale)):
            opened = self.day(datetime.date(2023, 10, 2), datetime.date(2023, 12, 20))
            employee = self.rng.choice(self.serving(employees, opened))
            closed = opened + datetime.timedelta(days=20) if index % 3 == 0 else None
            finding = Finding.UNFOUNDED if closed else ""
            made.append(
                self.investigation(employee, self.rng.choice(list(Grounds)), opened, closed, finding, "")
            )
        return bulk_write(self.actor, Investigation, made)

    def follow(self, investigations: list[Investigation], casualties: list[Casualty]) -> int:
        """The service history follows the sanctions and the deaths: dismissal and death end the service,
        a release or a demotion makes a new post (see `personnel.effects`)."""
        made = 0
        events = [(i.order_date, i) for i in investigations if i.sanction in effects.MOVE_OF]
        events += [(c.occurred_on, c) for c in casualties if c.outcome == Outcome.KILLED]
        for _day, source in sorted(events, key=lambda event: (event[0], event[1].employee_id)):
            effects.follow(self.actor, source)
            made += 1
        return made

    def investigation(self, employee, grounds, opened, closed, finding, sanction) -> Investigation:
        origin = (
            Origin.COMPLAINT
            if grounds in (Grounds.RUDENESS, Grounds.ILL_TREATMENT)
            else self.rng.choice(list(Origin))
        )
        extra = self.extra
        recommended = finding
        if finding == Finding.SUSTAINED and extra.random() < 0.04:
            recommended = Finding.NOT_SUSTAINED  # the decision went further than the inspector
        appealed = (
            closed + datetime.timedelta(days=extra.randint(3, 10))
            if sanction and extra.random() < 0.06
            else None
        )
        return Investigation(
            employee=employee,
            body=employee.body,
            grounds=grounds,
            origin=origin,
            # Every closed investigation had its inspector; half of those still open wait for one.
            inspector=self.inspector if (extra.random() < 0.5 or closed) else None,
            opened_on=opened,
            due_on=services.due_on(opened),
            closed_on=closed,
            recommended=recommended,
            finding=finding,
            sanction=sanction,
            sanction_in_force=sanction,  # no appeal below annuls or reduces one
            order_number=f"{opened.year}/D-{employee.personnel_number}" if sanction else "",
            order_date=closed if sanction else None,
            appealed_on=appealed,
            appeal_outcome=(
                extra.choice([AppealOutcome.UPHELD] * 4 + [AppealOutcome.PENDING]) if appealed else ""
            ),
        )

    def courses(self, employees: list[Employee]) -> tuple[list[Course], list[Attendance]]:
        """Human-rights courses in the five years (the Police Academy's with European experts, and abroad
        with partners), and courses by international organisations in the ten years to 11 August 2020."""
        courses: list[Course] = []
        attendances: list[tuple[int, Employee]] = []
        groups = [
            (
                self.rng.sample(employees, scaled(HUMAN_RIGHTS_TRAINED, self.scale)),
                FIVE_YEARS,
                [Topic.HUMAN_RIGHTS],
                [OrganiserKind.ACADEMY, OrganiserKind.PARTNER],
            ),
            (
                self.rng.sample(employees, scaled(INTERNATIONAL_TRAINED, self.scale)),
                INTERNATIONAL,
                INTERNATIONAL_TOPICS,
                [OrganiserKind.INTERNATIONAL],
            ),
        ]
        for people, (first, last), topics, organisers in groups:
            for start in range(0, len(people), 40):
                kind = self.rng.choice(organisers)
                organiser = self.rng.choice(ORGANISERS[kind])
                starts = self.day(first, last - datetime.timedelta(days=5))
                abroad = kind == OrganiserKind.PARTNER or (
                    kind == OrganiserKind.INTERNATIONAL and self.rng.random() < 0.3
                )
                topic = self.rng.choice(topics)
                kind_of = self.rng.choice(list(CourseKind))
                courses.append(
                    Course(
                        title=f"{kind_of.label.capitalize()}: {topic.label}",
                        kind=kind_of,
                        topic=topic,
                        organiser_kind=kind,
                        organiser=organiser,
                        body=self.ministry,
                        place=PLACES.get(organiser, "Vienna") if abroad else "Baku",
                        abroad=abroad,
                        starts_on=starts,
                        ends_on=starts + datetime.timedelta(days=self.rng.randint(0, 4)),
                        foreign_experts=kind != OrganiserKind.PARTNER,
                    )
                )
                attendances += [(len(courses) - 1, person) for person in people[start : start + 40]]
        bulk_write(self.actor, Course, courses)
        made = [
            Attendance(course=courses[index], employee=person, body=person.body)
            for index, person in attendances
            if self.left.get(person.pk, datetime.date.max) > courses[index].starts_on
        ]
        return courses, bulk_write(self.actor, Attendance, made)

    def casualties(self, employees: list[Employee]) -> list[Casualty]:
        """Those killed and injured, among the employees whom no investigation of the five years
        concerned (so that none is investigated after death)."""
        total = sum(
            scaled(killed, self.scale) + scaled(injured, self.scale)
            for _f, _l, killed, injured, *_ in CASUALTIES
        )
        investigated = set(Investigation.objects.values_list("employee_id", flat=True))
        people = iter(self.rng.sample([e for e in employees if e.pk not in investigated], total))
        made = []
        for first, last, killed, injured, circumstances, event in CASUALTIES:
            for outcome, n in ((Outcome.KILLED, killed), (Outcome.INJURED, injured)):
                for _ in range(scaled(n, self.scale)):
                    employee = next(people)
                    made.append(
                        Casualty(
                            employee=employee,
                            body=employee.body,
                            occurred_on=self.day(first, last),
                            outcome=outcome,
                            place=self.rng.choice(
                                ["Khankandi", "Shusha", "Aghdam", "Fuzuli", "Jabrayil", "Lachin"]
                            ),
                            circumstances=circumstances,
                            event=event,
                        )
                    )
        bulk_write(self.actor, Casualty, made)
        for casualty in made:
            if casualty.outcome == Outcome.KILLED:
                self.left[casualty.employee_id] = casualty.occurred_on
        return made


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    generator = Generator(rng, scale, actor)
    employees = generator.employees()
    progress(len(employees))
    investigations = generator.investigations(employees)
    casualties = generator.casualties(employees)
    investigations += generator.investigations_since(employees)
    courses, attendances = generator.courses(employees)
    generator.awards_and_commandants(employees)
    generator.follow(investigations, casualties)
    progress(len(investigations) + len(attendances) + len(casualties))
    return {
        "employees": len(employees),
        "disciplinary investigations": len(investigations),
        "courses": len(courses),
        "casualties": len(casualties),
    }


def finish(actor: Actor, rng: random.Random, scale: float) -> dict[str, int]:
    """Once every domain's records are written: each investigation begun by a citizen's complaint is
    linked to an application about police conduct, received by the employee's body in the two months before
    the investigation opened, where there is one, as the inspector would find it."""
    from precinct.appeals.models import Application

    taken = set(Investigation.objects.exclude(application=None).values_list("application_id", flat=True))
    # The complaints about police conduct read once, in the order of their keys: a query per
    # investigation grew with the register.
    complaints_received = list(
        Application.objects.filter(subject__code="police_conduct")
        .order_by("pk")
        .values_list("pk", "body__path", "received_on")
    )
    linked = 0
    complaints = Investigation.objects.filter(origin=Origin.COMPLAINT, application=None).select_related(
        "body"
    )
    for investigation in complaints.order_by("pk"):
        path, since, until = (
            investigation.body.path,
            investigation.opened_on - datetime.timedelta(days=30),
            investigation.opened_on,
        )
        candidates = [
            pk
            for pk, where, received in complaints_received
            if since <= received <= until and where.startswith(path) and pk not in taken
        ][:5]
        if not candidates:
            continue
        chosen = Application.objects.get(pk=rng.choice(candidates))
        services.edit_investigation(actor=actor, investigation=investigation, values={"application": chosen})
        taken.add(chosen.pk)
        linked += 1
    return {"investigations linked to a complaint": linked}
