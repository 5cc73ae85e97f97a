"""Every account logs in with a second factor: an authenticator enrolled at the first log-in (with ten
recovery codes, each good once), a code at every log-in after; wrong codes count towards the lock; an
administrator resets a lost one; everything is in the audit log, and the secrets are nobody else's."""

import re
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from precinct.accounts.models import Lock
from precinct.conftest import PASSWORD, authenticator, client_for, code_now, make_user
from precinct.core.models import Action, AuditEntry
from precinct.core.roles import Role


def logged_in(username: str) -> Client:
    client = Client()
    assert client.post(reverse("login"), {"username": username, "password": PASSWORD}).status_code == 302
    return client


def code_from_key(key_text: str) -> str:
    """What an authenticator app shows for the key the enrolment page gives, as the README's command
    computes it."""
    answer = subprocess.run(
        [sys.executable, "-m", "precinct.accounts.totp", key_text], capture_output=True, text=True, check=True
    )
    return answer.stdout.strip()


def test_the_first_log_in_enrols_an_authenticator_and_shows_the_recovery_codes_once(nasimi_officer):
    client = logged_in("nasimi")
    answer = client.get(reverse("crimes:crime-list"))
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("accounts:mfa-setup"))
    setup = client.get(answer["Location"])
    key = re.search(r'id="mfa-key">([^<]+)<', setup.content.decode()).group(1)
    assert "<svg" in setup.content.decode()  # the QR code, drawn by the server itself
    wrong = client.post(reverse("accounts:mfa-setup"), {"code": "000000", "next": "/crimes/"})
    assert "not the code" in wrong.content.decode() and not TOTPDevice.objects.filter(confirmed=True).exists()
    done = client.post(reverse("accounts:mfa-setup"), {"code": code_from_key(key), "next": "/crimes/"})
    codes = re.findall(r'<li class="user-select-all">([^<]+)</li>', done.content.decode())
    assert len(codes) == 10 and 'href="/crimes/"' in done.content.decode()
    assert client.get(reverse("crimes:crime-list")).status_code == 200
    assert TOTPDevice.objects.get(user=nasimi_officer).confirmed
    notes = set(AuditEntry.objects.filter(action=Action.ENROL).values_list("note", flat=True))
    assert notes == {"authenticator enrolled", "10 new recovery codes"}
    assert AuditEntry.objects.filter(action=Action.FAILED, note__contains="enrolment").count() == 1


def test_each_log_in_after_asks_for_a_code_and_a_recovery_code_serves_once(nasimi_officer):
    authenticator(nasimi_officer)
    client = logged_in("nasimi")
    assert client.get("/").url.startswith(reverse("accounts:mfa-verify"))
    assert client.post(reverse("accounts:mfa-verify"), {"code": code_now(nasimi_officer)}).status_code == 302
    assert client.get("/").status_code == 200
    recovery = client_for(nasimi_officer).post(reverse("accounts:mfa-new-codes"))
    code = re.findall(r'<li class="user-select-all">([^<]+)</li>', recovery.content.decode())[0]
    for expected in (302, 200):  # good once, then refused (the page again, with the reason)
        again = logged_in("nasimi")
        assert again.post(reverse("accounts:mfa-verify"), {"code": code}).status_code == expected
    assert not StaticToken.objects.filter(token=code).exists()
    assert AuditEntry.objects.filter(action=Action.LOGIN, note="recovery code used").count() == 1


def test_the_verify_page_sends_only_to_our_own_pages(nasimi_officer):
    authenticator(nasimi_officer)
    client = logged_in("nasimi")
    answer = client.post(
        reverse("accounts:mfa-verify"),
        {"code": code_now(nasimi_officer), "next": "https://elsewhere.example/"},
    )
    assert answer["Location"] == "/"


def test_five_wrong_codes_lock_the_account_as_five_wrong_passwords_do(nasimi_officer):
    authenticator(nasimi_officer)
    client = logged_in("nasimi")
    for _ in range(5):
        assert "not right" in client.post(reverse("accounts:mfa-verify"), {"code": "123456"}).content.decode()
    assert Lock.objects.filter(user=nasimi_officer, released_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action=Action.LOCK, object_id=str(nasimi_officer.pk)).exists()


def test_an_administrator_resets_a_lost_second_factor_but_never_their_own(nasimi_officer):
    authenticator(nasimi_officer)
    administrator = make_user("admin-reset", Role.ADMINISTRATOR, ["mia"])
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    admin = client_for(administrator)
    changelist = reverse("admin:organisation_user_changelist")
    for user in (nasimi_officer, administrator):
        admin.post(changelist, {"action": "reset_second_factor", "_selected_action": [user.pk]})
    assert not TOTPDevice.objects.filter(user=nasimi_officer).exists()
    assert TOTPDevice.objects.filter(user=administrator).exists()  # their own stays
    reset = AuditEntry.objects.get(action=Action.RESET)
    assert (reset.object_id, reset.username) == (str(nasimi_officer.pk), "admin-reset")
    assert logged_in("nasimi").get("/").url.startswith(reverse("accounts:mfa-setup"))  # enrols anew


@pytest.mark.parametrize("page", ["/admin/otp_totp/totpdevice/", "/admin/otp_static/staticdevice/"])
def test_no_administrator_reads_another_accounts_secret(administrator, page):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    assert client_for(administrator).get(page).status_code == 404
