"""A record in reach never shows, nor lets an edit drop, the linked records that are out of reach."""

import datetime

from django.urls import reverse

from precinct.conftest import api_for, body, client_for, register
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry
from precinct.crimes import services
from precinct.crimes.models import Crime, Participation, PartyRole


def person(user, code: str, surname: str):
    return services.register_person(
        actor=Actor.cli(user), values={"body": body(code), "surname": surname, "given_name": "A"}
    )


def test_a_crime_page_hides_a_party_from_another_district(nasimi_officer, ganja_officer, administrator):
    crime = register(nasimi_officer)
    stranger = person(ganja_officer, "ganja", "Qasimov")
    services.add_party(actor=Actor.cli(administrator), crime=crime, person=stranger, role=PartyRole.VICTIM)
    page = client_for(nasimi_officer).get(reverse("crimes:crime", args=[crime.pk])).content.decode()
    assert "Qasimov" not in page


def test_editing_a_group_keeps_the_members_the_editor_cannot_see(
    nasimi_officer, ganja_officer, administrator
):
    own, stranger = (
        person(nasimi_officer, "baku-nasimi", "Musayev"),
        person(ganja_officer, "ganja", "Qasimov"),
    )
    group = services.register_group(
        actor=Actor.cli(administrator),
        values={"body": body("baku-nasimi"), "name": "Two cities"},
        members=[own, stranger],
    )
    response = client_for(nasimi_officer).post(
        reverse("crimes:group-edit", args=[group.pk]),
        {
            "body": body("baku-nasimi").pk,
            "name": "Two cities",
            "kind": "general",
            "members": own.key,
            "crimes": "",
            "version": group.version,
        },
    )
    assert response.status_code == 302
    assert set(group.members.all()) == {own, stranger}
    page = client_for(nasimi_officer).get(reverse("crimes:group", args=[group.pk])).content.decode()
    assert "Qasimov" not in page and "outside your reach" in page


def test_services_refuse_a_person_out_of_reach(nasimi_officer, ganja_officer):
    import pytest
    from django.core.exceptions import ValidationError

    stranger = person(ganja_officer, "ganja", "Qasimov")
    with pytest.raises(ValidationError) as refused:
        services.add_party(
            actor=Actor.cli(nasimi_officer),
            crime=register(nasimi_officer),
            person=stranger,
            role=PartyRole.ACCUSED,
        )
    assert "person" in refused.value.message_dict


def test_deleting_a_crime_audits_its_parties(administrator):
    crime = register(administrator)
    accused = person(administrator, "baku-nasimi", "Karimov")
    party = services.add_party(
        actor=Actor.cli(administrator), crime=crime, person=accused, role=PartyRole.ACCUSED
    )
    assert api_for(administrator).delete(f"/api/crimes/{crime.pk}/").status_code == 204
    assert not Participation.objects.exists()
    deleted = AuditEntry.objects.filter(action="delete").values_list("model", "object_id")
    assert set(deleted) == {("crimes.participation", str(party.pk)), ("crimes.crime", str(crime.pk))}


def test_a_crime_with_a_search_cannot_be_deleted_and_says_why(administrator):
    crime = register(administrator)
    services.open_search(
        actor=Actor.cli(administrator),
        values={
            "body": crime.body,
            "person": person(administrator, "baku-nasimi", "Karimov"),
            "crime": crime,
            "opened_on": datetime.date(2023, 4, 1),
        },
    )
    response = api_for(administrator).delete(f"/api/crimes/{crime.pk}/")
    assert response.status_code == 400 and "wanted persons" in str(response.json())
    assert Crime.objects.filter(pk=crime.pk).exists()


def test_reading_persons_is_audited_on_the_edit_form_and_the_api_list(nasimi_officer):
    someone = person(nasimi_officer, "baku-nasimi", "Karimov")
    client = client_for(nasimi_officer)
    client.get(reverse("crimes:person-edit", args=[someone.pk]))
    api_for(nasimi_officer).get("/api/persons/")
    reads = AuditEntry.objects.filter(action="read", model="crimes.person")
    assert sorted(reads.values_list("object_id", "via")) == [("*", "api"), (str(someone.pk), "web")]


def test_odd_keys_get_an_answer_not_an_error(nasimi_officer):
    client = client_for(nasimi_officer)
    assert client.get(reverse("crimes:lookup-person"), {"person": "#²³"}).status_code == 200
    assert client.get(reverse("crimes:crime-list"), {"q": " ".join(["x"] * 1500)}).status_code == 200
