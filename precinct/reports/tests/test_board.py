"""The board report page, its exports and the records behind its figures, within the user's reach."""

import datetime
import io
import json

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from precinct.conftest import body, client_for, register
from precinct.crimes.models import Status

NINE_MONTHS = {"start": "2023-01-01", "end": "2023-09-30"}


def seed(nasimi_officer, ganja_officer) -> None:
    register(
        nasimi_officer,
        registered_on=datetime.date(2023, 2, 1),
        status=Status.SOLVED,
        solved_on=datetime.date(2023, 3, 1),
        firearm=True,
    )
    register(nasimi_officer, registered_on=datetime.date(2022, 1, 1))  # the register's first day
    register(ganja_officer, body=body("ganja"), registered_on=datetime.date(2023, 4, 1), firearm=True)


def figures(response) -> dict:
    report = response.context["report"]
    return {figure.measure.name: figure for result in report.sections for figure in result.figures}


def test_a_district_officers_report_covers_only_their_district(nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    response = client_for(nasimi_officer).get(reverse("reports:board"), NINE_MONTHS)
    assert response.context["report"].body.code == "baku-nasimi"
    found = figures(response)
    assert (found["crimes.registered"].value, found["crimes.registered"].previous) == (1, 1)
    assert found["crimes.firearm"].value == 1
    assert (
        client_for(nasimi_officer).get(reverse("reports:board"), NINE_MONTHS | {"body": "ganja"}).status_code
        == 400
    )


def test_the_analyst_sees_the_national_report(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    found = figures(client_for(analyst).get(reverse("reports:board"), NINE_MONTHS))
    assert found["crimes.registered"].value == 2 and found["crimes.firearm"].value == 2
    assert found["crimes.solved_share"].value == 0.5


def test_a_drill_down_never_lists_a_record_out_of_reach(nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(nasimi_officer)
    # The records behind a figure are those of the body asked for, and only those in reach.
    response = client.get(
        reverse("reports:records"), NINE_MONTHS | {"measure": "crimes.firearm", "body": "baku-nasimi"}
    )
    assert [crime.body.code for crime in response.context["page_obj"]] == ["baku-nasimi"]
    previous = client.get(
        reverse("reports:records"), NINE_MONTHS | {"measure": "crimes.registered", "previous": "1"}
    )
    assert [crime.registered_on.year for crime in previous.context["page_obj"]] == [2022]


def test_the_exports_hold_the_same_figures_as_the_page(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(analyst)
    page = figures(client.get(reverse("reports:board"), NINE_MONTHS))
    exported = json.loads(client.get(reverse("reports:board"), NINE_MONTHS | {"format": "json"}).content)
    from_json = {f["measure"]: f for section in exported["sections"] for f in section["figures"]}
    assert from_json["crimes.registered"]["value"] == page["crimes.registered"].value
    assert from_json["crimes.solved_share"]["value"] == float(page["crimes.solved_share"].value)
    book = load_workbook(
        io.BytesIO(client.get(reverse("reports:board"), NINE_MONTHS | {"format": "xlsx"}).content)
    )
    rows = {row[1]: row for row in book.worksheets[0].iter_rows(min_row=3, values_only=True)}
    assert rows["crimes.registered"][2:4] == (2, 1)
    assert rows["crimes.solved_share"][2] == 0.5


def test_the_command_line_writes_the_json_report(nasimi_officer, ganja_officer, tmp_path):
    seed(nasimi_officer, ganja_officer)
    out = tmp_path / "board.json"
    call_command(
        "report",
        "board",
        "--from",
        "2023-01-01",
        "--to",
        "2023-09-30",
        "--body",
        "baku",
        "--format",
        "json",
        "-o",
        str(out),
        stdout=io.StringIO(),
    )
    report = json.loads(out.read_text())
    assert report["comparison_period"] == {"from": "2022-01-01", "to": "2022-09-30"}
    registered = next(f for f in report["sections"][0]["figures"] if f["measure"] == "crimes.registered")
    assert (registered["value"], registered["previous"], registered["change"]) == (1, 1, 0)


def test_roles_without_reports_are_refused(db):
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    # Inspectors read the board report now (its personnel section is theirs); the cooperation department
    # has no part in it yet.
    cooperation = make_user("cooperation", Role.COOPERATION_OFFICER, ["mia"])
    assert client_for(cooperation).get(reverse("reports:board")).status_code == 403


def test_the_records_behind_a_figure_can_be_exported(nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    response = client_for(nasimi_officer).get(
        reverse("reports:records"), NINE_MONTHS | {"measure": "crimes.firearm", "export": "csv"}
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2 and "Nasimi" in lines[1]
