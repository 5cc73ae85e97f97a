"""Every path that shows a person leaves a read in the audit log: the suggestions that find one by name or
ID card number, the wanted persons' export, and the pages of a crime, a group or a seizure naming them."""

import datetime
from decimal import Decimal

from django.urls import reverse

from precinct.conftest import body, client_for, register
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via
from precinct.crimes import services as crime_services
from precinct.crimes.models import Person
from precinct.drugs import services as drug_services
from precinct.drugs.models import Substance


def reads_of(person: Person, user) -> int:
    return AuditEntry.objects.filter(
        user=user, action=Action.READ, model="crimes.person", object_id=str(person.pk)
    ).count()


def test_every_page_naming_a_person_is_a_read_of_them(nasimi_officer):
    actor = Actor(nasimi_officer, Via.WEB)
    person = Person.objects.create(body=body("baku-nasimi"), surname="Aliyev", given_name="Elchin",
                                   id_number="5ABC123")  # fmt: skip
    crime = register(nasimi_officer, via=Via.WEB)
    crime_services.add_party(actor=actor, crime=crime, person=person, role="accused")
    seizure = drug_services.register_seizure(
        actor=actor,
        values={"seized_on": datetime.date(2023, 4, 2), "body": body("baku-nasimi"), "place": "Nizami street",
                "substance": Substance.objects.get(code="cannabis"), "quantity": Decimal("1"), "unit": "kg",
                "found_by": "search"},
        persons=[person],
    )  # fmt: skip
    client = client_for(nasimi_officer)
    before = reads_of(person, nasimi_officer)
    assert "Aliyev" in client.get(crime.get_absolute_url()).content.decode()
    assert "Aliyev" in client.get(seizure.get_absolute_url()).content.decode()
    assert reads_of(person, nasimi_officer) == before + 2
    found = client.get(reverse("crimes:lookup-person"), {"q": "5ABC123"}).content.decode()
    assert "Aliyev" in found
    lookup = AuditEntry.objects.filter(user=nasimi_officer, model="crimes.person", object_id="*").last()
    assert lookup is not None and "5ABC123" in lookup.note
    client.get(reverse("crimes:wanted-list"), {"export": "csv"}).getvalue()
    assert AuditEntry.objects.filter(user=nasimi_officer, model="crimes.wanted", object_id="*").exists()
