"""The drugs section of the board report against an independent computation over the records."""

import datetime
import random
from decimal import Decimal

from precinct.conftest import body, make_user, register
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.models import Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.crimes.models import Article, Participation, PartyRole, Person
from precinct.drugs import services
from precinct.drugs.models import PreventionEvent, Seizure, Substance
from precinct.drugs.units import MASS
from precinct.reports.engine import board_report

H1 = Period(datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))


def figures(period: Period, code: str) -> dict:
    report = board_report(period, body(code))
    return {
        f.measure.name: f.value for f in next(r for r in report.sections if r.section.name == "drugs").figures
    }


def test_the_drugs_figures_agree_with_an_independent_computation(db):
    chance = random.Random(3)
    officers = {code: make_user(code, Role.OFFICER, [code]) for code in ("baku-nasimi", "ganja")}
    substances = list(Substance.objects.all())
    for _ in range(80):
        code = chance.choice(list(officers))
        unit = chance.choice([*MASS, "tablet", "ml"])
        services.register_seizure(
            actor=Actor(officers[code], Via.WEB),
            values={
                "seized_on": datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(700)),
                "body": body(code),
                "substance": chance.choice(substances),
                "quantity": Decimal(chance.randint(1, 900_000)) / 1000,
                "unit": unit,
                "found_by": "search",
            },
        )
    PreventionEvent.objects.create(
        held_on=datetime.date(2023, 3, 1),
        body=body("ganja"),
        venue="school",
        place="School No. 5",
        topic="Harm",
    )
    drug_crime = register(
        officers["ganja"],
        body=body("ganja"),
        registered_on=datetime.date(2023, 2, 1),
        article=Article.objects.filter(category__code="drug_trafficking").first(),
    )
    person = Person.objects.create(body=body("ganja"), surname="Quliyev", given_name="Anar")
    Participation.objects.create(crime=drug_crime, person=person, role=PartyRole.ACCUSED)
    for period in (H1, H1.comparison, Period(datetime.date(2023, 2, 10), datetime.date(2023, 5, 20))):
        for code, codes in (
            ("mia", ["baku-nasimi", "ganja"]),
            ("baku", ["baku-nasimi"]),
            ("ganja", ["ganja"]),
        ):
            inside = Seizure.objects.filter(body__code__in=codes, seized_on__range=(period.start, period.end))
            expected = {}
            for klass in ("narcotic", "psychotropic", "precursor"):
                total = Decimal(0)
                for seizure in inside.filter(substance__substance_class=klass).select_related("substance"):
                    if seizure.unit in MASS:  # kept to the milligram
                        total += (seizure.quantity * MASS[seizure.unit]).quantize(Decimal("0.001"))
                    elif seizure.unit == "ml" and seizure.substance.density:
                        total += (seizure.quantity * seizure.substance.density).quantize(Decimal("0.001"))
                expected[f"drugs.{klass}_mass"] = total
            engine = figures(period, code)
            for name, value in expected.items():
                assert engine[name] == value, (period, code, name)
            with from_records():
                assert figures(period, code) == engine
    assert figures(H1, "mia")["drugs.prevention_events"] == 1
    assert figures(H1, "ganja")["drugs.prosecuted"] == 1 and figures(H1, "baku")["drugs.prosecuted"] == 0
