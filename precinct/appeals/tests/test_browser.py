"""A citizen submits an application on the public form, with a scan, and tracks it, in a real browser."""

import pytest
from django.conf import settings

from precinct.appeals.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c2b4cd0000000049454e44ae426082"
)


def test_a_citizen_submits_and_tracks_an_application(page, monkeypatch, tmp_path):
    monkeypatch.setattr("precinct.appeals.forms.MIN_SECONDS", 0)  # the test types faster than a person
    monkeypatch.setattr(settings, "MEDIA_ROOT", tmp_path)
    scan = tmp_path / "scan.png"
    scan.write_bytes(PNG)
    page.goto("/")
    page.click("nav >> text=Apply to the police")
    assert "What we keep, and why" in page.inner_text("#privacy-notice")
    page.fill("#id_applicant_name", "Hüseynov Rəşad Əli oğlu")
    page.fill("#id_applicant_id_number", "AZE 1234567")
    page.fill("#id_applicant_address", "Sumqayıt, 5-ci mkr., ev 12")
    page.select_option("#id_body", label="Sumgait City Police Department")
    page.select_option("#id_subject", label="Public order and safety")
    page.fill("#id_text", "Street lights are out and cars race at night.")
    page.set_input_files("#id_attachments", str(scan))
    page.check("#id_consent")
    page.click("text=Send the application")
    number = page.inner_text("#tracking-number")
    application = Application.objects.get(number=number)
    assert application.attachments.get().content_type == "image/png"

    page.click("text=Track an application >> nth=-1")
    page.fill("#id_number", number)
    page.fill("#id_id_number", "AZE9999999")
    page.click("text=Show the status")
    assert page.is_visible("#not-found") and not page.is_visible("#tracked")
    page.fill("#id_id_number", "aze1234567")
    page.click("text=Show the status")
    assert page.inner_text("#tracked-status") == "registered"
    assert "Hüseynov" not in page.content()
    shots = settings.DATA_DIR / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "appeal-tracking.png"), full_page=True)
