"""Log-in, lock-out, sessions and secure headers."""

from django.conf import settings
from django.contrib.auth.hashers import get_hasher
from django.test import override_settings
from django.urls import reverse

from precinct.conftest import PASSWORD, client_for, make_user


def test_passwords_are_hashed_with_argon2(db):
    from precinct import settings as production

    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = make_user("nasimi", "officer", ["baku-nasimi"])
        assert user.password.startswith("argon2$") and get_hasher().algorithm == "argon2"
        assert type(get_hasher()).__name__ == "Argon2PasswordHasher"


def test_it_logs_in_with_the_right_password(nasimi_officer, anonymous_client):
    response = anonymous_client.post(reverse("login"), {"username": "nasimi", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")


def test_sessions_expire_after_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST


def test_pages_carry_a_strict_content_security_policy(nasimi_officer):
    response = client_for(nasimi_officer).get(reverse("dashboard"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_another_host(nasimi_officer):
    import re

    page = client_for(nasimi_officer).get(reverse("crimes:crime-list")).content.decode()
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', page)
    assert "<script>" not in page and " style=" not in page


def test_forms_require_a_csrf_token(nasimi_officer):
    from django.test import Client

    from precinct.conftest import second_factor_given

    client = Client(enforce_csrf_checks=True)
    client.force_login(nasimi_officer)
    second_factor_given(client, nasimi_officer)
    assert client.post(reverse("crimes:crime-new"), {}).status_code == 403


@override_settings(DEBUG=False)
def test_debug_is_off_unless_asked():
    import importlib

    import precinct.settings as project_settings

    assert importlib.reload(project_settings).DEBUG is False
