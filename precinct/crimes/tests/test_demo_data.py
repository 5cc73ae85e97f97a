"""The demonstration data is generated through the register's own paths, once."""

import io

from django.core.management import call_command

from precinct.core.models import AuditEntry
from precinct.crimes.models import Crime, CriminalGroup, Wanted


def test_it_generates_a_consistent_national_dataset_once(administrator):
    call_command("demo-data", user="admin", scale=0.01, stdout=io.StringIO(), stderr=io.StringIO())
    crimes = Crime.objects.count()
    assert crimes > 500
    assert Crime.objects.values("body").distinct().count() > 50
    assert (
        Crime.objects.filter(registered_on__year=2022).exists()
        and Crime.objects.filter(registered_on__year=2023).exists()
    )
    assert Wanted.objects.exists() and CriminalGroup.objects.exists()
    assert AuditEntry.objects.filter(model="crimes.crime", action="create").count() == crimes
    call_command("demo-data", user="admin", scale=0.01, stdout=io.StringIO(), stderr=io.StringIO())
    assert Crime.objects.count() == crimes


def test_no_crime_is_registered_before_its_body_was_founded(administrator):
    call_command("demo-data", user="admin", scale=0.02, stdout=io.StringIO(), stderr=io.StringIO())
    assert not Crime.objects.filter(body__code="khankandi", registered_on__lt="2023-10-15").exists()
