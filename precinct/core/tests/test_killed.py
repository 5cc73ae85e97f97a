"""A process killed (SIGKILL) in the middle of an import leaves nothing of it: no record, no audit entry,
no mark of the file as imported, so that the same file imports whole afterwards. One killed in the middle
of a feed batch leaves whole chunks only, each with its cells, counts and bodies, no process behind it,
and a batch that ends as interrupted; sending the file again writes the rest, once."""

import datetime
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db.models import Sum
from django.utils import timezone

from precinct.conftest import body, make_user
from precinct.core.models import AuditEntry, ImportedFile
from precinct.core.roles import Role
from precinct.crimes.models import Crime
from precinct.reports.tests.test_second_process import database_url

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = 20_000


def kill_once_shown(command: list[str], shown: str, at_least: int = 1) -> None:
    """Run the command and kill it (SIGKILL) as soon as its progress bar shows what `shown` matches, with
    a count (its first group) of `at_least`."""
    env = dict(os.environ, DATABASE_URL=database_url(), DJANGO_SETTINGS_MODULE="precinct.settings")
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)

    def watch() -> None:
        seen = ""
        while (chunk := process.stderr.read(64)) != "":
            seen = (seen + chunk)[-400:]
            if any(int(count) >= at_least for count in re.findall(shown, seen)):
                reached.set()

    reached = threading.Event()
    threading.Thread(target=watch, daemon=True).start()
    assert reached.wait(timeout=120), "the command never got that far"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def run(command: list[str]) -> None:
    env = dict(os.environ, DATABASE_URL=database_url(), DJANGO_SETTINGS_MODULE="precinct.settings")
    subprocess.run(command, env=env, check=True, capture_output=True)


def test_an_import_killed_while_it_writes_leaves_nothing(tmp_path):
    make_user("importer", Role.OFFICER, ["baku-nasimi"])
    path = tmp_path / "crimes.csv"
    lines = ["body,registered_on,agency,article,damage"]
    lines += [f"baku-nasimi,2023-0{1 + n % 9}-{1 + n % 28:02d},police,177.1,{n % 500}" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "precinct", "import", "crimes", str(path), "--user", "importer"]
    # The "Writing" bar shows the first batches written in the import's transaction.
    kill_once_shown(command, r"Writing:\s+\d+%\|[^|]*\| (\d+)/")
    assert not Crime.objects.exists()
    assert not ImportedFile.objects.exists()
    assert not AuditEntry.objects.filter(model="crimes.crime").exists()
    # And the same file imports whole afterwards.
    run(command)
    assert Crime.objects.count() == ROWS and ImportedFile.objects.count() == 1


FEED_ROWS = 1_000_000  # 10 chunks: the batch is killed after its second, long before its last


def test_a_feed_batch_killed_between_chunks_keeps_whole_chunks_and_ends_as_interrupted(tmp_path):
    from django.core.management import call_command

    from precinct.traffic.feed import CHUNK
    from precinct.traffic.models import BATCH_SILENT, Device, FeedBatch, Violation, ViolationMonth

    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    make_user("feeder", Role.OFFICER, ["mia"])
    path = tmp_path / "feed.csv"
    start = datetime.datetime(2022, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("occurred_at,source,device,body,article,vehicle,fine,payment,place\n")
        for n in range(FEED_ROWS):
            moment = start + datetime.timedelta(seconds=n)
            handle.write(f"{moment:%Y-%m-%d %H:%M:%S},,CAM-1,,328.1,10AB{n % 1000:03d},,,\n")
    command = [sys.executable, "-m", "precinct", "import", "violations", str(path), "--user", "feeder"]
    # Two chunks taken (the bar moves as a chunk is written, before it commits): the first is committed.
    kill_once_shown(command, rf"\| (\d+)/{FEED_ROWS}", at_least=2 * CHUNK)
    assert checkers_left(path) == []
    batch = FeedBatch.objects.get()
    written = Violation.objects.count()
    assert batch.status == "receiving" and batch.written == written
    assert 0 < written < FEED_ROWS and written % CHUNK == 0
    assert list(batch.written_for.values_list("body__code", "written")) == [("baku-nasimi", written)]
    assert list(batch.bodies.values_list("code", flat=True)) == ["baku-nasimi"]
    assert ViolationMonth.objects.filter(body=body("mia")).aggregate(n=Sum("violations"))["n"] == written
    call_command("rollups", "verify", stdout=io.StringIO(), stderr=io.StringIO())  # raises on a wrong cell
    # Its process fell silent long ago: shown as interrupted, and ended so by the next batch, which writes
    # the rest of the file and nothing twice.
    silent = timezone.now() - BATCH_SILENT - datetime.timedelta(minutes=1)
    FeedBatch.objects.filter(pk=batch.pk).update(received_at=silent, last_written_at=silent)
    assert FeedBatch.objects.get(pk=batch.pk).state == "interrupted"
    run(command)
    batch.refresh_from_db()
    closing = AuditEntry.objects.filter(model="traffic.feedbatch", object_id=str(batch.pk)).latest("pk")
    assert (
        batch.status == "interrupted"
        and closing.note == f"interrupted after {written} violations written, 0 duplicates, 0 quarantined"
    )
    again = FeedBatch.objects.latest("pk")
    assert (again.status, again.written, again.duplicates) == ("complete", FEED_ROWS - written, written)
    assert Violation.objects.count() == FEED_ROWS


def checkers_left(path: Path) -> list[int]:
    """The processes still running with the file on their command line (the killed writer's checker),
    given a few seconds to notice that the writer is gone."""
    deadline = time.monotonic() + 10
    while True:
        left = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and str(path).encode() in (entry / "cmdline").read_bytes():
                    left.append(int(entry.name))
            except OSError:  # it ended while being looked at
                continue
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


ENTRIES = 50_000


def test_an_export_killed_while_it_writes_leaves_the_file_that_was_there(tmp_path):
    now = timezone.now()
    AuditEntry.objects.bulk_create(
        AuditEntry(
            at=now, username="reader", via="cli", action="read", model="crimes.crime", object_id=str(n)
        )
        for n in range(ENTRIES)
    )
    target = tmp_path / "audit.jsonl"
    target.write_text("the export of last month\n", encoding="utf-8")
    command = [sys.executable, "-m", "precinct", "audit", "export", "-o", str(target)]
    kill_once_shown(command, r"Exporting:\s+\d+%\|[^|]*\| (\d+)/")
    assert target.read_text(encoding="utf-8") == "the export of last month\n"
    partial = tmp_path / "audit.jsonl.partial"  # named for what it is, and for its owner's eyes only
    assert partial.exists() and partial.stat().st_mode & 0o777 == 0o600
    assert AuditEntry.objects.filter(note__startswith="audit export").count() == 1  # audited though cut short
    run(command)
    # The entries, and the entry of the export cut short (each export's own entry is the next one's).
    assert target.read_text(encoding="utf-8").count("\n") == ENTRIES + 1
    assert not (tmp_path / "audit.jsonl.partial").exists()
