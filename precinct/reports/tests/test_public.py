"""The public statistics page: open to all, national only, small counts withheld, no personal data."""

import datetime

from django.test import override_settings
from django.urls import reverse

from precinct.conftest import body, register
from precinct.crimes.models import Person

PERIOD = {"start": "2023-01-01", "end": "2023-09-30"}


@override_settings(PUBLIC_MIN_COUNT=3)
def test_it_is_open_and_withholds_small_counts(anonymous_client, nasimi_officer, ganja_officer):
    for day in (1, 2, 3):
        register(nasimi_officer, registered_on=datetime.date(2023, 2, day))
    register(ganja_officer, body=body("ganja"), registered_on=datetime.date(2023, 2, 1), firearm=True)
    page = anonymous_client.get(reverse("public-statistics"), PERIOD)
    assert page.status_code == 200
    rows = {
        measure.name: (value, previous)
        for _label, figures in page.context["rows"]
        for measure, value, previous, _figure in figures
    }
    assert rows["crimes.registered"][0] == 4
    assert rows["crimes.firearm"][0].threshold == 3
    assert "fewer than 3" in page.content.decode()


def test_it_shows_no_body_choice_and_no_personal_data(anonymous_client, nasimi_officer):
    from precinct.core.audit import Actor
    from precinct.crimes.services import register_person

    register_person(
        actor=Actor.cli(nasimi_officer),
        values={"body": body("baku-nasimi"), "surname": "Qurbanov", "given_name": "Elchin"},
    )
    page = anonymous_client.get(
        reverse("public-statistics"), PERIOD | {"body": "baku-nasimi"}
    ).content.decode()
    assert 'name="body"' not in page and "Qurbanov" not in page and Person.objects.count() == 1
    assert "The whole country" in page
