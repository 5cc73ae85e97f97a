"""A custody officer records a detention through the form, sees its 48-hour limit and the safeguards due,
records one, and finds the detention flagged on the watch list as its limit comes near."""

import datetime

import pytest
from django.utils import timezone

from precinct.conftest import body, make_user, sign_in
from precinct.core.roles import Role
from precinct.crimes.models import Person
from precinct.custody.models import Detention

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_custody_officer_records_a_detention_and_sees_its_limit_flagged(page):
    make_user("custody", Role.CUSTODY_OFFICER, ["baku-nasimi"])
    person = Person.objects.create(body=body("baku-nasimi"), surname="Huseynov", given_name="Vusal")
    sign_in(page, "custody")

    page.goto("/custody/new/")
    page.fill("#id_person", f"#{person.pk}")
    page.select_option("#id_body", str(body("baku-nasimi").pk))
    page.select_option("#id_grounds", "caught")
    detained = timezone.localtime() - datetime.timedelta(hours=44)
    page.fill("#id_detained_at", f"{detained:%Y-%m-%dT%H:%M}")
    page.click("button:has-text('Save')")
    page.wait_for_selector("#limit")
    detention = Detention.objects.get()
    assert page.inner_text("#limit") == f"{timezone.localtime(detention.limit_at):%d.%m.%Y %H:%M}"
    flags = page.inner_text("#flags").lower()
    assert "48-hour limit is near" in flags and "missing" in flags  # nothing recorded for 44 hours

    page.select_option("#id_safeguard-kind", "rights")
    page.fill("#id_safeguard-at", f"{detained + datetime.timedelta(minutes=20):%Y-%m-%dT%H:%M}")
    page.fill("#id_safeguard-by", "Duty officer Mammadov")
    page.click("button:has-text('Save the safeguard')")
    page.wait_for_selector("text=The safeguard was recorded.")
    assert page.get_attribute("#safeguards tbody tr:first-child", "data-status") == "done"

    # A safeguard refused (a moment to come): the page again, the form as filled in, the reason beside it.
    page.select_option("#id_safeguard-kind", "family")
    page.fill("#id_safeguard-at", f"{timezone.localtime() + datetime.timedelta(days=2):%Y-%m-%dT%H:%M}")
    page.fill("#id_safeguard-by", "Officer Aliyev")
    page.click("button:has-text('Save the safeguard')")
    page.wait_for_selector("#id_safeguard-at-error")
    assert page.input_value("#id_safeguard-by") == "Officer Aliyev"
    assert page.get_attribute("#id_safeguard-at", "aria-invalid") == "true"

    page.click("nav >> text=Custody")
    row = page.locator("#held tbody tr", has_text="Huseynov")
    assert "table-danger" in (row.get_attribute("class") or "")
    assert row.locator("[data-rule=limit_near]").count() == 1
    # On a phone each held person is a block of named cells, none past the screen's edge.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.locator("#held").evaluate("table => table.scrollWidth <= table.parentElement.clientWidth")
    cell = page.locator("#held tbody tr", has_text="Huseynov").locator("td[data-label='Time left']")
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"Time left: "'
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
