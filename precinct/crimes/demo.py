"""The crime register's part of the demonstration dataset: a national spread of crimes for 2022–2023
whose records add up to the board meeting's figures (see `demo_plan`).

Crimes go through the crime importer (the same checks, numbering, writes, audit and rollups as a real
file); persons, searches and groups through the same bulk path and services as real records.
"""

import datetime
import random
from decimal import Decimal

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes import services
from precinct.crimes.demo_plan import (
    ARMED,
    EARLIER_YEARS_SOLVED_2023,
    OTHER_AGENCY_CATEGORIES,
    PLANS,
    PROPERTY,
    WEIGHTS,
    YearPlan,
    apportion,
    category_counts,
    scaled,
    solved_counts,
)
from precinct.crimes.importers import CrimeImporter
from precinct.crimes.models import Crime, GroupKind, Participation, PartyRole, Person, Wanted
from precinct.organisation.models import Body, BodyKind

GRAVITY_WEIGHT = {"minor": 6, "less_grave": 4, "grave": 1, "especially_grave": 0.4}
SURNAMES = [
    "Aliyev",
    "Mammadov",
    "Huseynov",
    "Hasanov",
    "Ismayilov",
    "Guliyev",
    "Abbasov",
    "Rzayev",
    "Jafarov",
    "Karimov",
    "Suleymanov",
    "Bagirov",
    "Najafov",
    "Musayev",
    "Valiyev",
    "Askarov",
]
GIVEN = {
    "m": ["Elvin", "Rashad", "Kamran", "Orkhan", "Tural", "Farid", "Ramin", "Anar", "Elchin", "Vusal"],
    "f": ["Leyla", "Aysel", "Gunel", "Nigar", "Sevinj", "Aynur", "Narmin", "Konul"],
}
PLACES = ["street", "avenue", "market", "metro station", "residential building", "shop", "park", "highway"]


