"""A user logs in, registers a crime through the form, finds it in the list and opens its history."""

import pytest

from precinct.conftest import make_user, sign_in
from precinct.core.roles import Role
from precinct.crimes.models import Crime

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page) -> None:
    """As an officer of Baku's Nasimi district, through the log-in form."""
    make_user("nasimi", Role.OFFICER, ["baku-nasimi"])
    sign_in(page, "nasimi")


def test_an_officer_registers_finds_and_opens_the_history_of_a_crime(page):
    log_in(page)

    page.click("text=Register a crime")
    page.select_option("#id_body", label="Nasimi District Police Department")
    page.fill("#id_registered_on", "2023-06-12")
    page.select_option("#id_agency", "police")
    page.select_option("#id_article", index=1)
    page.fill("#id_place", "Fuzuli street 12")
    page.fill("#id_description", "Handbag snatched near the metro station")
    page.fill("#id_damage", "420.00")
    page.click("button:has-text('Save')")
    page.wait_for_selector("#history")

    crime = Crime.objects.get()
    page.goto("/crimes/?q=Handbag")
    assert page.inner_text("#result-count").startswith("1 record")
    page.click(f"a:has-text('{crime.number}')")
    history = page.inner_text("#history")
    assert "nasimi" in history and "web" in history and "created" in history


def test_a_refused_form_shows_the_reason_at_the_field(page):
    log_in(page)
    page.goto("/crimes/new/")
    page.select_option("#id_body", label="Nasimi District Police Department")
    page.fill("#id_registered_on", "2023-06-12")
    page.select_option("#id_agency", "police")
    page.select_option("#id_article", index=1)
    page.fill("#id_damage", "100")
    page.fill("#id_compensated", "150")
    page.click("button:has-text('Save')")
    assert "cannot exceed the damage" in page.inner_text("[data-field=compensated]")
    assert not Crime.objects.exists()
