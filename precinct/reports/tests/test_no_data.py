"""A comparison with a period that has no records says so, instead of announcing a rise from zero."""

import datetime

from django.urls import reverse

from precinct.conftest import client_for, register
from precinct.core.periods import Period
from precinct.organisation.models import Body
from precinct.reports.engine import board_report

PERIOD = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))


def crime_figures(report) -> dict:
    return {figure.measure.name: figure for figure in report.sections[0].figures}


def test_earlier_years_solved_against_a_year_with_no_earlier_records(analyst, nasimi_officer):
    register(nasimi_officer, registered_on=datetime.date(2022, 3, 1), status="solved",
             solved_on=datetime.date(2023, 2, 1))  # fmt: skip
    register(nasimi_officer, registered_on=datetime.date(2022, 4, 1))
    figures = crime_figures(board_report(PERIOD, Body.objects.get(code="mia")))
    earlier = figures["crimes.earlier_years_solved"]
    # Records begin in 2022: "earlier years" of 2022 have none, so there is nothing to compare with.
    assert (earlier.value, earlier.previous, earlier.previous_known) == (1, None, False)
    assert earlier.change is None and earlier.significant is None
    assert figures["crimes.registered"].previous_known and figures["crimes.registered"].previous == 2
    page = client_for(analyst).get(reverse("reports:board"), {"start": "2023-01-01", "end": "2023-09-30"})
    assert "no data" in page.content.decode()
    assert (
        board_report(PERIOD, Body.objects.get(code="mia")).as_dict()["sections"][0]["figures"][4][
            "previous_known"
        ]
        is False
    )
