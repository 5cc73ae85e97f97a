"""The engine's figures equal an independent computation over the records, for random datasets."""

import datetime
from decimal import Decimal

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from precinct.conftest import body
from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.core.measures import Figure, Scope, Unit
from precinct.core.periods import Period
from precinct.core.rollups import rollups
from precinct.crimes import measures
from precinct.crimes.models import Agency, Article, Crime
from precinct.reports.engine import board_report

BODIES = ["baku-nasimi", "baku-yasamal", "ganja"]
ARTICLES = ["177.1", "177.2.1", "178.1", "179.1", "221.1", "126.1", "234.1"]
START = datetime.date(2021, 1, 1)


@st.composite
def crime_rows(draw):
    registered = START + datetime.timedelta(days=draw(st.integers(0, 3 * 365)))
    solved_after = draw(st.one_of(st.none(), st.integers(0, 400)))
    solved = registered + datetime.timedelta(days=solved_after) if solved_after is not None else None
    damage = Decimal(draw(st.integers(0, 500_000))) / 100
    return {
        "body": draw(st.sampled_from(BODIES)),
        "article": draw(st.sampled_from(ARTICLES)),
        "agency": draw(st.sampled_from(Agency.values)),
        "registered_on": registered,
        "solved_on": solved if solved and solved <= datetime.date(2024, 6, 30) else None,
        "firearm": draw(st.booleans()),
        "damage": damage,
        "compensated": (damage * draw(st.sampled_from([0, Decimal("0.5"), 1]))).quantize(Decimal("0.01")),
    }


@st.composite
def periods(draw):
    year = draw(st.integers(2022, 2023))
    if draw(st.booleans()):  # whole months: the rollup serves
        first, last = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2)))
        end = datetime.date(year + last // 12, last % 12 + 1, 1) - datetime.timedelta(days=1)
        return Period(datetime.date(year, first, 1), end)
    start = datetime.date(year, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 300)))
    return Period(start, start + datetime.timedelta(days=draw(st.integers(0, 60))))


def write(rows: list[dict], actor: Actor) -> None:
    articles = {article.code: article for article in Article.objects.all()}
    crimes = []
    for number, row in enumerate(rows, start=1):
        crimes.append(
            Crime(
                body=body(row["body"]),
                article=articles[row["article"]],
                agency=row["agency"],
                registered_on=row["registered_on"],
                year=row["registered_on"].year,
                number=1000 + number,
                status="solved" if row["solved_on"] else "investigation",
                solved_on=row["solved_on"],
                firearm=row["firearm"],
                damage=row["damage"],
                compensated=row["compensated"],
            )
        )
    bulk_write(actor, Crime, crimes)


def independent(rows: list[dict], period: Period, within: str, **filters) -> dict:
    """The figures, computed here from the rows as given, with none of the engine's code."""
    path = body(within).path
    paths = {code: body(code).path for code in BODIES}
    categories = {a.code: (a.category.code, a.gravity) for a in Article.objects.select_related("category")}

    def keep(row):
        category, gravity = categories[row["article"]]
        return (
            paths[row["body"]].startswith(path)
            and (not filters.get("category") or category == filters["category"])
            and (not filters.get("agency") or row["agency"] in filters["agency"])
        )

    mine = [row for row in rows if keep(row)]
    current = [row for row in mine if period.start <= row["registered_on"] <= period.end]
    solved = [row for row in current if row["solved_on"] and row["solved_on"] <= period.end]
    earlier = [
        row
        for row in mine
        if row["registered_on"].year < period.start.year
        and row["solved_on"]
        and period.start <= row["solved_on"] <= period.end
    ]
    damage = sum(row["damage"] for row in current)
    return {
        "registered": len(current),
        "solved_share": Decimal(len(solved)) / len(current) if current else None,
        "earlier": len(earlier),
        "firearm": sum(1 for row in current if row["firearm"]),
        "compensated_share": sum(row["compensated"] for row in current) / damage if damage else None,
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(crime_rows(), max_size=60),
    period=periods(),
    within=st.sampled_from(["mia", "baku", "ganja"]),
    agencies=st.sampled_from([(), (Agency.POLICE, Agency.PROSECUTOR)]),
    category=st.sampled_from(["", "theft", "fraud"]),
)
def test_the_engine_agrees_with_the_records(administrator, rows, period, within, agencies, category):
    with transaction.atomic():
        write(rows, Actor.cli(administrator))
        filters = {key: value for key, value in (("agency", agencies), ("category", category)) if value}
        scope = Scope(body(within), tuple(filters.items()))
        expected = independent(rows, period, within, **filters)
        assert measures.REGISTERED.value(period, scope) == expected["registered"]
        assert measures.SOLVED_SHARE.value(period, scope) == expected["solved_share"]
        assert measures.EARLIER_YEARS_SOLVED.value(period, scope) == expected["earlier"]
        assert measures.FIREARM.value(period, scope) == expected["firearm"]
        got = measures.COMPENSATED.value(period, scope)
        assert (got is None and expected["compensated_share"] is None) or got == expected["compensated_share"]
        transaction.set_rollback(True)


def test_the_rollups_stay_in_step_with_every_kind_of_write(administrator):
    from precinct.conftest import register
    from precinct.crimes import services

    actor = Actor.cli(administrator)
    first = register(administrator)
    second = register(administrator, registered_on=datetime.date(2022, 12, 30))
    services.edit_crime(
        actor=actor,
        crime=first,
        values={
            "status": "solved",
            "solved_on": datetime.date(2023, 5, 1),
            "body": body("ganja"),
            "damage": Decimal("99.99"),
        },
    )
    services.delete_crime(actor=actor, crime=second)
    write(
        [
            {
                "body": "ganja",
                "article": "178.1",
                "agency": "prosecutor",
                "registered_on": datetime.date(2023, 1, 9),
                "solved_on": None,
                "firearm": True,
                "damage": Decimal(5),
                "compensated": Decimal(0),
            }
        ],
        actor,
    )
    for rollup in rollups():
        assert rollup.differences() == []


def test_an_empty_period_shows_no_share(db):
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
    report = board_report(period, body("khankandi"))
    figures = {figure.measure.name: figure for figure in report.sections[0].figures}
    assert figures["crimes.registered"].value == 0
    assert figures["crimes.solved_share"].value is None and figures["crimes.solved_share"].change is None


def test_the_comparison_period_of_a_leap_day():
    assert Period(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)).comparison == Period(
        datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)
    )
    assert Period(datetime.date(2024, 2, 29), datetime.date(2024, 3, 5)).comparison.start == datetime.date(
        2023, 2, 28
    )
    assert Period(datetime.date(2025, 1, 1), datetime.date(2025, 2, 28)).comparison.end == datetime.date(
        2024, 2, 29
    )


def test_a_small_change_is_not_called_significant():
    from precinct.crimes.measures import REGISTERED

    assert Figure(REGISTERED, 3, 2).significant is False
    assert Figure(REGISTERED, 400, 300).significant is True
    assert REGISTERED.unit == Unit.COUNT


def test_the_rollups_and_the_records_give_the_same_report(administrator):
    import io

    from django.core.management import call_command

    from precinct.core.measures import from_records

    call_command("demo-data", user="admin", scale=0.02, stdout=io.StringIO(), stderr=io.StringIO())
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    for code in ("mia", "baku", "ganja"):
        from_rollups = board_report(period, body(code)).as_dict()
        with from_records():
            assert board_report(period, body(code)).as_dict() == from_rollups
