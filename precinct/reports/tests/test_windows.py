"""The standard windows: the last 7 and 28 days, the year to date and the last 365 days, each against
the same days a year before, from the rollups, in the API and on the dashboard."""

import datetime

from django.urls import reverse

from precinct.conftest import api_for, body, client_for, register
from precinct.core.measures import Scope, from_records
from precinct.core.periods import Period, standard_windows
from precinct.crimes.measures import REGISTERED
from precinct.reports.windows import windows

AS_OF = datetime.date(2023, 9, 17)


def test_the_windows_end_on_the_day_and_reach_back_as_compstat_does():
    found = dict(standard_windows(AS_OF))
    assert found["7d"] == Period(datetime.date(2023, 9, 11), AS_OF)
    assert found["28d"] == Period(datetime.date(2023, 8, 21), AS_OF)
    assert found["ytd"] == Period(datetime.date(2023, 1, 1), AS_OF)
    assert found["365d"] == Period(datetime.date(2022, 9, 18), AS_OF)


def test_each_window_counts_from_the_rollups_as_the_records_do(nasimi_officer):
    # The register began before the year before the last 365 days (1 September 2021), so every window's
    # year before is covered.
    for day in (datetime.date(2023, 9, 15), datetime.date(2023, 9, 1), datetime.date(2023, 2, 1),
                datetime.date(2022, 9, 16), datetime.date(2022, 12, 31),
                datetime.date(2021, 9, 1)):  # fmt: skip
        register(nasimi_officer, registered_on=day)
    result = windows(body("baku"), AS_OF)
    registered = {w["window"]: next(f for f in w["figures"] if f["measure"] == "crimes.registered")
                  for w in result["windows"]}  # fmt: skip
    assert [registered[name]["value"] for name in ("7d", "28d", "ytd", "365d")] == [1, 2, 3, 4]
    assert registered["7d"]["previous"] == 1  # 16 September 2022
    for name, period in standard_windows(AS_OF):
        with from_records():
            assert REGISTERED.value(period, Scope(body("baku"))) == registered[name]["value"]


def test_the_api_gives_the_windows_of_a_body_in_reach_only(nasimi_officer, ganja_officer, analyst):
    register(nasimi_officer, registered_on=datetime.date(2023, 9, 15))
    client = api_for(analyst)
    found = client.get(reverse("api-windows"), {"body": "baku-nasimi", "as_of": "2023-09-17"}).json()
    assert found["as_of"] == "2023-09-17" and [w["window"] for w in found["windows"]] == [
        "7d",
        "28d",
        "ytd",
        "365d",
    ]
    # A body out of reach is refused in the same words as one that does not exist.
    out_of_reach = api_for(ganja_officer).get(reverse("api-windows"), {"body": "baku-nasimi"})
    nowhere = api_for(ganja_officer).get(reverse("api-windows"), {"body": "nowhere"})
    assert out_of_reach.status_code == nowhere.status_code == 400
    assert out_of_reach.json() == nowhere.json() and "body" in nowhere.json()
    for day in ("17 September", "0001-01-01", "9999-12-31", "1900-01-01"):
        refused = client.get(reverse("api-windows"), {"as_of": day})
        assert refused.status_code == 400 and "as_of" in refused.json()
    assert client.get(reverse("api-windows"), {"as_of": "17.09.2023"}).json()["as_of"] == "2023-09-17"


def test_the_dashboard_refuses_a_day_out_of_range_by_name(analyst):
    refused = client_for(analyst).get(reverse("dashboard"), {"as_of": "9999-12-31"})
    assert refused.status_code == 400 and 'id="id_as_of-error"' in refused.content.decode()


def test_the_dashboard_shows_the_windows_to_the_last_day_with_records(analyst, nasimi_officer):
    register(nasimi_officer, registered_on=datetime.date(2023, 9, 15))
    page = client_for(analyst).get(reverse("dashboard")).content.decode()
    assert 'id="windows"' in page and "15.09.2023" in page and "Last 28 days" in page
    chosen = client_for(analyst).get(reverse("dashboard"), {"as_of": "2023-09-17"}).content.decode()
    assert "17.09.2023" in chosen
    nasimi = client_for(analyst).get(reverse("dashboard"), {"body": "baku-nasimi"}).content.decode()
    assert "Nasimi" in nasimi.split('id="windows-heading"')[1].split("</h2>")[0]


def test_every_bodys_windows_at_once_agree_with_each_bodys_own(nasimi_officer, ganja_officer):
    from precinct.reports.windows import every_body

    register(nasimi_officer, registered_on=datetime.date(2023, 9, 15))
    register(ganja_officer, body=body("ganja"), registered_on=datetime.date(2023, 1, 15))
    together = {result["body"]["code"]: result for result in every_body(AS_OF)}
    for code in ("mia", "baku", "baku-nasimi", "ganja", "sumgait"):
        assert together[code] == windows(body(code), AS_OF)


def test_every_domains_windows_for_every_body_at_once_agree_with_the_records(administrator):
    """Read for every body at once, each tally is read only by the keys its figures filter on: every
    domain's headline figures still agree with each body's own, and with the records."""
    import io

    from django.core.management import call_command

    from precinct.reports.windows import every_body

    call_command("demo-data", user="admin", scale=0.01, stdout=io.StringIO(), stderr=io.StringIO())
    as_of = datetime.date(2023, 9, 17)
    together = {result["body"]["code"]: result for result in every_body(as_of)}
    values = [f["value"] for w in together["mia"]["windows"] for f in w["figures"]]
    assert len({f["measure"].split(".")[0] for f in together["mia"]["windows"][0]["figures"]}) >= 4
    assert sum(value or 0 for value in values) > 0
    for code in ("mia", "baku", "ganja"):
        assert together[code] == windows(body(code), as_of)
        with from_records():
            assert together[code] == windows(body(code), as_of)


def test_the_board_refuses_a_format_it_does_not_write(analyst):
    refused = client_for(analyst).get(reverse("reports:board"), {"format": "csv"})
    assert refused.status_code == 400 and refused.content.decode().startswith("format:")
