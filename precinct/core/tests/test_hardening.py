"""Edges that must not fail open or with a server error."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from precinct.conftest import client_for, register
from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes.models import Crime
from precinct.organisation.models import Body


@pytest.mark.parametrize(
    "cell, field",
    [
        ("damage=Infinity", "damage"),
        ("damage=1e20", "damage"),
        ("number=99999999999999999999", "number"),
        ("place=" + "x" * 201, "place"),
    ],
)
def test_the_import_refuses_values_the_register_cannot_hold(nasimi_officer, tmp_path, cell, field):
    column, value = cell.split("=", 1)
    path = tmp_path / "crimes.csv"
    path.write_text(
        f"body,registered_on,agency,article,{column}\nbaku-nasimi,2023-01-05,police,177.1,{value}\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=err)
    assert f"line 2, {field}:" in err.getvalue() and not Crime.objects.exists()


def test_a_deleted_records_id_is_never_given_again(administrator):
    newest = register(administrator)
    gone = newest.pk
    client_for(administrator).delete(f"/api/crimes/{gone}/")
    (again,) = bulk_write(
        Actor.cli(administrator),
        Crime,
        [
            Crime(
                **{
                    "body": newest.body,
                    "year": 2023,
                    "number": 9,
                    "registered_on": datetime.date(2023, 2, 1),
                    "agency": "police",
                    "article": newest.article,
                }
            )
        ],
    )
    assert again.pk > gone


def test_renaming_a_body_moves_the_bodies_below_it(administrator):
    from precinct.core.audit import Actor
    from precinct.organisation.services import edit_body

    baku = Body.objects.get(code="baku")
    edit_body(actor=Actor.cli(administrator), body=baku, values={"code": "baku-city"})
    assert Body.objects.get(code="baku-nasimi").path == "mia/baku-city/baku-nasimi/"


def test_the_api_schema_is_for_logged_in_users(anonymous_client):
    assert anonymous_client.get("/api/schema/").status_code in (401, 403)
    assert anonymous_client.get("/api/docs/").status_code in (302, 401, 403)


def test_the_admin_site_is_for_administrators_only(analyst, administrator):
    analyst.is_staff = True
    analyst.save()
    assert client_for(analyst).get("/admin/crimes/article/").status_code == 403
    assert client_for(administrator).get("/admin/crimes/article/").status_code == 200


def test_changing_a_users_reach_in_the_admin_is_audited_without_the_password(administrator, nasimi_officer):
    from precinct.core.models import AuditEntry

    client = client_for(administrator)
    response = client.post(
        f"/admin/organisation/user/{nasimi_officer.pk}/change/",
        {
            "username": "nasimi",
            "role": "officer",
            "is_active": "on",
            "reach": [Body.objects.get(code="ganja").pk],
            "date_joined_0": "2023-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.filter(model="organisation.user", object_id=str(nasimi_officer.pk)).first()
    assert entry.after["reach"] == [Body.objects.get(code="ganja").pk]
    assert "password" not in entry.after
