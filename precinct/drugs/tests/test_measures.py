"""The drugs section of the board report against an independent computation over the records."""

import datetime
import random
from decimal import Decimal

from django.urls import reverse

from precinct.conftest import body, client_for, make_user, register
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.models import Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.crimes.models import Article, CriminalGroup, GroupKind, Participation, PartyRole, Person
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


def test_groups_people_prosecuted_and_events_agree_with_an_independent_computation(analyst):
    """Random drug groups, accused (some in two crimes), and events at every kind of venue: the figures
    and the records listed behind them agree with a count made here."""
    chance = random.Random(7)
    officer = make_user("feeder", Role.OFFICER, ["mia"])
    codes = ["baku-nasimi", "ganja"]
    drug_articles = list(Article.objects.filter(category__code="drug_trafficking"))
    people = [Person.objects.create(body=body(chance.choice(codes)), surname=f"P{n}") for n in range(30)]
    crimes = []
    for _ in range(25):
        crime = register(
            officer,
            body=body(chance.choice(codes)),
            registered_on=datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(600)),
            article=chance.choice(drug_articles),
        )
        crimes.append(crime)
        for person in chance.sample(people, chance.randint(0, 3)):
            Participation.objects.create(crime=crime, person=person, role=PartyRole.ACCUSED)
    for n in range(12):
        group = CriminalGroup.objects.create(
            body=body(chance.choice(codes)),
            name=f"G{n}",
            kind=chance.choice([GroupKind.DRUG, GroupKind.GENERAL]),
            neutralized_on=datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(600)),
        )
        group.members.set(chance.sample(people, chance.randint(0, 5)))
    for _ in range(40):
        PreventionEvent.objects.create(
            held_on=datetime.date(2022, 1, 1) + datetime.timedelta(days=chance.randrange(600)),
            body=body(chance.choice(codes)),
            venue=chance.choice(["school", "university", "college", "other"]),
            place="Hall",
            topic="Harm",
        )
    client = client_for(analyst)
    for period in (H1, H1.comparison, Period(datetime.date(2022, 3, 10), datetime.date(2023, 7, 20))):
        for code, inside in (("mia", codes), ("ganja", ["ganja"])):
            within = {"body__code__in": inside}
            drug_groups = [
                g
                for g in CriminalGroup.objects.filter(kind=GroupKind.DRUG, **within)
                if period.start <= g.neutralized_on <= period.end
            ]
            accused = {
                p.person_id
                for p in Participation.objects.filter(role=PartyRole.ACCUSED).select_related("crime__body")
                if p.crime.body.code in inside
                and p.crime.article.category.code == "drug_trafficking"
                and period.start <= p.crime.registered_on <= period.end
            }
            events = [
                e
                for e in PreventionEvent.objects.filter(**within)
                if e.venue != "other" and period.start <= e.held_on <= period.end
            ]
            engine = figures(period, code)
            assert engine["drugs.groups_neutralized"] == len(drug_groups), (period, code)
            assert engine["drugs.group_members"] == len({m.pk for g in drug_groups for m in g.members.all()})
            assert engine["drugs.prosecuted"] == len(accused), (period, code)
            assert engine["drugs.prevention_events"] == len(events), (period, code)
            listed = client.get(
                reverse("reports:records"),
                {"start": period.start, "end": period.end, "body": code, "measure": "drugs.prosecuted"},
            )
            assert sorted(p.person_id for p in listed.context["page_obj"]) == sorted(accused)
