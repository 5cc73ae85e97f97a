"""Road safety's pages and API: reach, vehicle numbers read-audited, the batch endpoint, accidents."""

import datetime
import io
import json

from django.urls import reverse
from rest_framework.test import APIClient

from precinct.conftest import api_for, body, client_for
from precinct.core.audit import Actor, readable_changes
from precinct.core.models import Action, AuditEntry, Via
from precinct.traffic.feed import ViolationFeed, csv_rows
from precinct.traffic.models import Accident, AccidentMonth, Device, Outage, Violation
from precinct.traffic.tests.test_feed import GOOD, HEADER


def seed(db_user) -> None:
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    Device.objects.create(code="CAM-2", kind="parking", body=body("ganja"), place="Javadkhan street")
    ViolationFeed(Actor(db_user, Via.IMPORT), "seed").run(csv_rows(io.StringIO(HEADER + GOOD)))


def test_an_officer_sees_only_their_districts_violations_and_reading_one_is_audited(
    nasimi_officer, administrator
):
    seed(administrator)
    client = client_for(nasimi_officer)
    response = client.get(reverse("traffic:violation-list"))
    listed = response.context["object_list"]
    assert "10AB•••" in response.content.decode() and "10AB123" not in response.content.decode()
    assert {v.body.code for v in listed} == {"baku-nasimi"} and len(listed) == 3
    ganja = Violation.objects.get(body__code="ganja")
    assert client.get(ganja.get_absolute_url()).status_code == 404
    mine = Violation.objects.get(vehicle="10AB123")
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "10AB123" in page
    assert AuditEntry.objects.filter(
        action=Action.READ, model="traffic.violation", object_id=str(mine.pk), username="nasimi"
    ).exists()
    client.get(reverse("traffic:violation-list"), {"vehicle": "10-ab-123"})
    assert AuditEntry.objects.filter(
        action=Action.READ, model="traffic.violation", note__contains="vehicle"
    ).exists()


def test_public_statistics_never_show_vehicle_numbers(administrator):
    seed(administrator)
    page = client_for(administrator).get(reverse("public-statistics"), {"period": "2023-Q2"})
    anonymous = APIClient().get(reverse("public-statistics")).content.decode()
    for text in (page.content.decode(), anonymous):
        assert "10AB123" not in text and "77AA777" not in text


def test_the_payment_is_changed_within_reach(nasimi_officer, ganja_officer, administrator):
    seed(administrator)
    violation = Violation.objects.get(vehicle="10AB123")
    client_for(ganja_officer).post(reverse("traffic:payment", args=[violation.pk]), {"payment": "paid"})
    assert Violation.objects.get(pk=violation.pk).payment == "unpaid"
    client_for(nasimi_officer).post(reverse("traffic:payment", args=[violation.pk]), {"payment": "paid"})
    assert Violation.objects.get(pk=violation.pk).payment == "paid"
    assert AuditEntry.objects.filter(action=Action.UPDATE, model="traffic.violation").exists()


def test_the_api_takes_a_batch_and_refuses_those_who_may_not(nasimi_officer, analyst, administrator):
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    client = api_for(nasimi_officer)
    lines = "\n".join(
        [
            json.dumps(
                {
                    "occurred_at": "2023-05-01 10:00:00",
                    "device": "CAM-1",
                    "article": "328.1",
                    "vehicle": "10AB123",
                }
            ),
            json.dumps(
                {
                    "occurred_at": "2023-05-01 10:00:00",
                    "device": "CAM-1",
                    "article": "328.1",
                    "vehicle": "10AB123",
                }
            ),
            json.dumps(
                {"occurred_at": "yesterday", "device": "CAM-1", "article": "328.1", "vehicle": "10AB124"}
            ),
        ]
    )
    response = client.post(reverse("violation-batch"), lines, content_type="application/x-ndjson")
    assert response.status_code == 201, response.data
    assert (response.data["written"], response.data["duplicates"], response.data["quarantined"]) == (1, 1, 1)
    assert response.data["problems"] == [
        {
            "line": 3,
            "field": "occurred_at",
            "reason": "“yesterday” is not a date and time (YYYY-MM-DD HH:MM:SS)",
        }
    ]
    again = client.post(reverse("violation-batch"), lines, content_type="application/x-ndjson")
    assert again.data["written"] == 0 and Violation.objects.count() == 1
    listed = client.get("/api/violations/")
    assert [row["vehicle"] for row in listed.data["results"]] == ["10AB123"]
    reader = api_for(analyst)
    assert (
        reader.post(reverse("violation-batch"), lines, content_type="application/x-ndjson").status_code == 403
    )
    assert client.post(reverse("violation-batch"), "x", content_type="application/pdf").status_code == 400


