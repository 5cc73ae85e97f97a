"""Log-ins, log-outs and failed log-ins are audit entries, with the address the client came from."""

from django.test import Client
from django.urls import reverse

from precinct.conftest import PASSWORD
from precinct.core.models import Action, AuditEntry


def test_log_in_failure_and_log_out_are_audited(nasimi_officer, settings):
    client = Client(REMOTE_ADDR="192.0.2.7")
    client.post(reverse("login"), {"username": "nasimi", "password": "wrong"})
    client.post(reverse("login"), {"username": "nobody-such", "password": "wrong"})
    client.post(reverse("login"), {"username": "nasimi", "password": PASSWORD})
    client.post(reverse("logout"))
    entries = AuditEntry.objects.filter(model="organisation.user").order_by("id")
    assert [(e.action, e.username, e.address) for e in entries] == [
        (Action.FAILED, "nasimi", "192.0.2.7"),
        (Action.FAILED, "nobody-such", "192.0.2.7"),
        (Action.LOGIN, "nasimi", "192.0.2.7"),
        (Action.LOGOUT, "nasimi", "192.0.2.7"),
    ]
    assert entries[0].object_id == str(nasimi_officer.pk) and entries[1].object_id == ""


def test_the_address_comes_from_a_trusted_proxy_only(nasimi_officer, settings):
    settings.TRUSTED_PROXIES = ["10.1.0.0/16"]
    behind = Client(REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4")
    behind.post(reverse("login"), {"username": "nasimi", "password": "wrong"})
    # The proxy appended the address it saw; what the client wrote before it is not believed.
    forged = Client(REMOTE_ADDR="198.51.100.77", HTTP_X_FORWARDED_FOR="10.1.2.3")
    forged.post(reverse("login"), {"username": "nasimi", "password": "wrong"})
    addresses = (
        AuditEntry.objects.filter(action=Action.FAILED).order_by("id").values_list("address", flat=True)
    )
    assert list(addresses) == ["198.51.100.4", "198.51.100.77"]
