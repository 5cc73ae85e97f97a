"""An analyst opens the 9-month board report, a figure's records and an export, in a real browser."""

import datetime
import io

import pytest
from django.conf import settings
from openpyxl import load_workbook
from pypdf import PdfReader

from precinct.browser import chromium
from precinct.conftest import body, make_user, register, sign_in
from precinct.core.roles import Role

SCREENSHOTS = settings.DATA_DIR / "screenshots"  # to look at, as a user would

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_reads_the_board_report_its_records_and_its_workbook(live_server):
    make_user("analyst", Role.ANALYST, ["mia"])
    officer = make_user("ganja", Role.OFFICER, ["ganja"])
    for day in (3, 4, 5):
        register(officer, body=body("ganja"), registered_on=datetime.date(2023, 5, day), firearm=day == 4)
    # The register reaches back to the start of last year's period, so that it is a figure to compare.
    register(officer, body=body("ganja"), registered_on=datetime.date(2022, 1, 1))
    with chromium() as browser:
        context = browser.new_context(base_url=live_server.url, accept_downloads=True)
        page = context.new_page()
        violations = []
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None
        )
        sign_in(page, "analyst")
        page.click("#nine-months")
        page.wait_for_selector("#report-heading")
        registered = page.locator("tr[data-measure='crimes.registered'] td:nth-child(2)")
        assert registered.inner_text() == "3"
        page.wait_for_function("document.querySelector('#category-chart').width > 0")
        page.wait_for_function("document.querySelector('canvas[data-trend]').width > 0")
        with page.expect_download() as download:
            page.click("a:has-text('PDF')")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(download.value.path()).pages).split())
        assert "Crimes registered 3 1 +2 (+200.0 %)" in text
        with page.expect_download() as download:
            page.click("a:has-text('XLSX')")
        with open(download.value.path(), "rb") as handle:
            book = load_workbook(io.BytesIO(handle.read()))
        rows = {row[1]: row for row in book.worksheets[0].iter_rows(min_row=3, values_only=True)}
        assert rows["crimes.registered"][2] == 3
        page.click("tr[data-measure='crimes.firearm'] td:nth-child(2) a")
        assert page.inner_text("#figure-value") == "1"
        assert page.locator("#figure-records tbody tr").count() == 1
        page.go_back()
        page.click("a:has-text('Press release draft')")
        firearm = page.locator("#press-en a[data-measure='crimes.firearm'][data-which='value']")
        assert firearm.inner_text() == "1"
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "press-release.png"), full_page=True)
        firearm.click()
        assert page.inner_text("#figure-value") == "1"
        assert not violations, violations
        context.close()
