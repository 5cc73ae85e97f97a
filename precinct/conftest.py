"""Personas and helpers shared by every app's tests."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from precinct.accounts.sessions import authenticator, code_now, second_factor_given
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.core.roles import Role
from precinct.crimes import services as crime_services
from precinct.crimes.models import Agency, Article, Status
from precinct.organisation.models import Body, User

PASSWORD = "correct-horse-battery-staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that run for minutes go first: each worker that takes one starts on it at once, and
    the others, which steal its queue (`--dist worksteal`), run the rest meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """PostgreSQL: the test database can be dropped at the end although a connection of an ended test
    lingers in it (a live server's thread, a process a test started): it is closed first."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with the least work: the tests' personas log in by the same scheme as production's, without
    spending a fifth of a second of both cores on every password they are given."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    settings.PASSWORD_HASHERS = ["precinct.conftest.QuickArgon2PasswordHasher"]


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests find static files where they lie; the hashed manifest is only built for serving."""
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }


def make_user(username: str, role: str, reach: list[str], chief: bool = False) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, role=role, is_chief=chief)
    user.reach.set(Body.objects.filter(code__in=reach))
    return User.objects.get(pk=user.pk)


@pytest.fixture
def nasimi_officer(db) -> User:
    """An officer of Baku's Nasimi district police department."""
    return make_user("nasimi", Role.OFFICER, ["baku-nasimi"])


@pytest.fixture
def ganja_officer(db) -> User:
    return make_user("ganja", Role.OFFICER, ["ganja"])


@pytest.fixture
def analyst(db) -> User:
    """An analyst of the ministry: sees everything, changes nothing."""
    return make_user("analyst", Role.ANALYST, ["mia"])


@pytest.fixture
def administrator(db) -> User:
    user = make_user("admin", Role.ADMINISTRATOR, ["mia"])
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return second_factor_given(client, user)


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the pages as a person does: the password, then the code of the authenticator (one
    is enrolled for the user beforehand if they have none)."""
    authenticator(User.objects.get(username=username))
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/account/second-factor/**")
    page.fill("#id_code", code_now(User.objects.get(username=username)))
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/account/" not in url)


def api_for(user: User, scope: str = "write", domains: tuple[str, ...] = ()):
    """A client that calls the API as `user` with a token of theirs, made as on their account page (the
    API takes no session)."""
    from rest_framework.test import APIClient

    from precinct.accounts import tokens

    _token, raw = tokens.issue(Actor(user=user, via=Via.WEB), "tests", scope, list(domains), 1)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def body(code: str) -> Body:
    return Body.objects.get(code=code)


def crime_values(**overrides) -> dict:
    values = {
        "body": body("baku-nasimi"),
        "registered_on": datetime.date(2023, 3, 14),
        "agency": Agency.POLICE,
        "article": Article.objects.get(code="177.1"),
        "place": "Nizami street",
        "description": "A mobile phone stolen from a parked car.",
        "damage": Decimal("850.00"),
        "compensated": Decimal("0.00"),
        "status": Status.INVESTIGATION,
    }
    return values | overrides


def register(user: User, via: str = Via.CLI, **overrides):
    return crime_services.register_crime(actor=Actor(user=user, via=via), values=crime_values(**overrides))


@pytest.fixture
def page(live_server):
    """A page in headless Chromium on the live server; the test fails on any content-security violation."""
    from precinct.browser import chromium

    with chromium() as browser:
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        violations = []
        page.on(
            "console", lambda message: violations.append(message.text) if message.type == "error" else None
        )
        yield page
        assert not [v for v in violations if "Content Security Policy" in v], violations
        context.close()
