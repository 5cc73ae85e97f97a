"""The appeals API: reach, audited reads, registration and the workflow through `steps`."""

import datetime

from precinct.appeals.models import Application, Status
from precinct.appeals.tests.conftest import apply
from precinct.conftest import api_for as api
from precinct.conftest import body
from precinct.core.models import Action, AuditEntry, Via


def test_the_api_lists_only_applications_in_reach_and_audits_the_read(nasimi_appeals, ganja_appeals):
    mine = apply(nasimi_appeals)
    apply(ganja_appeals, body=body("ganja"))
    response = api(nasimi_appeals).get("/api/applications/")
    assert [row["number"] for row in response.data["results"]] == [mine.number]
    assert AuditEntry.objects.filter(via=Via.API, action=Action.READ, model="appeals.application").exists()
    assert (
        api(nasimi_appeals)
        .get(f"/api/applications/{Application.objects.exclude(pk=mine.pk).get().pk}/")
        .status_code
        == 404
    )


def test_registering_and_moving_an_application_through_the_api(nasimi_appeals):
    client = api(nasimi_appeals)
    created = client.post(
        "/api/applications/",
        {"received_on": "2023-05-02", "channel": "email", "body": "baku-nasimi", "subject": "public_order",
         "applicant_name": "Əliyeva Leyla", "applicant_id_number": "AZE7654321", "text": "Noise at night."},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.data
    pk = created.data["id"]
    assert created.data["due_on"] == "2023-05-24"  # 15 working days, 9 May (Victory Day) not counted
    client.post(
        f"/api/applications/{pk}/steps/", {"step": "assign", "officer": nasimi_appeals.pk}, format="json"
    )
    refused = client.post(
        f"/api/applications/{pk}/steps/", {"step": "extend", "days": 40, "reason": "x"}, format="json"
    )
    assert refused.status_code == 400 and "days" in refused.data
    answered = client.post(
        f"/api/applications/{pk}/steps/",
        {"step": "answer", "answer": "A patrol was sent.", "answered_on": "2023-05-10", "substantive": True},
        format="json",
    )
    assert answered.status_code == 200 and answered.data["status"] == Status.ANSWERED
    assert [s["status_to"] for s in answered.data["steps"]] == ["registered", "assigned", "answered"]
    bad = client.post(
        "/api/applications/", {"channel": "email", "body": "ganja", "subject": "nothing"}, format="json"
    )
    assert bad.status_code == 400 and {"body", "subject", "received_on", "text"} <= set(bad.data)


def test_an_analyst_reads_but_cannot_write_through_the_api(nasimi_appeals, analyst):
    application = apply(nasimi_appeals, received_on=datetime.date(2023, 5, 2))
    client = api(analyst)
    assert client.get(f"/api/applications/{application.pk}/").status_code == 200
    assert client.post(f"/api/applications/{application.pk}/steps/", {"step": "close"}).status_code == 403
