"""Every write leaves an audit entry with the interface, and reading a person's record is audited."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, register
from precinct.core.audit import Actor
from precinct.core.models import AuditEntry
from precinct.crimes.models import Crime, Person
from precinct.crimes.services import register_person


def entries(instance):
    return AuditEntry.objects.filter(model=instance._meta.label_lower, object_id=str(instance.pk)).order_by(
        "id"
    )


def test_it_audits_a_crime_registered_through_the_web(nasimi_officer):
    client = client_for(nasimi_officer)
    response = client.post(
        reverse("crimes:crime-new"),
        {
            "body": body("baku-nasimi").pk,
            "registered_on": "2023-05-02",
            "agency": "police",
            "article": _article_pk("177.1"),
            "damage": "100.00",
            "compensated": "0",
            "status": "investigation",
            "solved_with": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    crime = Crime.objects.get()
    (entry,) = entries(crime)
    assert (entry.username, entry.via, entry.action) == ("nasimi", "web", "create")
    assert entry.after["damage"] == "100.00" and entry.before is None


def test_it_audits_an_edit_with_values_before_and_after(nasimi_officer):
    crime = register(nasimi_officer)
    client = api_for(nasimi_officer)
    response = client.patch(
        f"/api/crimes/{crime.pk}/",
        {"status": "solved", "solved_on": "2023-04-01"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    update = entries(crime).last()
    assert (update.via, update.action) == ("api", "update")
    assert update.before["status"] == "investigation" and update.after["status"] == "solved"
    assert ("solved_on", None, "2023-04-01") in update.changes()


def test_it_audits_a_delete(administrator):
    crime = register(administrator)
    api_for(administrator).delete(f"/api/crimes/{crime.pk}/")
    assert not Crime.objects.exists()
    assert entries(crime).last().action == "delete"


def test_it_audits_reading_a_persons_record_on_the_web_and_the_api(nasimi_officer):
    person = register_person(
        actor=Actor.cli(nasimi_officer),
        values={"body": body("baku-nasimi"), "surname": "Mammadov", "given_name": "Ali"},
    )
    client = client_for(nasimi_officer)
    client.get(reverse("crimes:person", args=[person.pk]))
    api_for(nasimi_officer).get(f"/api/persons/{person.pk}/")
    reads = entries(person).filter(action="read")
    assert [(e.username, e.via) for e in reads] == [("nasimi", "web"), ("nasimi", "api")]


def test_it_audits_exports_of_persons(nasimi_officer):
    register_person(
        actor=Actor.cli(nasimi_officer),
        values={"body": body("baku-nasimi"), "surname": "Mammadov", "given_name": "Ali"},
    )
    response = client_for(nasimi_officer).get(reverse("crimes:person-list"), {"export": "csv"})
    assert b"Mammadov" in b"".join(response.streaming_content)
    assert AuditEntry.objects.filter(model="crimes.person", object_id="*", action="read").count() == 1


def test_it_audits_imports_and_command_line_writes(nasimi_officer, tmp_path):
    path = tmp_path / "crimes.csv"
    path.write_text(
        "body,registered_on,agency,article\nbaku-nasimi,2023-01-05,police,177.1\n", encoding="utf-8"
    )
    call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=io.StringIO())
    crime = Crime.objects.get()
    assert [(e.via, e.action, e.username) for e in entries(crime)] == [("import", "create", "nasimi")]


def test_the_record_page_shows_its_history(nasimi_officer):
    crime = register(nasimi_officer)
    page = client_for(nasimi_officer).get(reverse("crimes:crime", args=[crime.pk])).content.decode()
    assert 'id="history"' in page and "nasimi" in page


def test_the_history_lists_changes_in_local_time_and_counts_the_reads(nasimi_officer, administrator):
    """Opening a record is audited, but is not a change: the history says how often it was opened, and
    an administrator follows the link to who did; its times are the ministry's, as dd.mm.yyyy."""
    import re

    from django.utils import timezone

    person = register_person(
        actor=Actor.cli(nasimi_officer),
        values={"body": body("baku-nasimi"), "surname": "Huseynova", "given_name": "Aysel"},
    )
    created = entries(person).get()
    url = reverse("crimes:person", args=[person.pk])
    officer = client_for(nasimi_officer)
    for _ in range(3):
        officer.get(url)
    page = client_for(administrator).get(url).content.decode()
    history = page[page.index('id="history"') :]
    rows = re.findall(r"<tr>\s*<td", history)
    assert len(rows) == 1  # the creation; not the four openings
    assert f"{timezone.localtime(created.at):%d.%m.%Y %H:%M}" in history
    assert "Opened 4 times" in history and "action=read" in history
    assert "action=read" not in officer.get(url).content.decode()  # the audit log is the administrators'


@pytest.mark.parametrize("persona, status", [("administrator", 200), ("analyst", 403)])
def test_only_administrators_search_the_audit_log(request, persona, status):
    user = request.getfixturevalue(persona)
    register(user if persona == "administrator" else request.getfixturevalue("administrator"))
    response = client_for(user).get(reverse("audit-log"), {"action": "create"})
    assert response.status_code == status


def _article_pk(code: str) -> int:
    from precinct.crimes.models import Article

    return Article.objects.get(code=code).pk


def test_a_person_is_audited_with_no_personal_data_lost(nasimi_officer):
    person = register_person(
        actor=Actor.cli(nasimi_officer),
        values={
            "body": body("baku-nasimi"),
            "surname": "Huseynova",
            "given_name": "Aysel",
            "id_number": "5ZK3HTQ",
        },
    )
    assert entries(person).get().after["id_number"] == "5ZK3HTQ"
    assert Person.objects.count() == 1


def test_the_history_names_fields_and_related_records(nasimi_officer):
    from precinct.core.audit import readable_changes

    crime = register(nasimi_officer)
    (created,) = entries(crime)
    rows = {label: after for label, _before, after in readable_changes(created, nasimi_officer)}
    assert rows["territorial body"] == "Nasimi District Police Department"
    assert rows["status"] == "under investigation" and "id" not in rows
