"""Appeals personas: appeals officers of two districts and a chief, and a helper to register."""

import datetime

import pytest

from precinct.appeals import services
from precinct.appeals.models import Channel, Subject
from precinct.conftest import body, make_user
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.core.roles import Role


@pytest.fixture
def nasimi_appeals(db):
    """An appeals officer of Baku's Nasimi district police department."""
    return make_user("nasimi-appeals", Role.APPEALS_OFFICER, ["baku-nasimi"])


@pytest.fixture
def ganja_appeals(db):
    return make_user("ganja-appeals", Role.APPEALS_OFFICER, ["ganja"])


@pytest.fixture
def nasimi_chief(db):
    chief = make_user("nasimi-chief", Role.APPEALS_OFFICER, ["baku-nasimi"])
    chief.is_chief = True
    chief.save()
    return chief


def application_values(**overrides) -> dict:
    values = {
        "received_on": datetime.date(2023, 3, 14),
        "channel": Channel.LETTER,
        "body": body("baku-nasimi"),
        "subject": Subject.objects.get(code="public_order"),
        "applicant_name": "Məmmədov Əli Vəli oğlu",
        "applicant_id_number": "AZE12345678",
        "applicant_address": "Bakı, Nizami küç. 10",
        "text": "Loud music at night in the courtyard.",
    }
    return values | overrides


def apply(user, **overrides):
    return services.register(actor=Actor(user=user, via=Via.WEB), values=application_values(**overrides))