class Generator:
    def __init__(self, rng: random.Random, scale: float, today: datetime.date) -> None:
        self.rng, self.scale, self.today = rng, scale, today
        self.bodies = [
            (
                body,
                3.0 if body.code.startswith("baku-") else 2.0 if body.code in {"ganja", "sumgait"} else 1.0,
            )
            for body in Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT])
        ]
        self.articles: dict[str, tuple[list[str], list[float]]] = {}
        from precinct.crimes.models import Article

        for article in Article.objects.select_related("category"):
            codes, weights = self.articles.setdefault(article.category.code, ([], []))
            codes.append(article.code)
            weights.append(GRAVITY_WEIGHT[article.gravity])

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def body(self, registered: datetime.date) -> Body:
        while True:
            body = self.rng.choices([b for b, _ in self.bodies], [w for _, w in self.bodies])[0]
            if body.founded is None or body.founded <= registered:
                return body

    def crime(self, category: str, agency: str, start, end, solved_by: datetime.date | None) -> dict:
        """A crime registered between start and end; solved by `solved_by` if given, else not by `end`."""
        end = min(end, self.today)
        registered = self.day(start, end)
        solved_on = None
        if solved_by is not None:
            solved_on = min(
                registered + datetime.timedelta(days=int(self.rng.expovariate(1 / 20))), solved_by
            )
        codes, weights = self.articles[category]
        return {
            "category": category,
            "agency": agency,
            "registered_on": registered,
            "solved_on": solved_on,
            "body": self.body(registered).code,
            "article": self.rng.choices(codes, weights)[0],
            "firearm": False,
            "damage": Decimal(self.rng.randint(50, 15_000)) if category in PROPERTY else Decimal(0),
            "compensated": Decimal(0),
        }

    def year(self, plan: YearPlan) -> list[dict]:
        jan, sep30 = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30)
        oct1, dec31 = datetime.date(plan.year, 10, 1), datetime.date(plan.year, 12, 31)
        main: list[dict] = []
        counts = category_counts(plan, self.scale)
        solved = solved_counts(plan, counts, self.scale)
        for category, count in counts.items():
            for index in range(count):
                agency = "prosecutor" if self.rng.random() < 0.08 else "police"
                main.append(
                    self.crime(category, agency, jan, sep30, sep30 if index < solved[category] else None)
                )
        others = apportion(scaled(plan.other, self.scale), dict.fromkeys(OTHER_AGENCY_CATEGORIES, 1))
        solved_others = scaled(plan.other_solved, self.scale)
        for category, count in others.items():
            for _ in range(count):
                main.append(self.crime(category, "other", jan, sep30, sep30 if solved_others > 0 else None))
                solved_others -= 1
        for crime in self.rng.sample(
            [c for c in main if c["category"] in ARMED], scaled(plan.firearm, self.scale)
        ):
            crime["firearm"] = True
        self.compensate([c for c in main if c["category"] == "petty_theft"], plan.petty_compensated)
        petty = [c for c in main if c["category"] == "petty_theft"]
        rest = [c for c in main if c["category"] != "petty_theft"]
        whole = sum(c["damage"] for c in main)
        target = plan.compensated * whole - sum(c["compensated"] for c in petty)
        self.compensate(rest, target / max(sum(c["damage"] for c in rest), Decimal(1)))
        later_end = min(dec31, self.today)
        for crime in main:  # some crimes not solved by 30 September are solved later in the year
            if crime["solved_on"] is None and self.rng.random() < 0.4 and oct1 <= later_end:
                crime["solved_on"] = self.day(oct1, later_end)
        rest_of_year = []
        if oct1 <= self.today:
            tail = apportion(scaled(plan.rest_of_year, self.scale), WEIGHTS)
            for category, count in tail.items():
                for _ in range(count):
                    crime = self.crime(
                        category, "police", oct1, dec31, later_end if self.rng.random() < 0.85 else None
                    )
                    crime["compensated"] = crime["damage"] * Decimal(self.rng.choice(["0", "0.5", "1"]))
                    rest_of_year.append(crime)
        return main + rest_of_year

    def compensate(self, crimes: list[dict], share: Decimal) -> None:
        """Compensate whole damages, solved crimes first, until `share` of the damage is paid exactly."""
        target = (sum(c["damage"] for c in crimes) * share).quantize(Decimal("0.01"))
        ordered = sorted(crimes, key=lambda c: (c["solved_on"] is None, self.rng.random()))
        for crime in ordered:
            paid = min(crime["damage"], target)
            crime["compensated"] = paid
            target -= paid
            if target <= 0:
                break

    def earlier_years(self, crimes: list[dict]) -> None:
        """Crimes of 2022 still unsolved at the end of the year, solved in January–September 2023."""
        open_2022 = [c for c in crimes if c["registered_on"].year == 2022 and c["solved_on"] is None]
        for crime in self.rng.sample(
            open_2022, min(len(open_2022), scaled(EARLIER_YEARS_SOLVED_2023, self.scale))
        ):
            crime["solved_on"] = self.day(
                datetime.date(2023, 1, 1), min(datetime.date(2023, 9, 30), self.today)
            )

    def row(self, crime: dict) -> dict[str, str]:
        solved = crime["solved_on"]
        status = "solved" if solved else self.rng.choice(["investigation", "investigation", "suspended"])
        return {
            "body": crime["body"],
            "registered_on": crime["registered_on"].isoformat(),
            "agency": crime["agency"],
            "article": crime["article"],
            "firearm": "yes" if crime["firearm"] else "no",
            "place": f"{self.rng.choice(SURNAMES)[:-2]} {self.rng.choice(PLACES)}",
            "damage": str(crime["damage"]),
            "compensated": str(crime["compensated"]),
            "status": status,
            "solved_on": solved.isoformat() if solved else "",
            "solved_with": "prosecutor" if solved and solved.year > crime["registered_on"].year else "",
        }

    def person(self, body: Body) -> Person:
        sex = self.rng.choice(["m", "f"])
        return Person(
            body=body,
            surname=self.rng.choice(SURNAMES) + ("a" if sex == "f" else ""),
            given_name=self.rng.choice(GIVEN[sex]),
            sex=sex,
            birth_date=datetime.date(
                self.rng.randint(1960, 2004), self.rng.randint(1, 12), self.rng.randint(1, 28)
            ),
            id_number="".join(self.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=7)),
        )


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    """Write the crime register's demonstration records; `progress(n)` is told of each record."""
    generator = Generator(rng, scale, datetime.date.today())
    crimes = [crime for year in sorted(PLANS) for crime in generator.year(PLANS[year])]
    generator.earlier_years(crimes)
    rng.shuffle(crimes)  # numbers follow registration order within a body and year, not categories
    crimes.sort(key=lambda crime: crime["registered_on"])
    rows = ((line, generator.row(crime)) for line, crime in enumerate(crimes, start=2))
    report = CrimeImporter(actor).run(rows, progress=progress)
    if not report.ok:
        raise RuntimeError(f"demonstration crimes refused: {report.errors[:5]}")
    searches = sum(wanted(generator, actor, PLANS[year]) for year in sorted(PLANS))
    groups = sum(criminal_groups(generator, actor, PLANS[year]) for year in sorted(PLANS))
    return {"crimes": report.written, "wanted": searches, "groups": groups, "persons": Person.objects.count()}


