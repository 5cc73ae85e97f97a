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
    register(nasimi_officer, registered_on=datetime.date(2022, 1, 1))
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


def test_a_domain_without_rollups_says_when_the_year_before_has_no_records(analyst, db):
    """Detentions and investigations are few and read from their records: their first and last days
    tell, as the cells tell for the other domains, whether the year before has anything to compare."""
    from precinct.conftest import make_user
    from precinct.core.audit import Actor
    from precinct.core.models import Via
    from precinct.core.roles import Role
    from precinct.custody.tests.test_custody import at, detained
    from precinct.personnel.tests.test_personnel import hire, opened

    keeper = Actor(make_user("keeper-no-data", Role.CUSTODY_OFFICER, ["baku-nasimi"]), Via.WEB)
    detained(keeper, at(10, 10))  # 10 March 2023, the first detention recorded
    inspector = Actor(make_user("inspector-no-data", Role.INSPECTOR, ["mia"]), Via.WEB)
    opened(inspector, hire(inspector, 39), datetime.date(2021, 12, 1))  # records from before 2022 began
    opened(inspector, hire(inspector, 40), datetime.date(2022, 3, 1))
    opened(inspector, hire(inspector, 41), datetime.date(2023, 3, 1))
    report = board_report(PERIOD, Body.objects.get(code="mia"))
    custody = next(r for r in report.sections if r.section.name == "custody").figures[0]
    assert (custody.value, custody.previous_known, custody.significant) == (1, False, None)
    personnel = next(r for r in report.sections if r.section.name == "personnel").figure(
        "personnel.investigated"
    )
    assert (personnel.value, personnel.previous, personnel.previous_known) == (1, 1, True)


def test_figures_on_conduct_and_custody_go_only_to_those_who_read_them(analyst, nasimi_officer, db):
    """A district's one-day count of disciplinary investigations or of detentions could name a person:
    the personnel section is given to inspectors, analysts and administrators, custody's to those who
    keep or oversee detentions too; nobody else sees them, in the report, its exports or the drill-down."""
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    appeals_officer = make_user("appeals-sections", Role.APPEALS_OFFICER, ["baku-nasimi"])
    inspector = make_user("inspector-sections", Role.INSPECTOR, ["mia"])
    query = {"start": "2023-01-01", "end": "2023-09-30", "body": "baku-nasimi", "format": "json"}
    expected = {
        analyst: {"personnel", "custody"},
        inspector: {"personnel", "custody"},
        nasimi_officer: {"custody"},
        appeals_officer: set(),
    }
    for user, shown in expected.items():
        answer = client_for(user).get(reverse("reports:board"), query)
        names = {section["name"] for section in answer.json()["sections"]}
        assert names & {"personnel", "custody"} == shown, user.username
        assert "crimes" in names
        drill = client_for(user).get(
            reverse("reports:records"), query | {"measure": "personnel.investigated", "format": ""}
        )
        assert drill.status_code == (200 if "personnel" in shown else 404), user.username


def test_a_year_before_only_partly_covered_by_records_is_not_compared(analyst, nasimi_officer):
    """The register began on 1 March 2022: January–September 2022 holds seven months of it, a count too
    low to compare with; March–September is covered whole."""
    register(nasimi_officer, registered_on=datetime.date(2022, 3, 1))
    register(nasimi_officer, registered_on=datetime.date(2023, 3, 1))
    registered = crime_figures(board_report(PERIOD, Body.objects.get(code="mia")))["crimes.registered"]
    assert (registered.value, registered.previous, registered.previous_known) == (1, None, False)
    march = Period(datetime.date(2023, 3, 1), datetime.date(2023, 9, 30))
    registered = crime_figures(board_report(march, Body.objects.get(code="mia")))["crimes.registered"]
    assert (registered.value, registered.previous, registered.previous_known) == (1, 1, True)


def test_a_year_in_a_gap_of_the_register_holds_no_known_zero(analyst, nasimi_officer):
    """Records in 2021 and in 2023, none in 2022: 2023 is not compared with a zero of 2022."""
    register(nasimi_officer, registered_on=datetime.date(2021, 1, 1))
    register(nasimi_officer, registered_on=datetime.date(2023, 3, 1))
    registered = crime_figures(board_report(PERIOD, Body.objects.get(code="mia")))["crimes.registered"]
    assert (registered.value, registered.previous_known) == (1, False)
    from precinct.core.measures import from_records

    with from_records():
        again = crime_figures(board_report(PERIOD, Body.objects.get(code="mia")))["crimes.registered"]
    assert (again.value, again.previous_known) == (1, False)


def test_a_domain_read_from_its_records_holds_no_known_zero_in_a_gap(analyst, db):
    """Detentions in 2021 and 2023, none in 2022: the custody figures of 2023 are not compared with a zero
    of 2022 (nor "crimes of earlier years solved" of a year the register kept nothing in)."""
    from precinct.conftest import make_user
    from precinct.core.audit import Actor
    from precinct.core.models import Via
    from precinct.core.roles import Role
    from precinct.custody.tests.test_custody import at, detained

    keeper = Actor(make_user("keeper-gap", Role.CUSTODY_OFFICER, ["baku-nasimi"]), Via.WEB)
    detained(keeper, at(10, 10) - datetime.timedelta(days=730))  # March 2021
    detained(keeper, at(12, 10))  # March 2023
    report = board_report(PERIOD, Body.objects.get(code="mia"))
    custody = next(r for r in report.sections if r.section.name == "custody").figures[0]
    assert (custody.value, custody.previous_known) == (1, False)
    earlier = crime_figures(report)["crimes.earlier_years_solved"]
    assert earlier.value == 0 and not earlier.previous_known  # no crime recorded at all
