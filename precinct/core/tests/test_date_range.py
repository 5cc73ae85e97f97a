"""Dates out of the range Precinct takes are refused by name, never a server error: in the board report,
the press draft, every list filter, the API's filters and its writes; and no response with personal data is
stored by a browser or a proxy."""

import pytest
from django.urls import reverse

from precinct.conftest import api_for, body, client_for

DATES = ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]
PAGES = [
    "/reports/board/?start={d}&end=2023-09-30&body=mia",
    "/reports/board/?start=2023-01-01&end={d}&body=mia",
    "/reports/press/?start={d}&end=2023-09-30&body=mia",
    "/crimes/?registered_from={d}",
    "/traffic/?occurred_from={d}",
    "/traffic/?occurred_to={d}",
    "/appeals/?received_from={d}",
    "/custody/?detained_from={d}",
    "/custody/?detained_to={d}",
    "/personnel/investigations/?opened_to={d}",
]
API = [
    "/api/crimes/?registered_from={d}",
    "/api/violations/?occurred_from={d}",
    "/api/detentions/?detained_to={d}",
]


@pytest.mark.parametrize("date", DATES)
def test_a_date_out_of_range_is_refused_by_name(administrator, date):
    client = client_for(administrator)
    for url in PAGES:
        answer = client.get(url.format(d=date))
        assert answer.status_code in (200, 400), url
        assert "01.01.1900" in answer.content.decode(), url  # the page says which dates it takes
    api = api_for(administrator)
    for url in API:
        answer = api.get(url.format(d=date))
        assert answer.status_code == 400, url
        assert "01.01.1900" in str(answer.json()), url


def test_a_write_through_the_api_refuses_a_date_out_of_range_by_its_field(administrator):
    from precinct.crimes.models import Person

    person = Person.objects.create(body=body("mia"), surname="Aliyev", given_name="Elchin")
    answer = api_for(administrator).post(
        "/api/detentions/",
        {"person": person.pk, "body": "mia", "grounds": "caught", "detained_at": "0001-01-01T10:00:00Z"},
        content_type="application/json",
    )
    assert answer.status_code == 400 and "detained_at" in answer.json()
    page = client_for(administrator).post(
        reverse("custody:detention-new"),
        {"person": f"#{person.pk}", "body": "1", "grounds": "caught", "detained_at": "1800-05-01T10:00"},
    )
    assert page.status_code == 200 and "01.01.1900" in page.content.decode()


def test_responses_with_personal_data_are_never_stored(administrator, anonymous_client):
    client = client_for(administrator)
    for url in ("/crimes/", "/custody/", "/crimes/?export=csv"):
        assert "no-store" in client.get(url)["Cache-Control"], url
    assert "no-store" in api_for(administrator).get("/api/crimes/")["Cache-Control"]
    assert "no-store" in anonymous_client.get("/api/crimes/")["Cache-Control"]
    assert "no-store" not in anonymous_client.get("/statistics/").get("Cache-Control", "")


@pytest.mark.parametrize("bound", ["--from=1800-01-01", "--to=2150-01-01"])
def test_the_command_line_report_refuses_a_date_out_of_range_by_its_option(db, bound):
    from django.core.management import CommandError, call_command

    dates = {"--from": "2023-01-01", "--to": "2023-09-30"}
    name, value = bound.split("=")
    dates[name] = value
    with pytest.raises(CommandError, match=f"{name}: a date from 01.01.1900"):
        call_command("report", "board", "--from", dates["--from"], "--to", dates["--to"])


def test_a_list_a_role_does_not_reach_is_refused_not_shown_empty(nasimi_officer, analyst):
    assert client_for(nasimi_officer).get("/personnel/investigations/").status_code == 403
    assert client_for(nasimi_officer).get("/personnel/investigations/?export=csv").status_code == 403
    assert client_for(analyst).get("/personnel/investigations/").status_code == 403