def test_an_accident_is_recorded_and_counted(nasimi_officer):
    response = client_for(nasimi_officer).post(
        reverse("traffic:accident-new"),
        {
            "occurred_at": "2023-04-02T18:30",
            "body": body("baku-nasimi").pk,
            "road": "Heydar Aliyev avenue",
            "vehicles": 2,
            "killed": 1,
            "injured": 3,
            "cause": "speeding",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    cell = AccidentMonth.objects.get(body=body("mia"), month=datetime.date(2023, 4, 1))
    assert (cell.accidents, cell.killed, cell.injured) == (1, 1, 3)


def test_batches_are_seen_by_their_sender_and_by_those_who_reach_a_body_they_wrote_for(
    nasimi_officer, ganja_officer, administrator
):
    seed(administrator)  # writes for Nasimi and Ganja
    Device.objects.create(code="CAM-3", kind="speed", body=body("baku-nasimi"), place="Nizami street")
    own = ViolationFeed(Actor(nasimi_officer, Via.IMPORT), "mine.csv").run(
        csv_rows(io.StringIO(HEADER + "2023-07-01 10:00:00,,CAM-3,,328.2,10AB999,,,\n"))
    )
    listed = client_for(ganja_officer).get(reverse("traffic:batch-list")).context["batches"]
    assert [b.source for b in listed] == ["seed"]
    assert client_for(ganja_officer).get(own.batch.get_absolute_url()).status_code == 404
    assert client_for(nasimi_officer).get(own.batch.get_absolute_url()).status_code == 200
    refused = ViolationFeed(Actor(nasimi_officer, Via.IMPORT), "refused.csv").run(
        csv_rows(io.StringIO(HEADER + "2023-07-01 10:00:00,,CAM-2,,328.2,10AB998,,,\n"))
    )
    assert refused.quarantined == 1 and not refused.batch.bodies.exists()
    assert client_for(nasimi_officer).get(refused.batch.get_absolute_url()).status_code == 200
    everything = client_for(administrator).get(reverse("traffic:batch-list")).context["batches"]
    assert {b.source for b in everything} == {"seed", "mine.csv", "refused.csv"}


def test_the_api_and_the_exports_audit_every_read_of_vehicle_numbers(nasimi_officer, administrator):
    seed(administrator)
    client = api_for(nasimi_officer)
    listed = client.get("/api/violations/")
    assert len(listed.data["results"]) == 3
    assert AuditEntry.objects.filter(
        action=Action.READ, model="traffic.violation", object_id="*", username="nasimi"
    ).exists()
    one = Violation.objects.get(vehicle="10AB123")
    assert client.get(f"/api/violations/{one.pk}/").data["vehicle"] == "10AB123"
    assert AuditEntry.objects.filter(
        action=Action.READ, model="traffic.violation", object_id=str(one.pk), username="nasimi"
    ).exists()
    ganja = Violation.objects.get(body__code="ganja")
    assert client.get(f"/api/violations/{ganja.pk}/").status_code == 404
    before = AuditEntry.objects.filter(object_id="*").count()
    exported = client_for(nasimi_officer).get(reverse("traffic:violation-list"), {"export": "csv"})
    assert "10AB•••" in b"".join(exported.streaming_content).decode()
    assert AuditEntry.objects.filter(object_id="*").count() == before + 1
    # The records behind a figure list vehicle numbers masked, in the page and in its export.
    drill = client_for(nasimi_officer).get(
        reverse("reports:records"),
        {"start": "2023-01-01", "end": "2023-12-31", "body": "baku-nasimi", "measure": "traffic.violations"},
    )
    assert drill.status_code == 200 and "10AB123" not in drill.content.decode()
    csv_text = b"".join(
        client_for(nasimi_officer)
        .get(
            reverse("reports:records"),
            {
                "start": "2023-01-01",
                "end": "2023-12-31",
                "body": "baku-nasimi",
                "measure": "traffic.violations",
                "export": "csv",
            },
        )
        .streaming_content
    ).decode()
    assert "10AB•••" in csv_text and "10AB123" not in csv_text


def test_a_device_counts_its_detections_and_all_its_time_out_of_service(administrator):
    seed(administrator)
    camera = Device.objects.get(code="CAM-1")
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    for day in range(60):  # more outages than the page lists
        Outage.objects.create(
            device=camera,
            started_at=start + datetime.timedelta(days=day),
            ended_at=start + datetime.timedelta(days=day, hours=2),
        )
    page = client_for(administrator).get(camera.get_absolute_url())
    assert page.context["detections"] == 2
    assert page.context["out_of_service"] == datetime.timedelta(hours=120)
    assert len(page.context["outages"]) == 50
    assert "120.0 hours" in page.content.decode()


def test_an_accident_keeps_its_main_cause_and_its_other_causes(nasimi_officer):
    client = client_for(nasimi_officer)
    values = {
        "occurred_at": "2023-04-02T18:30",
        "body": body("baku-nasimi").pk,
        "road": "Heydar Aliyev avenue",
        "vehicles": 2,
        "killed": 0,
        "injured": 1,
        "cause": "speeding",
        "other_causes": ["road", "drunk"],
    }
    assert client.post(reverse("traffic:accident-new"), values).status_code == 302
    accident = Accident.objects.get()
    assert accident.other_causes == ["drunk", "road"]
    assert (
        "driving under the influence, road conditions"
        in client.get(accident.get_absolute_url()).content.decode()
    )
    refused = client.post(reverse("traffic:accident-new"), values | {"other_causes": ["meteor"]})
    assert "other_causes" in refused.context["form"].errors
    for cause, found in (("speeding", 1), ("road", 1), ("distraction", 0)):
        listed = client.get(reverse("traffic:accident-list"), {"cause": cause}).context["object_list"]
        assert len(listed) == found, cause
    api = api_for(nasimi_officer)
    assert api.get(f"/api/accidents/{accident.pk}/").data["other_causes"] == ["drunk", "road"]
    changed = api.patch(f"/api/accidents/{accident.pk}/", {"other_causes": ["pedestrian"]}, format="json")
    assert changed.status_code == 200, changed.data
    assert Accident.objects.get().other_causes == ["pedestrian"]
    entry = AuditEntry.objects.filter(model="traffic.accident", action=Action.UPDATE).get()
    assert entry.before["other_causes"] == ["drunk", "road"] and entry.after["other_causes"] == ["pedestrian"]
    assert ("other causes", "driving under the influence, road conditions", "pedestrian's fault") in [
        (str(label), before, after) for label, before, after in readable_changes(entry)
    ]
    assert (
        api.patch(f"/api/accidents/{accident.pk}/", {"other_causes": ["meteor"]}, format="json").status_code
        == 400
    )
