"""What the public reaches without logging in: the form, tracking, reception days, Open311."""

import datetime
import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from precinct.appeals import numbers, services
from precinct.appeals.forms import SIGNER
from precinct.appeals.models import Application, Channel, ReceptionDay, Status, Subject
from precinct.appeals.tests.conftest import apply
from precinct.conftest import body
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry, Via


def form_data(**overrides) -> dict:
    started = SIGNER.sign(str(int(timezone.now().timestamp()) - 60))  # filled in a minute ago
    data = {
        "applicant_name": "Hüseynov Rəşad",
        "applicant_id_number": "aze 1234567",
        "applicant_address": "Sumqayıt, 5-ci mkr.",
        "body": body("sumgait").pk,
        "subject": Subject.objects.get(code="public_order").pk,
        "text": "Street lights are out and cars race at night.",
        "consent": "on",
        "website": "",
        "started": started,
    }
    return data | overrides


@pytest.fixture
def public(db) -> Client:
    return Client(REMOTE_ADDR="198.51.100.7")


def test_a_citizen_submits_an_application_and_gets_a_tracking_number(public):
    response = public.post(reverse("appeal-submit"), form_data())
    application = Application.objects.get()
    assert response.status_code == 200 and application.number in response.content.decode()
    assert application.channel == Channel.WEB_FORM and application.body.code == "sumgait"
    assert application.applicant_id_number == "AZE1234567"
    assert application.steps.get().username == ""  # registered by the applicant


