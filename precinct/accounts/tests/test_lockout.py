"""Five failed log-ins within fifteen minutes lock an account until an administrator releases it; a good
log-in erases nothing; the lock and the release are audit entries; a session ends at the lock and twelve
hours after its log-in."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from precinct.accounts.middleware import SESSION_STARTED
from precinct.accounts.models import ApiToken, Lock
from precinct.accounts.tokens import issue
from precinct.conftest import PASSWORD, authenticator, client_for, code_now
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via


def attempt(password: str, client: Client | None = None):
    return (client or Client()).post(reverse("login"), {"username": "nasimi", "password": password})


def test_five_failures_in_fifteen_minutes_lock_the_account_until_an_administrator_releases_it(
    nasimi_officer, administrator
):
    for _ in range(4):
        attempt("wrong")
    assert attempt(PASSWORD).status_code == 302  # four failures lock nothing, and are not forgotten
    assert AuditEntry.objects.filter(action=Action.FAILED, username="nasimi").count() == 4
    _token, raw = issue(Actor(user=nasimi_officer, via=Via.WEB), "system", "read", [], 5)
    session = client_for(nasimi_officer)
    attempt("wrong")  # the fifth within the quarter of an hour
    lock = Lock.objects.get(user=nasimi_officer)
    assert lock.failures == 5 and lock.released_at is None
    assert AuditEntry.objects.filter(action=Action.LOCK, object_id=str(nasimi_officer.pk)).exists()
    # Locked whatever the password; told so only when the password is right.
    refused = attempt(PASSWORD)
    assert refused.status_code == 200 and "locked" in refused.content.decode()
    assert "locked" not in attempt("wrong again").content.decode()
    # The account's sessions and tokens end with the lock.
    assert session.get(reverse("dashboard")).status_code == 302
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/crimes/").status_code == 401
    assert ApiToken.objects.get().ended_because == "account"
    # Released in the admin: audited, and the failures before the release no longer count.
    client_for(administrator).post(
        "/admin/accounts/lock/", {"action": "release", "_selected_action": [lock.pk]}, follow=True
    )
    lock.refresh_from_db()
    assert lock.released_by == administrator
    assert AuditEntry.objects.filter(action=Action.RELEASE, object_id=str(nasimi_officer.pk)).exists()
    assert attempt(PASSWORD).status_code == 302
    attempt("wrong")
    assert not Lock.objects.filter(released_at__isnull=True).exists()
    assert client_for(administrator).get("/admin/accounts/lock/add/").status_code == 403
    assert client_for(administrator).get(f"/admin/accounts/lock/{lock.pk}/delete/").status_code == 403


def test_failures_older_than_the_window_do_not_count(nasimi_officer):
    for _ in range(4):
        attempt("wrong")
    AuditEntry.objects.filter(action=Action.FAILED).update(at=timezone.now() - datetime.timedelta(minutes=16))
    attempt("wrong")
    assert not Lock.objects.exists()
    assert attempt(PASSWORD).status_code == 302


def test_a_session_ends_twelve_hours_after_its_log_in_however_active(nasimi_officer):
    client = Client()
    authenticator(nasimi_officer)
    assert attempt(PASSWORD, client).status_code == 302
    given = client.post(reverse("accounts:mfa-verify"), {"code": code_now(nasimi_officer)})
    assert given.status_code == 302 and client.get(reverse("dashboard")).status_code == 200
    session = client.session
    session[SESSION_STARTED] = (timezone.now() - datetime.timedelta(hours=12, minutes=1)).timestamp()
    session.save()
    ended = client.get(reverse("crimes:crime-list"))
    assert ended.status_code == 302 and ended["Location"].startswith(reverse("login"))
    assert "12 hours" in client.get(ended["Location"]).content.decode()
    assert AuditEntry.objects.filter(action=Action.LOGOUT, username="nasimi").exists()
