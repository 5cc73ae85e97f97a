"""Bad input is refused with the field and the reason, and leaves no partial data."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, register
from precinct.core.models import AuditEntry
from precinct.crimes.models import Article, Crime, Status

TOMORROW = datetime.date.today() + datetime.timedelta(days=2)


def refused(user, **overrides) -> dict:
    with pytest.raises(ValidationError) as caught:
        register(user, **overrides)
    assert not Crime.objects.exists() and not AuditEntry.objects.exists()
    return caught.value.message_dict


def test_it_rejects_a_solved_date_before_registration(nasimi_officer):
    errors = refused(nasimi_officer, status=Status.SOLVED, solved_on=datetime.date(2023, 3, 1))
    assert errors == {"solved_on": ["The date solved cannot be before the registration date."]}


def test_it_rejects_compensation_above_the_damage(nasimi_officer):
    errors = refused(nasimi_officer, damage=Decimal("100.00"), compensated=Decimal("100.01"))
    assert errors == {"compensated": ["The compensation cannot exceed the damage."]}


def test_it_rejects_a_future_registration_date(nasimi_officer):
    assert "registered_on" in refused(nasimi_officer, registered_on=TOMORROW)


def test_it_rejects_a_solved_crime_without_its_date(nasimi_officer):
    assert refused(nasimi_officer, status=Status.SOLVED) == {
        "solved_on": ["A solved crime needs the date it was solved."]
    }


def test_it_rejects_an_unknown_article_through_the_api(nasimi_officer):
    payload = {"body": "baku-nasimi", "registered_on": "2023-03-01", "agency": "police", "article": "999.9"}
    response = api_for(nasimi_officer).post("/api/crimes/", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"article": ["Unknown article “999.9” of the Criminal Code."]}
    assert not Crime.objects.exists()


def test_the_form_shows_the_reason_next_to_the_field(nasimi_officer):
    response = client_for(nasimi_officer).post(
        reverse("crimes:crime-new"),
        {
            "body": body("baku-nasimi").pk,
            "registered_on": "2023-05-02",
            "agency": "police",
            "article": Article.objects.get(code="177.1").pk,
            "damage": "10",
            "compensated": "20",
            "status": "investigation",
            "solved_with": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"compensated": ["The compensation cannot exceed the damage."]}
    assert not Crime.objects.exists()


def test_it_refuses_a_taken_registration_number(nasimi_officer):
    crime = register(nasimi_officer)
    errors = refused_again(nasimi_officer, number=crime.number)
    assert "number" in errors


def refused_again(user, **overrides) -> dict:
    count = Crime.objects.count()
    with pytest.raises(ValidationError) as caught:
        register(user, **overrides)
    assert Crime.objects.count() == count
    return caught.value.message_dict


def test_it_numbers_crimes_per_body_and_year(nasimi_officer, ganja_officer):
    first, second = register(nasimi_officer), register(nasimi_officer)
    other = register(ganja_officer, body=body("ganja"))
    next_year = register(nasimi_officer, registered_on=datetime.date(2024, 1, 2))
    assert (first.number, second.number, other.number, next_year.number) == (1, 2, 1, 1)


def test_it_refuses_an_edit_from_a_stale_copy(nasimi_officer):
    crime = register(nasimi_officer)
    client = api_for(nasimi_officer)
    first = client.patch(
        f"/api/crimes/{crime.pk}/", {"place": "A", "version": 1}, content_type="application/json"
    )
    stale = client.patch(
        f"/api/crimes/{crime.pk}/", {"place": "B", "version": 1}, content_type="application/json"
    )
    assert first.status_code == 200 and stale.status_code == 400 and "version" in stale.json()
    crime.refresh_from_db()
    assert crime.place == "A" and crime.version == 2


def test_two_officers_editing_one_crime_on_the_web_lose_nothing(nasimi_officer):
    """The second to save is told who saved first and what the record now says, keeps what they typed,
    and saves it knowingly by saving again."""
    from precinct.conftest import make_user
    from precinct.core.roles import Role

    crime = register(nasimi_officer)
    colleague = make_user("nasimi-colleague", Role.OFFICER, ["baku-nasimi"])
    colleague.first_name, colleague.last_name = "Leyla", "Guliyeva"
    colleague.save()
    url = reverse("crimes:crime-edit", args=[crime.pk])

    def filled(client) -> dict:
        form = client.get(url).context["form"]
        return {name: "" if form[name].value() is None else str(form[name].value()) for name in form.fields}

    mine, theirs = client_for(nasimi_officer), client_for(colleague)
    my_form, their_form = filled(mine), filled(theirs)
    assert theirs.post(url, their_form | {"place": "Nizami street 5"}).status_code == 302
    refused = mine.post(url, my_form | {"place": "Fuzuli street 9"})
    assert refused.status_code == 200
    said = " ".join(refused.context["form"].non_field_errors())
    assert "Saved meanwhile by Leyla Guliyeva" in said and "Nizami street 5" in said
    assert refused.context["form"]["place"].value() == "Fuzuli street 9"  # what I typed is kept
    crime.refresh_from_db()
    assert crime.place == "Nizami street 5" and crime.version == 2
    again = {name: value for name, value in refused.context["form"].data.items()}
    assert mine.post(url, again).status_code == 302  # saved knowingly, over the colleague's edit
    crime.refresh_from_db()
    assert crime.place == "Fuzuli street 9" and crime.version == 3
