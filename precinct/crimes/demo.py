"""The crime register's part of the demonstration dataset: a national spread of crimes for 2022–2023.

Crimes go through the crime importer (the same checks, numbering, writes and audit as a real file);
persons, searches and groups through the same bulk path and services as real records.
"""

import datetime
import random
from decimal import Decimal

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes import services
from precinct.crimes.importers import CrimeImporter
from precinct.crimes.models import Article, Crime, GroupKind, Participation, PartyRole, Person, Status, Wanted
from precinct.organisation.models import Body, BodyKind

YEARS = (2022, 2023)
CRIMES_PER_YEAR = 36_000

# Relative frequency of each category among registered crimes.
CATEGORY_WEIGHTS = {
    "theft": 24,
    "petty_theft": 8,
    "fraud": 12,
    "drug_trafficking": 16,
    "hooliganism": 4,
    "traffic": 5,
    "grievous_bodily_harm": 1.5,
    "bodily_harm": 3,
    "robbery": 1.5,
    "brigandage": 0.4,
    "extortion": 0.8,
    "carjacking": 0.5,
    "murder": 0.7,
    "firearms": 2.5,
    "embezzlement": 3,
    "bribery": 1.2,
    "cybercrime": 3,
    "property_damage": 2,
    "kidnapping": 0.1,
    "human_trafficking": 0.2,
    "sexual_violence": 0.4,
    "other": 9,
}
PROPERTY = {
    "theft",
    "petty_theft",
    "fraud",
    "robbery",
    "brigandage",
    "extortion",
    "carjacking",
    "embezzlement",
    "property_damage",
    "cybercrime",
}
SEASON = [0.92, 0.88, 0.98, 1.0, 1.04, 1.06, 1.1, 1.1, 1.04, 0.98, 0.94, 0.96]
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
    "Quliyev",
    "Musayev",
    "Valiyev",
]
GIVEN = [
    "Elvin",
    "Rashad",
    "Kamran",
    "Orkhan",
    "Tural",
    "Farid",
    "Ramin",
    "Anar",
    "Elchin",
    "Vusal",
    "Leyla",
    "Aysel",
    "Gunel",
    "Nigar",
    "Sevinj",
    "Aynur",
]
PLACES = ["street", "avenue", "market", "metro station", "residential building", "shop", "park", "highway"]


def department_weights() -> list[tuple[Body, float]]:
    """City and district departments, Baku's and the big cities' weighted by their population."""
    weights = []
    for body in Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT]):
        weight = 3.0 if body.code.startswith("baku-") else 2.0 if body.code in {"ganja", "sumgait"} else 1.0
        weights.append((body, weight))
    return weights


def crime_rows(rng: random.Random, scale: float, today: datetime.date):
    """Rows for the crime importer, as a file would give them."""
    departments = department_weights()
    articles: dict[str, list[str]] = {}
    for code, category in Article.objects.values_list("code", "category__code"):
        articles.setdefault(category, []).append(code)
    categories = [c for c in CATEGORY_WEIGHTS if c in articles]
    category_weights = [CATEGORY_WEIGHTS[c] for c in categories]
    line = 1
    for year in YEARS:
        for month in range(1, 13):
            count = round(CRIMES_PER_YEAR * scale * SEASON[month - 1] / 12)
            last_day = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
            for _ in range(count):
                registered = datetime.date(year, month, rng.randint(1, last_day))
                if registered > today:
                    continue
                body = pick_body(rng, departments, registered)
                category = rng.choices(categories, category_weights)[0]
                line += 1
                yield line, crime_row(rng, body, category, rng.choice(articles[category]), registered, today)


def pick_body(rng: random.Random, departments, registered: datetime.date) -> Body:
    while True:
        body = rng.choices([b for b, _w in departments], [w for _b, w in departments])[0]
        if body.founded is None or body.founded <= registered:
            return body


