"""Organisation changes: founding, moving, renaming and closing bodies, audited, with every figure true."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from precinct.conftest import body, client_for, register
from precinct.core.audit import Actor
from precinct.core.measures import Scope, from_records
from precinct.core.models import AuditEntry
from precinct.core.periods import Period
from precinct.core.rollups import rollups
from precinct.crimes.measures import REGISTERED
from precinct.organisation import services
from precinct.organisation.models import Body, BodyKind
from precinct.reports.engine import board_report

Q1 = Period(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))


def registered(code: str) -> int:
    return REGISTERED.value(Q1, Scope(body(code)))


def found_khankandi_district(administrator) -> Body:
    return services.found_body(
        actor=Actor.cli(administrator),
        values={
            "code": "khankandi-east",
            "parent": body("khankandi"),
            "kind": BodyKind.DISTRICT_DEPARTMENT,
            "name_en": "Khankandi East Police Office",
            "name_az": "Xankəndi Şərq Polis Şöbəsi",
            "name_ru": "Восточный отдел полиции Ханкенди",
            "founded": datetime.date(2023, 10, 15),
        },
    )


def test_it_moves_a_body_with_the_bodies_under_it_and_every_figure(administrator):
    register(administrator, body=body("baku-nasimi"), registered_on=datetime.date(2023, 2, 1))
    register(administrator, body=body("baku-nasimi"), registered_on=datetime.date(2022, 1, 1))
    baku_before = registered("baku")
    services.move_body(actor=Actor.cli(administrator), body=body("baku-nasimi"), parent=body("ganja"))
    moved = body("baku-nasimi")
    assert moved.path == "mia/ganja/baku-nasimi/"
    assert registered("baku") == baku_before - 1 and registered("ganja") == 1 and registered("mia") == 1
    for rollup in rollups():
        assert rollup.differences() == []
    # Like for like: last year's figures follow today's organisation too.
    report = board_report(Q1, body("ganja")).as_dict()
    assert report["sections"][0]["figures"][1]["previous"] == 1
    with from_records():
        assert board_report(Q1, body("ganja")).as_dict() == report


def test_a_crime_registered_after_a_move_counts_in_the_new_parents_figures(administrator):
    register(administrator, body=body("baku-nasimi"))  # the rollups have read the old chain once
    services.move_body(actor=Actor.cli(administrator), body=body("baku-nasimi"), parent=body("ganja"))
    register(administrator, body=body("baku-nasimi"))
    assert (registered("ganja"), registered("baku")) == (2, 0)


def test_it_audits_the_move_and_every_body_moved_with_it(administrator):
    parent = found_khankandi_district(administrator)
    below = services.found_body(
        actor=Actor.cli(administrator),
        values={"code": "khankandi-east-post", "parent": parent, "kind": BodyKind.UNIT, "name_en": "Post 1",
                "name_az": "Post 1", "name_ru": "Пост 1"},
    )  # fmt: skip
    services.move_body(actor=Actor.cli(administrator), body=parent, parent=body("ganja"))
    assert body("khankandi-east-post").path == "mia/ganja/khankandi-east/khankandi-east-post/"
    entries = AuditEntry.objects.filter(model="organisation.body")
    assert entries.filter(object_id=str(parent.pk), action="update").exists()
    moved = entries.get(object_id=str(below.pk), action="update")
    assert moved.before["path"].endswith("khankandi/khankandi-east/khankandi-east-post/")
    assert moved.after["path"] == "mia/ganja/khankandi-east/khankandi-east-post/"
    assert "moved with" in moved.note


def test_it_renames_and_recodes_a_body_and_keeps_reach(administrator, nasimi_officer):
    services.edit_body(
        actor=Actor.cli(administrator),
        body=body("baku-nasimi"),
        values={"code": "baku-nasimi-2", "name_en": "Nasimi District Police Department No. 2"},
    )
    renamed = Body.objects.get(code="baku-nasimi-2")
    assert renamed.path == "mia/baku/baku-nasimi-2/"
    assert nasimi_officer.reaches(renamed)


def test_it_refuses_a_body_under_itself_or_under_a_closed_one(administrator):
    actor = Actor.cli(administrator)
    with pytest.raises(ValidationError) as refused:
        services.move_body(actor=actor, body=body("baku"), parent=body("baku-nasimi"))
    assert "parent" in refused.value.message_dict
    district = found_khankandi_district(administrator)
    services.close_body(actor=actor, body=district, on=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.move_body(actor=actor, body=body("ganja"), parent=body("khankandi-east"))
    assert "closed" in refused.value.message_dict["parent"][0]


def test_a_closed_body_keeps_its_figures(administrator):
    register(administrator, body=body("baku-nasimi"))
    services.close_body(
        actor=Actor.cli(administrator), body=body("baku-nasimi"), on=datetime.date(2023, 12, 31)
    )
    assert registered("baku-nasimi") == 1 and registered("baku") == 1


def test_a_plain_save_cannot_move_a_body_behind_the_figures_back(db):
    nasimi = body("baku-nasimi")
    nasimi.parent = body("ganja")
    with pytest.raises(ValueError, match="edit_body"):
        nasimi.save()


def test_only_administrators_change_the_organisation(analyst):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.move_body(actor=Actor.cli(analyst), body=body("baku-nasimi"), parent=body("ganja"))


def test_the_admin_moves_a_body_through_the_service(administrator):
    register(administrator, body=body("baku-nasimi"))
    nasimi = body("baku-nasimi")
    client = client_for(administrator)
    url = reverse("admin:organisation_body_change", args=[nasimi.pk])
    form = {"code": nasimi.code, "name_az": nasimi.name_az, "name_en": nasimi.name_en,
            "name_ru": nasimi.name_ru, "kind": nasimi.kind, "parent": body("ganja").pk}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    assert body("baku-nasimi").path == "mia/ganja/baku-nasimi/" and registered("ganja") == 1
    form["parent"] = body("baku-nasimi").pk  # under itself: the form says why
    response = client.post(url, form)
    assert response.status_code == 200 and "cannot be placed under itself" in response.content.decode()


def test_the_command_line_founds_and_moves_bodies(administrator):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command("body", "found", "khankandi-north", parent="khankandi", name="Khankandi North",
                 on="2023-10-15", user="admin", stdout=out)  # fmt: skip
    assert "mia/khankandi/khankandi-north/" in out.getvalue()
    call_command("body", "move", "khojaly", parent="khankandi", user="admin", stdout=out)
    assert body("khojaly").path == "mia/khankandi/khojaly/"
    with pytest.raises(CommandError, match="parent"):
        call_command("body", "move", "khankandi", parent="khojaly", user="admin", stdout=out)


def test_a_record_is_dated_within_its_bodys_life(administrator):
    district = found_khankandi_district(administrator)
    with pytest.raises(ValidationError) as refused:  # before its founding on 15 October 2023
        register(administrator, body=district, registered_on=datetime.date(2023, 10, 14))
    assert "founded on 15.10.2023" in refused.value.message_dict["registered_on"][0]
    crime = register(administrator, body=district, registered_on=datetime.date(2023, 10, 15))
    services.close_body(actor=Actor.cli(administrator), body=district, on=datetime.date(2023, 11, 30))
    from precinct.crimes import services as crime_services

    with pytest.raises(ValidationError) as refused:  # moved past its closing
        crime_services.edit_crime(
            actor=Actor.cli(administrator), crime=crime, values={"registered_on": datetime.date(2023, 12, 1)}
        )
    assert "closed on 30.11.2023" in refused.value.message_dict["registered_on"][0]


def test_a_bodys_life_cannot_leave_its_records_outside(administrator):
    register(administrator, body=body("baku-nasimi"), registered_on=datetime.date(2023, 3, 14))
    actor = Actor.cli(administrator)
    with pytest.raises(ValidationError) as refused:
        services.close_body(actor=actor, body=body("baku-nasimi"), on=datetime.date(2023, 3, 13))
    assert "crimes are dated after this day" in refused.value.message_dict["closed"][0]
    with pytest.raises(ValidationError) as refused:
        services.edit_body(
            actor=actor, body=body("baku-nasimi"), values={"founded": datetime.date(2023, 3, 15)}
        )
    assert "crimes are dated before this day" in refused.value.message_dict["founded"][0]
    services.close_body(actor=actor, body=body("baku-nasimi"), on=datetime.date(2023, 3, 14))  # its last day


def test_the_api_and_the_import_keep_a_bodys_life(administrator, tmp_path):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from precinct.conftest import api_for

    found_khankandi_district(administrator)
    values = {"body": "khankandi-east", "registered_on": "2023-10-01", "agency": "police", "article": "177.1",
              "status": "investigation"}  # fmt: skip
    refused = api_for(administrator).post("/api/crimes/", values, format="json")
    assert refused.status_code == 400 and "founded on 15.10.2023" in str(refused.json()["registered_on"])
    path = tmp_path / "crimes.csv"
    path.write_text(
        "body,registered_on,agency,article,status\nkhankandi-east,2023-10-01,police,177.1,investigation\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import", "crimes", str(path), user="admin", stdout=io.StringIO(), stderr=err)
    assert "registered_on" in err.getvalue() and "founded on 15.10.2023" in err.getvalue()


def test_renaming_in_one_language_keeps_the_others(administrator):
    import io

    from django.core.management import call_command

    before = body("baku-nasimi")
    call_command(
        "body", "rename", "baku-nasimi", name="Nasimi District Police", user="admin", stdout=io.StringIO()
    )
    after = body("baku-nasimi")
    assert after.name_en == "Nasimi District Police"
    assert (after.name_az, after.name_ru) == (before.name_az, before.name_ru)