def test_the_form_states_what_personal_data_is_kept_and_why(public):
    page = public.get(reverse("appeal-submit")).content.decode()
    assert 'id="privacy-notice"' in page and "What we keep, and why" in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"applicant_name": ""}, "applicant_name"),
        ({"applicant_id_number": "12"}, "applicant_id_number"),
        ({"consent": ""}, "consent"),
        ({"text": ""}, "text"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(public, overrides, field):
    response = public.post(reverse("appeal-submit"), form_data(**overrides))
    assert response.status_code == 400
    assert f'data-field="{field}"' in response.content.decode()
    assert not Application.objects.exists()


def test_spam_is_refused_without_asking_another_host(public):
    assert public.post(reverse("appeal-submit"), form_data(website="http://spam.example")).status_code == 400
    too_fast = form_data(started=SIGNER.sign(str(int(time.time()))))
    assert public.post(reverse("appeal-submit"), too_fast).status_code == 400
    assert public.post(reverse("appeal-submit"), form_data(started="forged")).status_code == 400
    assert not Application.objects.exists()


def test_an_oversized_attachment_writes_nothing(public, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.APPEALS_MAX_ATTACHMENT_BYTES = 1024
    big = SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 2048, content_type="image/png")
    response = public.post(reverse("appeal-submit"), form_data(attachments=[big]))
    assert response.status_code == 400 and "larger than" in response.content.decode()
    assert not Application.objects.exists()
    assert not list(tmp_path.rglob("*.png"))


def test_floods_from_one_address_are_refused(public, settings):
    settings.PUBLIC_INTAKE_PER_HOUR = 2
    assert public.post(reverse("appeal-submit"), form_data()).status_code == 200
    assert public.post(reverse("appeal-submit"), form_data()).status_code == 200
    assert public.post(reverse("appeal-submit"), form_data()).status_code == 429
    assert Client(REMOTE_ADDR="203.0.113.9").post(reverse("appeal-submit"), form_data()).status_code == 200
    assert Application.objects.count() == 3


def test_tracking_reveals_the_status_only_with_both_numbers(public, nasimi_appeals):
    application = apply(nasimi_appeals)
    track = reverse("appeal-track")
    found = public.get(track, {"number": application.number, "id_number": "AZE12345678"})
    page = found.content.decode()
    assert 'id="tracked-status"' in page and "registered" in page
    assert "Məmmədov" not in page and "Loud music" not in page  # nothing but the status
    wrong_id = public.get(track, {"number": application.number, "id_number": "AZE00000000"}).content.decode()
    assert 'id="not-found"' in wrong_id and 'id="tracked"' not in wrong_id
    assert (
        'id="tracked"'
        not in public.get(track, {"number": application.number, "id_number": ""}).content.decode()
    )
    forged = application.number[:-2] + f"{(int(application.number[-2:]) + 1) % 100:02d}"
    forged_page = public.get(track, {"number": forged, "id_number": "AZE12345678"}).content.decode()
    assert "a digit is probably mistyped" in forged_page
    malformed = public.get(track, {"number": "2023-12-3", "id_number": "AZE12345678"}).content.decode()
    assert "reads like 2023-000123-45" in malformed and "mistyped" not in malformed


@hypothesis_settings(max_examples=200, deadline=None)
@given(year=st.integers(2000, 2099), sequence=st.integers(1, 999_999), position=st.integers(0, 13),
       digit=st.sampled_from("0123456789"))  # fmt: skip
def test_check_digits_catch_any_single_mistyped_digit(year, sequence, position, digit):
    number = numbers.format_number(year, sequence)
    assert numbers.valid(number)
    if number[position] != "-" and number[position] != digit:
        assert not numbers.valid(number[:position] + digit + number[position + 1 :])


def test_upcoming_reception_days_are_listed_and_given_as_icalendar(public, nasimi_appeals):
    today = timezone.localdate()
    for offset, city in ((-10, "ganja"), (7, "shaki")):
        day = ReceptionDay.objects.create(
            official="V. Eyvazov", official_position="Minister", date=today + datetime.timedelta(days=offset),
            starts_at=datetime.time(10), body=body(city), venue="City police department", announced_on=today,
            media="AZTV",
        )  # fmt: skip
        day.bodies.set([body(city)])
    page = public.get(reverse("public-reception-days")).content.decode()
    assert "Shaki" in page and "Ganja" not in page  # past days are not announced any more
    calendar = public.get(reverse("public-reception-days-ical"))
    text = calendar.content.decode()
    assert calendar["Content-Type"].startswith("text/calendar")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 1
    assert f"DTSTART:{today + datetime.timedelta(days=7):%Y%m%d}T100000" in text


def test_a_citizen_received_at_a_reception_day_becomes_an_application(nasimi_appeals):
    today = timezone.localdate()
    day = ReceptionDay.objects.create(official="Minister", date=today, body=body("baku-nasimi"), venue="Hall",
                                      announced_on=today - datetime.timedelta(days=7))  # fmt: skip
    application = apply(nasimi_appeals, channel=Channel.RECEPTION_DAY, reception_day=day, received_on=today)
    assert list(day.applications.all()) == [application]


class TestOpen311:
    def test_services_are_the_public_subject_categories(self, public):
        services_ = json.loads(public.get(reverse("open311-services")).content)
        codes = {service["service_code"] for service in services_}
        assert "public_order" in codes and "service" not in codes
        definition = json.loads(public.get(reverse("open311-service", args=["public_order"])).content)
        assert [a["code"] for a in definition["attributes"]] == ["id_number", "body"]

    def test_a_client_submits_and_tracks_a_request(self, public):
        created = public.post(
            reverse("open311-requests"),
            {
                "service_code": "road_traffic", "description": "A broken traffic light on Azadlıq avenue.",
                "first_name": "Rəşad", "last_name": "Hüseynov", "address_string": "Bakı",
                "attribute[id_number]": "AZE1234567", "attribute[body]": "baku-nasimi",
            },
        )  # fmt: skip
        assert created.status_code == 201
        number = json.loads(created.content)[0]["service_request_id"]
        application = Application.objects.get(number=number)
        shown = json.loads(
            public.get(reverse("open311-request", args=[number]), {"id_number": "AZE1234567"}).content
        )
        assert shown[0]["status"] == "open" and shown[0]["service_code"] == "road_traffic"
        assert shown[0]["expected_datetime"].startswith(application.due_on.isoformat())
        assert "Hüseynov" not in json.dumps(shown) and "traffic light" not in json.dumps(shown)
        assert public.get(reverse("open311-request", args=[number])).status_code == 404
        listed = public.get(
            reverse("open311-requests"), {"service_request_id": number, "id_number": "AZE1234567"}
        )
        assert [r["service_request_id"] for r in json.loads(listed.content)] == [number]
        assert public.get(reverse("open311-requests")).status_code == 400

    def test_the_public_forms_limits_hold_and_a_session_is_ignored(self, public, nasimi_appeals):
        good = {
            "service_code": "road_traffic", "description": "A broken traffic light.", "first_name": "Rəşad",
            "last_name": "Hüseynov", "address_string": "Bakı", "attribute[id_number]": "AZE1234567",
            "attribute[body]": "baku-nasimi",
        }  # fmt: skip
        for key, value in (("description", "x" * 10_001), ("last_name", "H" * 5_000),
                           ("attribute[id_number]", "A" * 75), ("attribute[id_number]", "AZE-12"),
                           ("address_string", "B" * 301)):  # fmt: skip
            refused = public.post(reverse("open311-requests"), good | {key: value})
            assert refused.status_code == 400 and key in refused.json()[0]["description"], key
        assert not Application.objects.exists()
        # Sent from an officer's browser with its session, the request is still the public's.
        officer = Client(enforce_csrf_checks=True)
        officer.force_login(nasimi_appeals)
        assert officer.post(reverse("open311-requests"), good).status_code == 201
        application = Application.objects.get()
        entry = AuditEntry.objects.get(
            model="appeals.application", object_id=str(application.pk), action="create"
        )
        assert entry.user is None

    def test_a_closed_request_says_so(self, public, nasimi_appeals):
        application = apply(nasimi_appeals)
        application = services.assign(actor=Actor(nasimi_appeals, Via.WEB), application=application,
                                      officer=nasimi_appeals)  # fmt: skip
        services.answer(actor=Actor(nasimi_appeals, Via.WEB), application=application, answer="Done.")
        shown = json.loads(
            public.get(
                reverse("open311-request", args=[application.number]), {"id_number": "AZE12345678"}
            ).content
        )
        assert shown[0]["status"] == "closed" and Application.objects.get().status == Status.ANSWERED

    @pytest.mark.parametrize(
        ("missing", "named"),
        [("service_code", "service_code"), ("attribute[id_number]", "attribute[id_number]"),
         ("description", "description"), ("attribute[body]", "attribute[body]")],
    )  # fmt: skip
    def test_a_bad_request_names_what_is_wrong_and_writes_nothing(self, public, missing, named):
        data = {
            "service_code": "public_order", "description": "Noise.", "first_name": "Rəşad",
            "last_name": "Hüseynov", "attribute[id_number]": "AZE1234567", "attribute[body]": "ganja",
        }  # fmt: skip
        data.pop(missing)
        response = public.post(reverse("open311-requests"), data)
        assert response.status_code == 400 and named in json.loads(response.content)[0]["description"]
        assert not Application.objects.exists()
