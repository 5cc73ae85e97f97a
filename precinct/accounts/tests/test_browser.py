"""In headless Chromium: the first log-in of an account sets up its authenticator, as a person does
with the app beside them, on a phone's screen."""

import pytest

from precinct.accounts.tests.test_second_factor import code_from_key
from precinct.conftest import PASSWORD, make_user
from precinct.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_first_log_in_sets_up_the_authenticator_and_keeps_the_page_asked_for(page):
    make_user("analyst-new", Role.ANALYST, ["mia"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/reports/board/")
    page.fill("#id_username", "analyst-new")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#mfa-key")
    assert page.locator("#mfa-qr svg").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.fill("#id_code", code_from_key(page.inner_text("#mfa-key")))
    page.click("button:has-text('Confirm')")
    page.wait_for_selector("#recovery-codes")
    assert page.locator("#recovery-codes li").count() == 10
    page.click("text=I have kept them: continue")
    page.wait_for_url("**/reports/board/")
