"""The drugs' part of the demonstration dataset for 2022 and 2023: seizures, drug-related groups, the
accused of drug crimes and prevention events, such that the board report for January–September 2023
states the board meeting's figures: 4 tons 18 kilograms of narcotic drugs (1 ton 19 kilograms more than
a year before) and 343 kilograms of psychotropic substances seized, 110 groups with 244 members
neutralized, 6,344 people prosecuted, 1,028 prevention events.

Masses are apportioned in milligrams, so that the seizures add up exactly; each seizure is normalized
and graded by the service's own function and written through the bulk path with its audit entry.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes.demo import Generator, neutralize_groups, solved_in
from precinct.crimes.demo_plan import apportion, scaled
from precinct.crimes.models import Crime, GroupKind, Participation, PartyRole, Person
from precinct.drugs.measures import DRUG_CATEGORY
from precinct.drugs.models import FoundBy, PreventionEvent, Seizure, Substance, Venue
from precinct.drugs.services import measured


@dataclass(frozen=True)
class YearPlan:
    year: int
    narcotic_kg: int  # seized in January–September
    psychotropic_kg: int
    groups: int
    members: int
    prosecuted: int
    events: int


PLANS = {
    2022: YearPlan(
        2022, narcotic_kg=2_999, psychotropic_kg=298, groups=97, members=221, prosecuted=6_102, events=951
    ),
    2023: YearPlan(
        2023, narcotic_kg=4_018, psychotropic_kg=343, groups=110, members=244, prosecuted=6_344, events=1_028
    ),
}
SEIZURES = {"narcotic": 2_600, "psychotropic": 900}  # seizures of each class in nine months
TOPICS = [
    "The harm of drug use",
    "Synthetic drugs and the law",
    "Where to turn for help",
    "Online drug sales",
]


def split_mass(rng: random.Random, milligrams: int, count: int) -> list[int]:
    """Masses in milligrams, most small and a few large hauls, adding up to exactly `milligrams`."""
    weights = {index: rng.paretovariate(1.2) for index in range(count)}
    return [mass for mass in apportion(milligrams, weights).values() if mass > 0]


def entered(milligrams: int) -> tuple[str, str]:
    """How an officer would have entered a mass: whole kilograms as kg, otherwise grams."""
    if milligrams >= 1_000_000 and milligrams % 1_000_000 == 0:
        return f"{milligrams // 1_000_000}", "kg"
    return f"{Decimal(milligrams).scaleb(-3):f}", "g"


def seizures(generator: Generator, plan: YearPlan, substances: dict[str, list[Substance]]) -> list[Seizure]:
    rng, scale = generator.rng, generator.scale
    jan1, sep30 = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30)
    drug_crimes = list(
        Crime.objects.filter(
            registered_on__range=(jan1, sep30), article__category__code=DRUG_CATEGORY
        ).values_list("pk", "body_id", "registered_on")
    )
    found = []
    for klass, kilograms in (("narcotic", plan.narcotic_kg), ("psychotropic", plan.psychotropic_kg)):
        masses = split_mass(rng, scaled(kilograms, scale) * 1_000_000, max(1, scaled(SEIZURES[klass], scale)))
        for milligrams in masses:
            crime, body_id, registered = rng.choice(drug_crimes) if drug_crimes else (None, None, None)
            quantity, unit = entered(milligrams)
            found.append(
                Seizure(
                    seized_on=registered or generator.day(jan1, sep30),
                    body_id=body_id or generator.body(jan1).pk,
                    place="",
                    crime_id=crime,
                    substance=rng.choice(substances[klass]),
                    quantity=quantity,
                    unit=unit,
                    found_by=rng.choice(list(FoundBy)),
                )
            )
    # Tablets are counted, not weighed: they add to the seizures but never to the mass.
    tramadol = next(s for s in substances["psychotropic"] if s.code == "tramadol")
    for _ in range(scaled(120, scale)):
        found.append(
            Seizure(
                seized_on=generator.day(jan1, sep30),
                body=generator.body(jan1),
                substance=tramadol,
                quantity=rng.randint(10, 500),
                unit="tablet",
                found_by=FoundBy.SEARCH,
            )
        )
    for seizure in found:
        measured(seizure)
    return found


def accused(generator: Generator, actor: Actor, plan: YearPlan) -> int:
    """The accused of the drug crimes registered in January–September, `prosecuted` people in all
    (counting those the crime register's searches already made accused)."""
    jan1, sep30 = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30)
    crimes = list(
        Crime.objects.filter(
            registered_on__range=(jan1, sep30), article__category__code=DRUG_CATEGORY
        ).select_related("body")
    )
    already = (
        Participation.objects.filter(role=PartyRole.ACCUSED, crime__in=crimes)
        .values("person")
        .distinct()
        .count()
    )
    wanted = max(0, scaled(plan.prosecuted, generator.scale) - already)
    chosen = [crimes[index % len(crimes)] for index in range(wanted)] if crimes else []
    people = bulk_write(actor, Person, [generator.person(crime.body) for crime in chosen])
    bulk_write(
        actor,
        Participation,
        [
            Participation(crime=crime, person=person, role=PartyRole.ACCUSED)
            for crime, person in zip(chosen, people, strict=True)
        ],
    )
    return wanted


def events(generator: Generator, plan: YearPlan) -> list[PreventionEvent]:
    jan1, sep30 = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30)
    rng = generator.rng
    return [
        PreventionEvent(
            held_on=generator.day(jan1, sep30),
            body=generator.body(jan1),
            venue=rng.choices([Venue.SCHOOL, Venue.UNIVERSITY, Venue.COLLEGE], [6, 2, 2])[0],
            place=f"School No. {rng.randint(1, 320)}",
            audience=rng.randint(30, 400),
            topic=rng.choice(TOPICS),
        )
        for _ in range(scaled(plan.events, generator.scale))
    ]


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    generator = Generator(rng, scale, datetime.date.today())
    substances: dict[str, list[Substance]] = {}
    for substance in Substance.objects.all():
        substances.setdefault(substance.substance_class, []).append(substance)
    totals = {"seizures": 0, "drug groups": 0, "accused of drug crimes": 0, "prevention events": 0}
    for year in sorted(PLANS):
        plan = PLANS[year]
        written = bulk_write(actor, Seizure, seizures(generator, plan, substances))
        totals["seizures"] += len(written)
        drug_crimes = solved_in(year, datetime.date(year, 9, 30)).filter(
            article__category__code=DRUG_CATEGORY
        )
        totals["drug groups"] += neutralize_groups(
            generator, actor, year, plan.groups, plan.members, GroupKind.DRUG, drug_crimes
        )
        totals["accused of drug crimes"] += accused(generator, actor, plan)
        totals["prevention events"] += len(bulk_write(actor, PreventionEvent, events(generator, plan)))
        progress(len(written))
    return totals