def crime_row(
    rng, body: Body, category: str, article: str, registered: datetime.date, today
) -> dict[str, str]:
    agency = rng.choices(["police", "prosecutor", "other"], [88, 9, 3])[0]
    solved = rng.random() < (0.9 if agency != "other" else 0.6)
    solved_on = registered + datetime.timedelta(days=int(rng.expovariate(1 / 25)))
    if solved_on > today:
        solved = False
    damage = Decimal(0)
    compensated = Decimal(0)
    if category in PROPERTY:
        damage = Decimal(rng.randint(5_000, 1_500_000)) / 100
        if solved:
            share = 0.93 if category == "petty_theft" else rng.choice([0, 0.5, 1, 1, 1])
            compensated = (damage * Decimal(str(share))).quantize(Decimal("0.01"))
    return {
        "body": body.code,
        "registered_on": registered.isoformat(),
        "agency": agency,
        "article": article,
        "place": f"{rng.choice(SURNAMES)[:-2]} {rng.choice(PLACES)}",
        "firearm": "yes" if category in {"firearms", "murder", "brigandage"} and rng.random() < 0.5 else "no",
        "damage": str(damage),
        "compensated": str(compensated),
        "status": "solved" if solved else rng.choice(["investigation", "investigation", "suspended"]),
        "solved_on": solved_on.isoformat() if solved else "",
        "solved_with": "prosecutor" if solved and rng.random() < 0.05 else "",
    }


def new_person(rng: random.Random, body: Body) -> Person:
    sex = rng.choice(["m", "f"])
    given = rng.choice(GIVEN[:10] if sex == "m" else GIVEN[10:])
    surname = rng.choice(SURNAMES) + ("a" if sex == "f" else "")
    birth = datetime.date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
    return Person(
        body=body,
        surname=surname,
        given_name=given,
        birth_date=birth,
        sex=sex,
        id_number="".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=7)),
    )


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    """Write the crime register's demonstration records; `progress(n)` is told of each row."""
    today = datetime.date.today()
    importer = CrimeImporter(actor)
    report = importer.run(crime_rows(rng, scale, today), progress=progress)
    if not report.ok:
        raise RuntimeError(f"demonstration crimes refused: {report.errors[:5]}")
    solved = list(Crime.objects.filter(status=Status.SOLVED).select_related("body").order_by("id"))
    accused_crimes = rng.sample(solved, min(len(solved), int(3000 * scale)))
    persons = bulk_write(actor, Person, [new_person(rng, crime.body) for crime in accused_crimes])
    bulk_write(
        actor,
        Participation,
        [
            Participation(crime=crime, person=person, role=PartyRole.ACCUSED)
            for crime, person in zip(accused_crimes, persons, strict=True)
        ],
    )
    searches = []
    for crime, person in list(zip(accused_crimes, persons, strict=True))[: int(1200 * scale)]:
        opened = crime.registered_on + datetime.timedelta(days=rng.randint(1, 60))
        arrested = opened + datetime.timedelta(days=rng.randint(1, 200))
        if opened > today:
            continue
        searches.append(
            Wanted(
                body=crime.body,
                person=person,
                crime=crime,
                opened_on=opened,
                arrested_on=arrested if rng.random() < 0.83 and arrested <= today else None,
            )
        )
    bulk_write(actor, Wanted, searches)
    groups = 0
    for index in range(int(240 * scale)):
        crime = rng.choice(solved)
        members = bulk_write(actor, Person, [new_person(rng, crime.body) for _ in range(rng.randint(2, 4))])
        kind = GroupKind.DRUG if crime.article.category.code == "drug_trafficking" else GroupKind.GENERAL
        services.register_group(
            actor=actor,
            values={
                "body": crime.body,
                "name": f"Group {crime.body.code}-{index + 1}",
                "kind": kind,
                "neutralized_on": crime.solved_on,
            },
            members=members,
            crimes=[crime],
        )
        groups += 1
    return {
        "crimes": report.written,
        "persons": Person.objects.count(),
        "wanted": len(searches),
        "groups": groups,
    }
