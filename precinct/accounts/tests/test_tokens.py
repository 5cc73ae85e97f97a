"""API tokens: made by their users, shown once, kept as digests, scoped, expiring, revocable, ended by a
new password or a closed account, every creation, revocation and use from a new address audited."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from precinct.accounts import tokens
from precinct.accounts.models import ApiToken, Ended
from precinct.conftest import client_for, register
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via


def caller(raw: str, address: str = "10.0.0.1") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def made(user, scope="read", domains=(), days=30) -> tuple[ApiToken, str]:
    return tokens.issue(Actor(user=user, via=Via.WEB), "reporting system", scope, list(domains), days)


def test_a_user_makes_a_token_on_their_page_sees_it_once_and_only_its_digest_is_kept(nasimi_officer):
    client = client_for(nasimi_officer)
    answer = client.post(
        reverse("accounts:account"), {"name": "Duty board", "scope": "read", "domains": ["crimes"], "days": 7}
    )
    page = answer.content.decode()
    token = ApiToken.objects.get()
    raw = page.split('id="token-value">')[1].split("<")[0]
    assert raw.startswith(f"prc_{token.prefix}_") and len(raw) > 40
    assert raw not in client.get(reverse("accounts:account")).content.decode()  # never shown again
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")
        assert not any(raw in str(value) for row in cursor.fetchall() for value in row)
    assert not any(raw in str(entry.after) for entry in AuditEntry.objects.all())
    created = AuditEntry.objects.get(model="accounts.apitoken", action=Action.CREATE)
    assert created.username == "nasimi" and "digest" not in created.after
    assert caller(raw).get("/api/crimes/").status_code == 200
    assert (token.scope, token.domains) == ("read", ["crimes"])
    assert token.expires_at - token.created_at == datetime.timedelta(days=7)


def test_a_user_may_have_many_tokens_and_the_form_refuses_what_it_cannot_make(nasimi_officer, settings):
    made(nasimi_officer)
    made(nasimi_officer, "write")
    assert ApiToken.objects.filter(user=nasimi_officer).count() == 2
    refused = client_for(nasimi_officer).post(
        reverse("accounts:account"), {"name": "", "scope": "all", "domains": ["nowhere"], "days": 1000}
    )
    errors = refused.context["form"].errors
    assert {"name", "scope", "domains", "days"} <= set(errors)
    assert str(settings.API_TOKEN_MAX_DAYS) in str(errors["days"])
    assert ApiToken.objects.count() == 2


def test_a_read_token_reads_and_a_domain_token_stays_in_its_domain(nasimi_officer):
    _token, raw = made(nasimi_officer, "read", ["appeals"])
    assert caller(raw).get("/api/applications/").status_code == 200
    refused = caller(raw).get("/api/crimes/")
    assert refused.status_code == 403 and "domain" in refused.json()["detail"]
    _token, any_domain = made(nasimi_officer, "read")
    payload = {"body": "baku-nasimi", "registered_on": "2023-03-01", "agency": "police", "article": "177.1"}
    written = caller(any_domain).post("/api/crimes/", payload, format="json")
    assert written.status_code == 403 and "only read" in written.json()["detail"]
    _token, writer = made(nasimi_officer, "write")
    assert caller(writer).post("/api/crimes/", payload, format="json").status_code == 201


def test_the_api_takes_no_session_and_no_forged_or_expired_token(nasimi_officer, anonymous_client):
    register(nasimi_officer)
    assert client_for(nasimi_officer).get("/api/crimes/").status_code == 401
    token, raw = made(nasimi_officer)
    for forged in (
        "prc_x_y",
        raw[:-1] + ("A" if raw[-1] != "A" else "B"),
        "nonsense",
        f"prc_{token.prefix}_",
    ):
        assert caller(forged).get("/api/crimes/").status_code == 401, forged
    assert caller(raw).get("/api/crimes/").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expired = caller(raw).get("/api/crimes/")
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    assert expired["WWW-Authenticate"].startswith("Bearer")


def test_revoking_ends_a_token_for_good_and_is_audited(nasimi_officer, ganja_officer):
    token, raw = made(nasimi_officer)
    theirs, _raw = made(ganja_officer)
    client = client_for(nasimi_officer)
    assert client.post(reverse("accounts:token-revoke", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("accounts:token-revoke", args=[token.pk])).status_code == 302
    assert caller(raw).get("/api/crimes/").status_code == 401
    token.refresh_from_db()
    assert token.ended_because == Ended.REVOKED and token.ended_by == nasimi_officer
    assert AuditEntry.objects.filter(
        model="accounts.apitoken", object_id=str(token.pk), note="ended: revoked"
    )
    assert ApiToken.objects.get(pk=theirs.pk).is_live


def test_a_new_password_or_a_closed_account_ends_every_token(nasimi_officer, ganja_officer):
    _token, raw = made(nasimi_officer)
    nasimi_officer.set_password("a-new-long-password-of-the-officer")
    nasimi_officer.save()
    assert caller(raw).get("/api/crimes/").status_code == 401
    assert ApiToken.objects.get(user=nasimi_officer).ended_because == Ended.PASSWORD
    assert AuditEntry.objects.filter(model="organisation.user", note="password changed").exists()
    _token, raw = made(ganja_officer)
    ganja_officer.is_active = False
    ganja_officer.save()
    assert caller(raw).get("/api/crimes/").status_code == 401
    assert ApiToken.objects.get(user=ganja_officer).ended_because == Ended.ACCOUNT


def test_a_use_from_a_new_address_is_audited_once(nasimi_officer):
    token, raw = made(nasimi_officer)
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.2"):
        assert caller(raw, address).get("/api/crimes/").status_code == 200
    uses = AuditEntry.objects.filter(model="accounts.apitoken", object_id=str(token.pk), action=Action.USE)
    assert sorted(uses.values_list("address", flat=True)) == ["10.0.0.1", "10.0.0.2"]
    token.refresh_from_db()
    assert token.last_address == "10.0.0.2" and token.last_used_at is not None


def test_an_administrator_revokes_any_token_in_the_admin_but_never_makes_one(administrator, nasimi_officer):
    token, raw = made(nasimi_officer)
    admin = client_for(administrator)
    assert admin.get("/admin/accounts/apitoken/add/").status_code == 403
    assert admin.get(f"/admin/accounts/apitoken/{token.pk}/delete/").status_code == 403
    page = admin.get("/admin/accounts/apitoken/").content.decode()
    assert token.prefix in page and "digest" not in page
    admin.post("/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True)
    token.refresh_from_db()
    assert token.ended_because == Ended.REVOKED and token.ended_by == administrator
    assert caller(raw).get("/api/crimes/").status_code == 401
    with pytest.raises(PermissionError):
        tokens.revoke(Actor(user=nasimi_officer, via=Via.WEB), made(administrator)[0])
