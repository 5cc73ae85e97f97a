"""Related records are chosen by key, offered as the user types, and only from within reach."""

from django.urls import reverse

from precinct.conftest import body, client_for, register
from precinct.core.audit import Actor
from precinct.crimes.models import Participation, Wanted
from precinct.crimes.services import register_person


def person(user, code: str, surname: str):
    return register_person(
        actor=Actor.cli(user), values={"body": body(code), "surname": surname, "given_name": "A"}
    )


def test_the_lookup_offers_only_persons_in_reach(nasimi_officer, ganja_officer):
    person(nasimi_officer, "baku-nasimi", "Aliyev")
    person(ganja_officer, "ganja", "Aliyeva")
    options = (
        client_for(nasimi_officer).get(reverse("crimes:lookup-person"), {"person": "Aliy"}).content.decode()
    )
    assert "Aliyev" in options and "Aliyeva" not in options


def test_the_lookup_finds_a_crime_by_its_key(nasimi_officer):
    crime = register(nasimi_officer)
    options = (
        client_for(nasimi_officer).get(reverse("crimes:lookup-crime"), {"crime": crime.key}).content.decode()
    )
    assert f'value="{crime.key} — 177.1' in options


def test_a_search_refuses_a_person_out_of_reach(nasimi_officer, ganja_officer):
    stranger = person(ganja_officer, "ganja", "Hasanov")
    crime = register(nasimi_officer)
    response = client_for(nasimi_officer).post(
        reverse("crimes:wanted-new"),
        {
            "body": body("baku-nasimi").pk,
            "person": f"{stranger.key} — Hasanov A",
            "crime": crime.key,
            "opened_on": "2023-04-01",
        },
    )
    assert response.context["form"].errors == {"person": [f"No record “{stranger.key}” within your reach."]}
    assert not Wanted.objects.exists()


def test_a_search_is_opened_from_the_keys(nasimi_officer):
    accused = person(nasimi_officer, "baku-nasimi", "Karimov")
    crime = register(nasimi_officer)
    response = client_for(nasimi_officer).post(
        reverse("crimes:wanted-new"),
        {
            "body": body("baku-nasimi").pk,
            "person": accused.key,
            "crime": crime.key,
            "opened_on": "2023-04-01",
        },
    )
    assert response.status_code == 302
    assert Wanted.objects.get().crime == crime


def test_a_party_out_of_reach_is_refused_with_a_message(nasimi_officer, ganja_officer):
    stranger = person(ganja_officer, "ganja", "Hasanov")
    crime = register(nasimi_officer)
    client = client_for(nasimi_officer)
    response = client.post(
        reverse("crimes:party-add", args=[crime.pk]), {"person": stranger.key, "role": "accused"}, follow=True
    )
    assert "within your reach" in response.content.decode()
    assert not Participation.objects.exists()


def test_a_group_takes_members_and_crimes_one_per_line(nasimi_officer):
    first, second = (
        person(nasimi_officer, "baku-nasimi", "Musayev"),
        person(nasimi_officer, "baku-nasimi", "Rzayev"),
    )
    crime = register(nasimi_officer)
    response = client_for(nasimi_officer).post(
        reverse("crimes:group-new"),
        {
            "body": body("baku-nasimi").pk,
            "name": "Nizami street gang",
            "kind": "general",
            "neutralized_on": "2023-05-01",
            "members": f"{first.key} — Musayev\n{second.key}\n",
            "crimes": crime.key,
        },
    )
    assert response.status_code == 302
    group = crime.groups.get()
    assert set(group.members.all()) == {first, second}
    edit = client_for(nasimi_officer).get(reverse("crimes:group-edit", args=[group.pk])).content.decode()
    assert first.key in edit and crime.key in edit
