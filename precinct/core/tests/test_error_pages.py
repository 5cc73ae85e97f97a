"""Refusals are pages of the application, in the user's language, with a way on: a record out of reach
is "not found" exactly as one that does not exist, and a page the role does not include says so."""

import re

from django.test import Client, override_settings

from precinct.conftest import client_for, register


def unmasked(page: str) -> str:
    """The page without its CSRF token, which is masked afresh for every response."""
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", page)


@override_settings(DEBUG=False)
def test_not_found_and_not_yours_are_the_same_page(nasimi_officer, administrator):
    from precinct.organisation.models import Body

    theirs = register(administrator, body=Body.objects.get(code="ganja"))
    officer = client_for(nasimi_officer)
    missing_url, hidden_url = f"/crimes/{theirs.pk + 1000}/", f"/crimes/{theirs.pk}/"
    missing, hidden = officer.get(missing_url), officer.get(hidden_url)
    assert missing.status_code == hidden.status_code == 404
    page = hidden.content.decode()
    # Alike but for the address asked for (which the language switch returns to).
    assert unmasked(missing.content.decode()).replace(missing_url, "") == unmasked(page).replace(
        hidden_url, ""
    )
    assert "Not found" in page and 'href="/"' in page and "within your reach" in page


@override_settings(DEBUG=False)
def test_a_page_the_role_does_not_include_says_so_in_the_users_language(analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "az"
    answer = client.get("/audit/")
    assert answer.status_code == 403
    page = answer.content.decode()
    assert 'lang="az"' in page and "administrator" not in page.lower()  # translated, not English


@override_settings(DEBUG=False)
def test_an_anonymous_visitor_is_offered_the_log_in(db):
    answer = Client().get("/no-such-page/")
    assert answer.status_code == 404 and 'href="/login/?next=/no-such-page/"' in answer.content.decode()
