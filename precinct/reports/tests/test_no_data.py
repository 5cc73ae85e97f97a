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
    register(nasimi_officer, registered_on=datetime.date(2022, 1, 10), status="solved",
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


def test_a_comparison_period_that_began_before_the_records_did_has_no_data(nasimi_officer):
    """The last 365 days to 17 September 2023 against the 365 before, which began in September 2021:
    records began in January 2022, so the earlier window is not all there, and no rise is announced."""
    for month in range(1, 13):
        register(nasimi_officer, registered_on=datetime.date(2022, month, 5))
    register(nasimi_officer, registered_on=datetime.date(2023, 3, 5))
    window = Period(datetime.date(2022, 9, 18), datetime.date(2023, 9, 17))
    registered = crime_figures(board_report(window, Body.objects.get(code="mia")))["crimes.registered"]
    assert registered.value == 4 and (registered.previous, registered.previous_known) == (None, False)
    whole = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 17))
    assert crime_figures(board_report(whole, Body.objects.get(code="mia")))[
        "crimes.registered"
    ].previous_known