REVERSED = [
    ("/crimes/?registered_from=2023-05-01&registered_to=2023-04-01", "registered_to"),
    ("/custody/?detained_from=2023-05-01&detained_to=2023-04-01", "detained_to"),
    ("/personnel/investigations/?opened_from=2023-05-01&opened_to=2023-04-01", "opened_to"),
    ("/api/crimes/?registered_from=2023-05-01&registered_to=2023-04-01", "registered_to"),
    ("/api/detentions/?detained_from=2023-05-01&detained_to=2023-04-01", "detained_to"),
]
NEITHER = [
    ("/crimes/?firearm=maybe", "firearm"),
    ("/custody/?open=perhaps", "open"),
    ("/api/crimes/?firearm=maybe", "firearm"),
    ("/api/detentions/?open=perhaps", "open"),
]


@pytest.mark.parametrize(("url", "field"), REVERSED + NEITHER)
def test_a_range_ending_before_it_begins_or_a_yes_no_that_is_neither_is_refused_by_name(
    administrator, url, field
):
    """Never an empty list that looks like no records, nor a filter silently dropped."""
    if url.startswith("/api/"):
        answer = api_for(administrator).get(url)
        assert answer.status_code == 400 and field in answer.json(), url
        message = " ".join(answer.json()[field])
    else:
        answer = client_for(administrator).get(url)
        assert answer.status_code == 400, url  # the page shows the reason, and its status says so
        message = answer.content.decode()
    reason = "is before" if (url, field) in REVERSED else "neither yes"
    assert reason in message, url
    if reason == "is before":
        assert "01.04.2023" in message and "01.05.2023" in message, url


@pytest.mark.parametrize(
    ("url", "field"), REVERSED[:3] + NEITHER[:2] + [("/custody/watch/?mine=banana", "Mine")]
)
def test_a_download_or_a_page_asked_with_a_filter_it_cannot_read_says_why(administrator, url, field):
    """A CSV export refused names the field (never a file of headers alone); so does the watch list."""
    client = client_for(administrator)
    if "watch" in url:
        answer = client.get(url)
        assert answer.status_code == 400 and f"{field}: “banana” is neither" in answer.content.decode()
        return
    answer = client.get(url + "&export=csv")
    assert answer.status_code == 400 and answer["Content-Type"].startswith("text/plain"), url
    assert answer.content.decode().startswith(f"{field}: "), url


def test_a_report_download_asked_for_a_period_it_cannot_read_answers_in_its_kind(administrator):
    client = client_for(administrator)
    answer = client.get("/reports/board/?start=2023-13-01&end=2023-09-30&body=mia&format=json")
    assert answer.status_code == 400 and "start" in answer.json()["errors"]
    answer = client.get("/reports/board/?start=2023-05-01&end=2023-04-01&body=mia&format=pdf")
    assert answer.status_code == 400 and answer["Content-Type"].startswith("text/plain")
    answer = client.get("/reports/press/?start=0001-01-01&end=2023-04-01&body=mia&format=md&language=en")
    assert answer.status_code == 400 and "01.01.1900" in answer.content.decode()
    for export in ("", "&export=csv"):  # the records behind a figure, on the page and as CSV
        answer = client.get(
            f"/reports/records/?measure=crimes.registered&start=bad&end=2023-01-01&body=mia{export}"
        )
        assert answer.status_code == 400 and answer.content.decode().startswith("start: ")


def test_a_yes_no_filter_takes_its_words(administrator):
    api = api_for(administrator)
    for value in ("true", "false", "1", "0", ""):
        assert api.get(f"/api/crimes/?firearm={value}").status_code == 200, value


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_a_date_is_taken_as_the_pages_show_it_in_every_language(administrator, language):
    from precinct.conftest import register

    register(administrator, registered_on=__import__("datetime").date(2023, 3, 5))
    client = client_for(administrator)
    client.cookies["django_language"] = language
    shown = client.get("/crimes/?registered_from=01.03.2023&registered_to=31.03.2023")
    assert shown.status_code == 200 and "is-invalid" not in shown.content.decode()
    assert 'placeholder="dd.mm.yyyy"' in shown.content.decode()
    assert api_for(administrator).get("/api/crimes/?registered_from=01.03.2023").json()["results"]
