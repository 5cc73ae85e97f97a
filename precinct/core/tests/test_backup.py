"""`precinct backup` and `precinct restore`, end to end on the database the suite runs on: the records and
the attachments come back as they were at the backup, the audit chain whole; a backup that does not match
its digests restores nothing; a backup cut short leaves no file that looks whole."""

import io

import pytest
from django.core.management import CommandError, call_command

from precinct.conftest import register
from precinct.core import chain
from precinct.crimes.models import Crime

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_backup_puts_back_the_records_and_the_attachments_as_they_were(administrator, tmp_path, settings):
    settings.MEDIA_ROOT = media = tmp_path / "media"
    (media / "appeals").mkdir(parents=True)
    (media / "appeals" / "complaint.pdf").write_bytes(b"%PDF-1.4 the complaint")
    kept = register(administrator, place="Nizami street 5")
    archive = tmp_path / "precinct.tar"
    call_command("backup", "-o", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    assert archive.is_file() and not archive.with_name("precinct.tar.partial").exists()

    later = register(administrator)  # after the backup: a crime more, one changed, a file gone, one new
    Crime.objects.filter(pk=kept.pk).update(place="changed since")
    (media / "appeals" / "complaint.pdf").unlink()
    (media / "appeals" / "later.pdf").write_bytes(b"later")

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out, stderr=io.StringIO())
    assert "audit chain is whole" in out.getvalue()
    assert Crime.objects.get(pk=kept.pk).place == "Nizami street 5"
    assert not Crime.objects.filter(pk=later.pk).exists()
    assert (media / "appeals" / "complaint.pdf").read_bytes() == b"%PDF-1.4 the complaint"
    assert not (media / "appeals" / "later.pdf").exists()
    _proved, broken, _pending = chain.verify()
    assert broken is None


def test_a_backup_that_does_not_match_its_digests_restores_nothing(administrator, tmp_path, settings):
    import tarfile

    settings.MEDIA_ROOT = tmp_path / "media"
    register(administrator)
    archive = tmp_path / "precinct.tar"
    call_command("backup", "-o", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database"):
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    before = Crime.objects.count()
    register(administrator)
    with pytest.raises(CommandError, match="does not match its digest"):
        call_command("restore", str(tampered), "--yes", stdout=io.StringIO(), stderr=io.StringIO())
    assert Crime.objects.count() == before + 1  # nothing was replaced