def solved_in(year: int, end: datetime.date):
    return Crime.objects.filter(registered_on__year=year, solved_on__lte=end).select_related("body")


def wanted(generator: Generator, actor: Actor, plan: YearPlan) -> int:
    """Searches opened in January–September; `arrested` of them end by 30 September, the rest later."""
    rng, sep30 = generator.rng, datetime.date(plan.year, 9, 30)
    candidates = list(solved_in(plan.year, sep30).filter(registered_on__lt=datetime.date(plan.year, 9, 1)))
    chosen = rng.sample(candidates, min(len(candidates), scaled(plan.wanted, generator.scale)))
    accused = bulk_write(actor, Person, [generator.person(crime.body) for crime in chosen])
    bulk_write(
        actor,
        Participation,
        [
            Participation(crime=crime, person=person, role=PartyRole.ACCUSED)
            for crime, person in zip(chosen, accused, strict=True)
        ],
    )
    arrested = scaled(plan.arrested, generator.scale)
    searches = []
    for index, (crime, person) in enumerate(zip(chosen, accused, strict=True)):
        opened = min(
            crime.registered_on + datetime.timedelta(days=rng.randint(1, 30)), sep30 - datetime.timedelta(1)
        )
        if index < arrested:
            caught = generator.day(opened, sep30)
        elif plan.year < generator.today.year:
            caught = generator.day(datetime.date(plan.year, 10, 1), datetime.date(plan.year, 12, 31))
        else:
            caught = None
        searches.append(
            Wanted(body=crime.body, person=person, crime=crime, opened_on=opened, arrested_on=caught)
        )
    bulk_write(actor, Wanted, searches)
    return len(searches)


def criminal_groups(generator: Generator, actor: Actor, plan: YearPlan) -> int:
    """`groups` general groups neutralized in January–September, with `members` members in all."""
    grave = solved_in(plan.year, datetime.date(plan.year, 9, 30)).filter(
        article__gravity__in=["grave", "especially_grave"]
    )
    return neutralize_groups(generator, actor, plan.year, plan.groups, plan.members, GroupKind.GENERAL, grave)


def neutralize_groups(generator: Generator, actor: Actor, year: int, groups: int, members: int, kind: str,
                      crimes) -> int:  # fmt: skip
    """`groups` groups of a kind, each neutralized when one of `crimes` was solved; `members` in all."""
    count = scaled(groups, generator.scale)
    if not count:
        return 0
    chosen = generator.rng.sample(list(crimes), count)
    sizes = apportion(scaled(members, generator.scale), {index: 1 for index in range(count)})
    for index, crime in enumerate(chosen):
        people = bulk_write(actor, Person, [generator.person(crime.body) for _ in range(sizes[index])])
        services.register_group(
            actor=actor,
            values={
                "body": crime.body,
                "name": f"{crime.body.name_en.split(' ')[0]} {GroupKind(kind).label} {year}-{index + 1}",
                "kind": kind,
                "neutralized_on": crime.solved_on,
            },
            members=people,
            crimes=[crime],
        )
    return count
