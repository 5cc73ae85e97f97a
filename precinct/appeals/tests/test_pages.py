"""The appeals officers' pages: reach, deadline flags, the workflow from the page, read audit."""

import datetime

from django.urls import reverse
from django.utils import timezone

from precinct.appeals import services
from precinct.appeals.models import Application, Status, Subject
from precinct.appeals.tests.conftest import apply
from precinct.conftest import body, client_for
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via


def test_an_appeals_officer_sees_only_their_districts_applications(nasimi_appeals, ganja_appeals):
    mine = apply(nasimi_appeals)
    theirs = apply(ganja_appeals, body=body("ganja"))
    client = client_for(nasimi_appeals)
    listed = client.get(reverse("appeals:application-list")).context["object_list"]
    assert list(listed) == [mine]
    assert client.get(theirs.get_absolute_url()).status_code == 404
    api = client.get(reverse("appeals:application-list"), {"export": "csv"})
    assert theirs.number not in b"".join(api.streaming_content).decode()


def test_opening_an_application_is_an_audited_read_of_the_applicants_data(nasimi_appeals):
    application = apply(nasimi_appeals)
    response = client_for(nasimi_appeals).get(application.get_absolute_url())
    assert "Məmmədov Əli Vəli oğlu" in response.content.decode()
    read = AuditEntry.objects.filter(
        action=Action.READ, model="appeals.application", object_id=str(application.pk)
    )
    assert read.count() == 1 and read.get().username == "nasimi-appeals"


def test_overdue_and_soon_due_applications_are_flagged_and_counted(nasimi_appeals):
    today = timezone.localdate()
    overdue = apply(nasimi_appeals, received_on=today - datetime.timedelta(days=60))
    soon = apply(nasimi_appeals, received_on=today)
    Application.objects.filter(pk=soon.pk).update(due_on=today + datetime.timedelta(days=1))
    answered = apply(nasimi_appeals, received_on=today - datetime.timedelta(days=90))
    answered = services.assign(
        actor=Actor(nasimi_appeals, Via.WEB), application=answered, officer=nasimi_appeals
    )
    services.answer(actor=Actor(nasimi_appeals, Via.WEB), application=answered, answer="Answered late.")
    client = client_for(nasimi_appeals)
    page = client.get(reverse("appeals:application-list"))
    assert page.context["counts"] == {"overdue": 1, "soon": 1}
    assert list(
        client.get(reverse("appeals:application-list"), {"deadline": "overdue"}).context["object_list"]
    ) == [overdue]
    assert list(
        client.get(reverse("appeals:application-list"), {"deadline": "soon"}).context["object_list"]
    ) == [soon]
    assert 'id="deadline-flag"' in client.get(overdue.get_absolute_url()).content.decode()


def test_the_workflow_is_driven_from_the_page(nasimi_appeals, nasimi_chief):
    application = apply(nasimi_appeals)
    client = client_for(nasimi_chief)
    client.post(reverse("appeals:step", args=[application.pk, "assign"]), {"officer": nasimi_appeals.pk})
    assert Application.objects.get(pk=application.pk).officer == nasimi_appeals
    officer = client_for(nasimi_appeals)
    response = officer.post(
        reverse("appeals:step", args=[application.pk, "extend"]), {"days": 45, "reason": "x"}
    )
    assert Application.objects.get(pk=application.pk).status == Status.ASSIGNED  # refused: over 30
    assert "Working days" in officer.get(response.url).content.decode()
    officer.post(
        reverse("appeals:step", args=[application.pk, "answer"]),
        {"answer": "Patrol sent.", "answered_on": timezone.localdate().isoformat(), "substantive": "on"},
    )
    officer.post(reverse("appeals:step", args=[application.pk, "feedback"]),
                 {"kind": "gratitude", "received_on": timezone.localdate().isoformat()})  # fmt: skip
    officer.post(reverse("appeals:step", args=[application.pk, "close"]), {})
    application = Application.objects.get(pk=application.pk)
    assert application.status == Status.CLOSED
    assert application.feedback.get().officer == nasimi_appeals


def test_an_analyst_reads_but_cannot_move_an_application(nasimi_appeals, analyst):
    application = apply(nasimi_appeals)
    client = client_for(analyst)
    assert client.get(application.get_absolute_url()).status_code == 200
    response = client.post(reverse("appeals:step", args=[application.pk, "close"]), {})
    assert response.status_code == 403


def test_registering_from_the_page_with_an_attachment(nasimi_appeals, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = client_for(nasimi_appeals)
    pdf = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter", content_type="application/pdf")
    response = client.post(
        reverse("appeals:application-new"),
        {
            "received_on": "2023-05-02", "channel": "letter", "body": body("baku-nasimi").pk,
            "subject": Subject.objects.get(code="other").pk, "applicant_name": "Əliyeva Leyla",
            "applicant_id_number": "AZE7654321",
            "text": "A neighbour's dog.", "attachments": [pdf],
        },
    )  # fmt: skip
    application = Application.objects.get()
    assert response.url == application.get_absolute_url()
    attachment = application.attachments.get()
    assert attachment.content_type == "application/pdf"
    download = client.get(reverse("appeals:attachment", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 a letter"


def test_a_file_of_a_type_not_allowed_writes_nothing(nasimi_appeals, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    script = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    good = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 a scan", content_type="application/pdf")
    response = client_for(nasimi_appeals).post(
        reverse("appeals:application-new"),
        {
            "received_on": "2023-05-02", "channel": "letter", "body": body("baku-nasimi").pk,
            "subject": Subject.objects.get(code="other").pk, "applicant_name": "Əliyeva Leyla",
            "applicant_id_number": "AZE7654321",
            "text": "A neighbour's dog.", "attachments": [good, script],
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "“letter.pdf” is not a PDF, JPEG or PNG file" in response.content.decode()
    assert not Application.objects.exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]  # not even the good file
