"""Seizures through the service and the pages: normalized, graded, within reach, audited."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from precinct.conftest import body, client_for
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry, Via
from precinct.drugs import services
from precinct.drugs.models import Seizure, Substance
from precinct.drugs.units import Grade


def seize(user, **overrides) -> Seizure:
    values = {
        "seized_on": datetime.date(2023, 4, 2),
        "body": body("baku-nasimi"),
        "place": "Nizami street",
        "substance": Substance.objects.get(code="cannabis"),
        "quantity": Decimal("1.25"),
        "unit": "kg",
        "found_by": "search",
    } | overrides
    return services.register_seizure(actor=Actor(user, Via.WEB), values=values)


def test_a_seizure_is_kept_as_entered_and_in_grams_with_its_grade(nasimi_officer):
    seizure = seize(nasimi_officer)
    assert (seizure.quantity, seizure.unit, seizure.grams) == (Decimal("1.25"), "kg", Decimal("1250.000"))
    assert seizure.grade == Grade.ESPECIALLY_LARGE
    tablets = seize(
        nasimi_officer, substance=Substance.objects.get(code="tramadol"), quantity=40, unit="tablet"
    )
    assert tablets.grams is None and tablets.grade == ""
    assert AuditEntry.objects.filter(model="drugs.seizure", object_id=str(seizure.pk)).exists()


def test_an_edit_works_the_grams_out_again(nasimi_officer):
    seizure = seize(nasimi_officer)
    edited = services.edit_seizure(
        actor=Actor(nasimi_officer, Via.WEB), seizure=seizure, values={"quantity": Decimal(3), "unit": "g"}
    )
    assert edited.grams == Decimal("3.000") and edited.grade == Grade.SMALL


def test_bad_quantities_are_refused_by_name(nasimi_officer):
    with pytest.raises(ValidationError) as refused:
        seize(nasimi_officer, quantity=Decimal(0))
    assert "quantity" in refused.value.message_dict
    assert not Seizure.objects.exists()


def test_a_seizure_out_of_reach_is_not_found(nasimi_officer, ganja_officer):
    seizure = seize(nasimi_officer)
    assert client_for(ganja_officer).get(seizure.get_absolute_url()).status_code == 404
    assert client_for(nasimi_officer).get(seizure.get_absolute_url()).status_code == 200
    with pytest.raises(ValidationError):
        seize(ganja_officer)


def test_the_seizure_form_and_list(nasimi_officer):
    client = client_for(nasimi_officer)
    response = client.post(
        reverse("drugs:seizure-new"),
        {
            "seized_on": "2023-04-02",
            "body": body("baku-nasimi").pk,
            "substance": Substance.objects.get(code="heroin").pk,
            "quantity": "30",
            "unit": "g",
            "found_by": "operation",
            "place": "Port",
        },
    )
    seizure = Seizure.objects.get()
    assert response.url == seizure.get_absolute_url()
    assert "especially large" in client.get(seizure.get_absolute_url()).content.decode()
    assert list(
        client.get(reverse("drugs:seizure-list"), {"grade": "especially_large"}).context["object_list"]
    ) == [seizure]


def test_the_api_takes_a_seizure_in_any_unit(nasimi_officer):
    from precinct.conftest import api_for

    client = api_for(nasimi_officer)
    created = client.post(
        "/api/seizures/",
        {
            "seized_on": "2023-04-02",
            "body": "baku-nasimi",
            "substance": "hashish",
            "quantity": "0.5",
            "unit": "t",
            "found_by": "border",
        },
        format="json",
    )
    assert created.status_code == 201, created.data
    assert Decimal(created.data["grams"]) == Decimal(500_000)
    bad = client.post(
        "/api/seizures/", {"body": "ganja", "substance": "nothing", "unit": "bucket"}, format="json"
    )
    assert bad.status_code == 400 and {"body", "substance", "unit", "quantity", "seized_on"} <= set(bad.data)
