"""The interface speaks three languages and has a mode for the visually impaired."""

import datetime

from django.urls import reverse

from precinct.conftest import api_for, client_for


def test_it_switches_to_azerbaijani(nasimi_officer):
    client = client_for(nasimi_officer)
    client.post(reverse("set_language"), {"language": "az", "next": "/"})
    page = client.get(reverse("crimes:crime-list")).content.decode()
    assert 'lang="az"' in page and "Cinayətlər" in page


def test_it_switches_to_russian(nasimi_officer):
    client = client_for(nasimi_officer)
    client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    page = client.get(reverse("crimes:crime-list")).content.decode()
    assert 'lang="ru"' in page and "Преступления" in page


def test_every_page_offers_the_language_switch(anonymous_client):
    page = anonymous_client.get(reverse("login")).content.decode()
    assert 'name="language"' in page and 'value="az"' in page and 'value="ru"' in page


def test_the_accessible_mode_is_kept_for_the_session(nasimi_officer):
    client = client_for(nasimi_officer)
    client.post(reverse("accessibility"), {"next": reverse("dashboard")})
    assert 'class="accessible"' in client.get(reverse("dashboard")).content.decode()
    client.post(reverse("accessibility"), {"next": "https://elsewhere.example/"})
    assert 'class="accessible"' not in client.get(reverse("dashboard")).content.decode()


def test_the_api_has_a_schema_and_a_doc_page_served_locally(nasimi_officer):
    client = client_for(nasimi_officer)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200 and "/api/crimes/" in schema.content.decode()
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs and "//cdn" not in docs


def test_api_lists_page_by_cursor_without_counting(administrator):
    from precinct.conftest import register

    for day in range(1, 8):
        register(administrator, registered_on=datetime.date(2023, 3, day))
    client = api_for(administrator)
    first = client.get("/api/crimes/?page_size=3").json()
    assert "count" not in first and len(first["results"]) == 3
    second = client.get(first["next"]).json()
    assert not {row["id"] for row in first["results"]} & {row["id"] for row in second["results"]}
    assert len(client.get("/api/crimes/?page_size=100").json()["results"]) == 7
    # A bound passed, or not a whole number: refused by name.
    for junk in ("101", "100000", "0", "-1", "ten", "1e3"):
        refused = client.get(f"/api/crimes/?page_size={junk}")
        assert refused.status_code == 400 and "page_size" in refused.json()
    for forged in ("forged", "%00", "%20"):
        refused = client.get(f"/api/crimes/?cursor={forged}")
        assert refused.status_code == 400 and "cursor" in refused.json(), forged


def test_a_path_under_the_api_that_names_nothing_answers_in_json(administrator):
    answer = api_for(administrator).get("/api/crimes/1.5e-9/")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/json"
    page = client_for(administrator).get("/nowhere/")
    assert page.status_code == 404 and "text/html" in page["Content-Type"]


def test_a_nul_character_anywhere_is_refused_by_name(administrator):
    """PostgreSQL keeps no NUL in text: a lookup by a code with one would be a server error."""
    client = api_for(administrator)
    refused = client.get("/api/crimes/", {"body": "baku\x00"})
    assert refused.status_code == 400 and "body" in refused.json()
    seizure = {"substance": "\x1b\x00", "body": "baku-nasimi", "seized_on": "2023-03-01", "unit": "kg",
               "quantity": "1", "found_by": "search", "place": "street"}  # fmt: skip
    refused = client.post("/api/seizures/", seizure, format="json")
    assert refused.status_code == 400 and "substance" in refused.json()
    refused = client.post("/api/seizures/", seizure)  # as a form
    assert refused.status_code == 400 and "substance" in refused.json()
    page = client_for(administrator).get("/crimes/", {"body": "\x00"})
    assert page.status_code == 400 and page.content.decode().startswith("body:")
