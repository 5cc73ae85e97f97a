"""The audit log is append-only and hash-chained: every entry, sealed once its transaction commits,
carries the digest of the one before; `precinct audit verify` proves the chain whole or names the
first broken entry, and `precinct audit head` exports the head."""

import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from precinct.conftest import register
from precinct.core import chain
from precinct.core.audit import Actor, record_named
from precinct.core.models import AuditEntry, Via
from precinct.crimes.models import Person


def written(administrator) -> list[AuditEntry]:
    """Entries written by every path (a service's record, a bulk write, a bulk create), then sealed as
    `precinct audit seal` does (the test's transaction never commits, so nothing is sealed on commit)."""
    from precinct.core.importing import bulk_write

    actor = Actor(administrator, Via.WEB, "10.0.0.5")
    crime = register(administrator)
    people = bulk_write(
        actor, Person, [Person(body=crime.body, surname=f"S{n}", given_name="G") for n in range(3)]
    )
    record_named(actor, people, crime)
    chain.seal()
    return list(AuditEntry.objects.order_by("seq"))


@pytest.mark.parametrize("by_key", [chain.BY_KEY, 0], ids=["by-key", "joined"])
def test_every_entry_is_sealed_in_order_and_the_chain_is_proved_whole(
    administrator, django_capture_on_commit_callbacks, monkeypatch, by_key
):
    monkeypatch.setattr(chain, "BY_KEY", by_key)  # both ways of writing the places, on PostgreSQL
    entries = written(administrator)
    assert [entry.seq for entry in entries] == list(range(1, len(entries) + 1)) and len(entries) >= 7
    digest = chain.GENESIS
    table = AuditEntry._meta.db_table
    at = "at AT TIME ZONE 'UTC'" if connection.vendor == "postgresql" else "at"
    for entry in entries:  # recomputed here from the stored text, by the documented rule
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CAST({at} AS TEXT), username, via, action, model, object_id, object_repr, "
                f"CAST(before AS TEXT), CAST(after AS TEXT), CAST(address AS TEXT), note FROM {table} "
                "WHERE id = %s",
                [entry.pk],
            )
            fields = cursor.fetchone()
        encoded = json.dumps([entry.seq, *fields], separators=(",", ":"), ensure_ascii=False).encode()
        digest = hashlib.sha256(digest.encode() + encoded).hexdigest()
        assert entry.digest == digest
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert f"whole: {len(entries)} entries" in out.getvalue()


@pytest.mark.parametrize("tampering", ["edit", "delete"])
def test_a_changed_or_removed_entry_is_named(administrator, tampering):
    entries = written(administrator)
    victim = entries[2]
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        if tampering == "edit":
            cursor.execute(f"UPDATE {table} SET note = %s WHERE id = %s", ["nothing happened", victim.pk])
        else:
            cursor.execute(f"DELETE FROM {table} WHERE id = %s", [victim.pk])
    broken = entries[2] if tampering == "edit" else entries[3]
    proved, found, _pending = chain.verify()
    assert (proved, found.pk) == (2, broken.pk)
    with pytest.raises(CommandError, match=f"broken at entry {broken.pk} "):
        call_command("audit", "verify", stdout=io.StringIO())


def test_no_interface_changes_or_deletes_an_entry(administrator):
    from precinct.conftest import client_for

    entry = written(administrator)[0]
    entry.note = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    admin = client_for(administrator)
    assert admin.get(f"/admin/core/auditentry/{entry.pk}/delete/").status_code == 403
    assert admin.post(f"/admin/core/auditentry/{entry.pk}/change/", {"note": "x"}).status_code == 403
    assert chain.verify()[1] is None


def test_the_head_is_exported_to_a_file_and_the_log(
    administrator, django_capture_on_commit_callbacks, tmp_path, caplog
):
    entries = written(administrator)
    heads = tmp_path / "heads.jsonl"
    call_command("audit", "head", heads_file=str(heads), stdout=io.StringIO())
    line = json.loads(heads.read_text().splitlines()[-1])
    assert (line["seq"], line["digest"]) == (entries[-1].seq, entries[-1].digest)
    assert entries[-1].digest in caplog.text


@pytest.mark.django_db(transaction=True)
def test_entries_are_sealed_as_their_transaction_commits(administrator):
    register(administrator)
    register(administrator)
    assert not AuditEntry.objects.filter(seq__isnull=True).exists()
    assert chain.verify() == (AuditEntry.objects.count(), None, 0)


def test_the_log_is_exported_whole_in_the_chains_order_and_the_export_is_itself_an_entry(
    administrator, tmp_path
):
    """From the command line and from the audit page: JSON Lines, one entry a line with its place and
    digest, which recompute the chain; a day range that ends before it begins is refused."""
    from django.urls import reverse

    from precinct.conftest import client_for

    entries = written(administrator)
    AuditEntry.objects.create(username="later", via=Via.CLI, action="read", model="x.y", object_id="1")
    out = tmp_path / "audit.jsonl"
    call_command("audit", "export", "-o", str(out), "--user", administrator.username, stderr=io.StringIO())
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["seq"] for line in exported] == [e.seq for e in entries] + [None]  # the pending one last
    digest = chain.GENESIS
    for line, entry in zip(exported, entries, strict=False):
        assert line["digest"] == entry.digest and line["username"] == entry.username
        fields = chain.stored("id = %s", "id", [entry.pk, 1])[0][1:]
        digest = chain.link(digest, line["seq"], fields)
        assert digest == line["digest"]
    taken = AuditEntry.objects.filter(model="core.auditentry", object_id="*").get()
    assert (
        taken.username == administrator.username and taken.object_repr == f"export of {len(exported)} records"
    )
    with pytest.raises(CommandError, match="before"):
        call_command("audit", "export", "--from", "2023-05-02", "--to", "2023-05-01")
    page = client_for(administrator).get(reverse("audit-log"), {"export": "jsonl", "username": "later"})
    body = b"".join(page.streaming_content).decode()
    assert page["Content-Type"].startswith("application/jsonl")
    assert [json.loads(line)["username"] for line in body.splitlines()] == ["later"]
    refused = client_for(administrator).get(reverse("audit-log"), {"export": "jsonl", "since": "2023-13-01"})
    assert refused.status_code == 400 and refused.content.decode().startswith("since: ")
