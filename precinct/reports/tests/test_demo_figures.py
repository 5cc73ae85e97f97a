"""The demonstration dataset, aggregated by the engine, states the board meeting's figures (DESIGN §4)."""

import datetime
import io
from decimal import Decimal

from django.core.management import call_command

from precinct.core.periods import Period
from precinct.organisation.models import Body
from precinct.reports.engine import board_report


def percent(value) -> str:
    return f"{Decimal(value) * 100:.1f}"


def test_the_nine_month_board_report_states_the_seed_figures(administrator):
    call_command("demo-data", user="admin", stdout=io.StringIO(), stderr=io.StringIO())
    report = board_report(
        Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30)), Body.objects.get(code="mia")
    )
    crime = report.sections[0]
    figures = {figure.measure.name: figure for figure in crime.figures}
    value = {name: figure.value for name, figure in figures.items()}

    assert percent(value["crimes.solved_share"]) == "86.8"
    assert value["crimes.registered_mia_po"] == 26_778
    assert percent(value["crimes.solved_share_mia_po"]) == "88.6"
    assert value["crimes.earlier_years_solved"] == 336
    assert (value["crimes.groups_neutralized"], value["crimes.group_members_neutralized"]) == (178, 466)
    assert percent(value["crimes.wanted_arrested_share"]) == "83.3"
    assert percent(value["crimes.damage_compensated_share"]) == "79.0"
    assert percent(value["crimes.petty_theft_compensated_share"]) == "93.1"
    assert figures["crimes.firearm"].direction == "down"

    by_category = {label: row for label, row in crime.tables[0].rows}
    names = {row[0].measure.name.split(".")[2]: row for row in by_category.values()}
    for category in ("grievous_bodily_harm", "hooliganism", "robbery", "fraud", "extortion", "carjacking"):
        assert names[category][1].direction == "up", f"solving of {category} should have risen"
    for category in ("theft", "robbery", "hooliganism", "carjacking"):
        assert names[category][0].direction == "down", f"{category} should have fallen"
