"""An officer of one district gets "not found" for another district's records, by every path."""

import pytest
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, register


@pytest.fixture
def ganja_crime(ganja_officer):
    return register(ganja_officer, body=body("ganja"), description="Ganja burglary")


@pytest.fixture
def nasimi_crime(nasimi_officer):
    return register(nasimi_officer, description="Nasimi pickpocket")


def test_it_hides_other_districts_crimes_from_the_list(nasimi_officer, nasimi_crime, ganja_crime):
    response = client_for(nasimi_officer).get(reverse("crimes:crime-list"))
    assert list(response.context["object_list"]) == [nasimi_crime]


def test_it_answers_not_found_for_another_districts_crime_page(nasimi_officer, ganja_crime):
    client = client_for(nasimi_officer)
    assert client.get(reverse("crimes:crime", args=[ganja_crime.pk])).status_code == 404
    assert client.get(reverse("crimes:crime-edit", args=[ganja_crime.pk])).status_code == 404


def test_it_answers_not_found_through_the_api(nasimi_officer, ganja_crime):
    client = api_for(nasimi_officer)
    assert client.get(f"/api/crimes/{ganja_crime.pk}/").status_code == 404
    assert (
        client.patch(
            f"/api/crimes/{ganja_crime.pk}/", {"place": "x"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert client.delete(f"/api/crimes/{ganja_crime.pk}/").status_code == 404
    listed = client.get("/api/crimes/").json()
    assert listed["results"] == [] and "count" not in listed


def test_it_leaves_other_districts_crimes_out_of_exports_and_search(
    nasimi_officer, nasimi_crime, ganja_crime
):
    client = client_for(nasimi_officer)
    export = b"".join(client.get(reverse("crimes:crime-list"), {"export": "csv"}).streaming_content).decode()
    assert str(nasimi_crime.number) in export and "Ganja" not in export
    found = client.get(reverse("crimes:crime-list"), {"q": "burglary"})
    assert list(found.context["object_list"]) == []


def test_it_refuses_a_body_filter_outside_reach(nasimi_officer, ganja_crime):
    client = api_for(nasimi_officer)
    assert client.get("/api/crimes/", {"body": "ganja"}).status_code == 400


def test_it_refuses_to_register_for_a_body_outside_reach(nasimi_officer):
    client = api_for(nasimi_officer)
    payload = {"body": "ganja", "registered_on": "2023-03-01", "agency": "police", "article": "177.1"}
    response = client.post("/api/crimes/", payload, content_type="application/json")
    assert response.status_code == 400 and "body" in response.json()


def test_it_shows_the_analyst_every_district_but_no_form(analyst, nasimi_crime, ganja_crime):
    client = client_for(analyst)
    assert set(client.get(reverse("crimes:crime-list")).context["object_list"]) == {nasimi_crime, ganja_crime}
    assert client.get(reverse("crimes:crime-new")).status_code == 403
    assert api_for(analyst).post("/api/crimes/", {}, content_type="application/json").status_code == 403


def test_it_sends_anonymous_visitors_to_log_in(anonymous_client, nasimi_crime):
    response = anonymous_client.get(reverse("crimes:crime", args=[nasimi_crime.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert anonymous_client.get("/api/crimes/").status_code in (401, 403)


def test_a_body_includes_the_bodies_under_it(db, nasimi_crime):
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    baku_officer = make_user("baku", Role.OFFICER, ["baku"])
    assert list(client_for(baku_officer).get(reverse("crimes:crime-list")).context["object_list"]) == [
        nasimi_crime
    ]


def test_it_hides_other_districts_persons(nasimi_officer, ganja_officer):
    from precinct.core.audit import Actor
    from precinct.crimes.services import register_person

    person = register_person(
        actor=Actor.cli(ganja_officer),
        values={"body": body("ganja"), "surname": "Aliyev", "given_name": "Kamran"},
    )
    client = client_for(nasimi_officer)
    assert client.get(reverse("crimes:person", args=[person.pk])).status_code == 404
    assert api_for(nasimi_officer).get(f"/api/persons/{person.pk}/").status_code == 404
