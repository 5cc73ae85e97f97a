"""The violation feed: automatic devices (and patrol records) deliver violations in batches of any size.

Each row is checked in plain Python (`checking`; for a large file in a second process, beside this one),
rows seen twice within a chunk are dropped, and a chunk at a time goes into the register in one statement
that skips what is there already (same source, vehicle and second): `executemany` on SQLite, `COPY` into
a temporary table and `INSERT … SELECT` on PostgreSQL. Re-sending a batch changes nothing; duplicates are
counted. The rollups are kept in step from the rows really written. Bad rows are quarantined with their
line, field and reason, and the rest are written. A batch is audited as it begins and when it ends
(complete or failed); each chunk, in its own transaction, writes its rows, their rollup cells and the
batch's counts and bodies, so that a batch whose process is killed shows what it wrote and ends as
interrupted at the next batch. A file is read as a stream, a chunk at a time: memory does not grow with
its size. A sender writes only for the bodies in reach; a device's rows are its own body's.
"""

import csv
import datetime
import io
import json
import marshal
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from queue import Full

import psycopg
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core.audit import Actor, record, snapshot
from precinct.core.models import Action, Via
from precinct.core.roles import CHANGE, can
from precinct.core.rollups import read_chains
from precinct.organisation.models import Body
from precinct.traffic.checking import BAD_TEXT, Checker, Chunk, Unreadable
from precinct.traffic.models import (
    BATCH_SILENT,
    BatchStatus,
    Device,
    FeedBatch,
    FeedBatchBody,
    OffenceArticle,
    QuarantinedRow,
    Violation,
)
from precinct.traffic.rollups import DeviceMonthRollup, add_violations

COLUMNS = ("occurred_at", "source", "device", "body", "article", "vehicle", "fine", "payment", "place")
STAGED = (
    "occurred_at", "body_id", "source", "device_id", "article_id", "vehicle", "fine", "payment", "place",
    "batch_id",
)  # fmt: skip
CHUNK = 100_000
KEPT_PROBLEMS = 1_000  # quarantined rows shown in a report (all of them are stored)


TABLE = Violation._meta.db_table
INSERT_SQLITE = f"""INSERT INTO {TABLE} ({", ".join(STAGED)}) VALUES ({", ".join(["?"] * len(STAGED))})
    ON CONFLICT (occurred_at, source, vehicle) DO NOTHING"""
STAGING_POSTGRES = """CREATE TEMP TABLE IF NOT EXISTS precinct_feed (occurred_at timestamptz,
    body_id integer, source varchar(32), device_id integer, article_id integer, vehicle varchar(12),
    fine integer, payment varchar(10), place varchar(120), batch_id integer) ON COMMIT DELETE ROWS"""
# The staged rows into the register, but for those already there (same source, vehicle and second).
MOVE = f"""INSERT INTO {TABLE} ({", ".join(STAGED)}) SELECT {", ".join(STAGED)} FROM precinct_feed
    WHERE true ON CONFLICT (occurred_at, source, vehicle) DO NOTHING"""


def utc(stamp: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.UTC)


def copy(cursor, table: str, text: str) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(STAGED)}) FROM STDIN") as copying:
        copying.write(text)


@dataclass
class FeedReport:
    batch: FeedBatch
    rows: int = 0
    written: int = 0
    duplicates: int = 0
    quarantined: int = 0
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, reason)


def text_lines(stream) -> Iterator[str]:
    """The lines of a byte stream (a request's body) as text, read as they come."""
    for number, line in enumerate(stream):
        text = line.decode("utf-8", errors="replace")
        yield text.lstrip("\ufeff") if number == 0 else text


def csv_rows(handle: io.TextIOBase) -> Iterator[tuple[int, tuple]]:
    """(line, values in COLUMNS order) of a CSV file with a header row naming its columns."""
    # Strict: a quote left open is a row refused, not a place that swallows the lines after it.
    reader = csv.reader(handle, strict=True)
    header = [name.strip().lower() for name in next(reader, [])]
    if any(BAD_TEXT.search(name) for name in header):  # UTF-16 or Windows-1251, read as UTF-8
        raise ValueError(_("The file is not UTF-8 text: save it as “CSV UTF-8”."))
    if not {"occurred_at", "article", "vehicle"} <= set(header):
        raise ValueError(_("The header must name at least occurred_at, article and vehicle."))
    width = len(header)
    # A column the file lacks is read from an empty cell added after the last one.
    pick = itemgetter(*[header.index(name) if name in header else width for name in COLUMNS])
    padding = [""] * (width + 1)
    line = 1
    while True:
        line += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # a field past the CSV reader's limit, say: the row is quarantined
            yield line, Unreadable("", _("not a CSV row: %(error)s") % {"error": error})
            continue
        if len(row) != width:
            row = (row + padding)[:width]
        row.append("")
        yield line, pick(row)


def json_rows(handle: io.TextIOBase) -> Iterator[tuple[int, tuple | str]]:
    """(line, values in COLUMNS order) of a JSON lines file; an unreadable line is passed on as text."""
    for line, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError:
            yield line, text
            continue
        if not isinstance(item, dict):
            yield line, text
            continue
        yield line, tuple("" if item.get(name) is None else str(item.get(name)) for name in COLUMNS)


def rows_of(handle: io.TextIOBase, name: str) -> Iterator[tuple[int, tuple | str]]:
    return json_rows(handle) if name.lower().endswith((".jsonl", ".ndjson", ".json")) else csv_rows(handle)


class ViolationFeed:
    """Takes violations in, chunk by chunk; see the module's description."""

    def __init__(self, actor: Actor, source: str, chunk: int = CHUNK) -> None:
        self.actor, self.chunk = actor, chunk
        articles = {
            code: (pk, fine, parking)
            for code, pk, fine, parking in OffenceArticle.objects.values_list("code", "pk", "fine", "parking")
        }
        if not can(actor.user, "traffic", CHANGE):
            raise PermissionDenied(_("Your role does not allow changes here."))
        bodies = Body.objects.values_list("code", "pk", "path")
        reach = frozenset(
            pk for _code, pk, path in bodies if any(map(path.startswith, actor.user.reach_paths()))
        )
        # Only the devices and bodies in the sender's reach are known to the checker: one out of reach is
        # refused as one that does not exist, so that no message names another district's device or body.
        devices = {
            code: (pk, body)
            for code, pk, body in Device.objects.values_list("code", "pk", "body_id")
            if body in reach
        }
        in_reach = {code: pk for code, pk, _path in bodies if pk in reach}
        self.now = timezone.now()
        self.checker = Checker(devices, in_reach, articles, reach, self.now)
        lives = Body.objects.filter(pk__in=reach).exclude(founded=None, closed=None)
        self.checker.lives = {
            pk: (founded, closed) for pk, founded, closed in lives.values_list("pk", "founded", "closed")
        }
        self.cell_keys: list[tuple] = []
        self.written_by_body: dict[int, int] = {}
        self.postgres = connection.vendor == "postgresql"
        user = actor.user
        end_interrupted_batches()
        with transaction.atomic():  # the batch is audited from its first row: a run cut short shows too
            self.batch = FeedBatch.objects.create(
                received_at=self.now, source=source[:200], user=user, username=user.username
            )
            record(actor, Action.CREATE, self.batch, None, snapshot(self.batch), note="receiving")
        self.checker.batch_id = self.batch.pk
        self.checker.copy_text = self.postgres
        self.report = FeedReport(self.batch)

    def run(self, rows: Iterable[tuple[int, tuple | str]], progress: Callable[[int], None] | None = None,
            parallel: bool = False) -> FeedReport:  # fmt: skip
        """Check and write the rows. `parallel` checks them in a second process while this one writes: on
        two cores, reading and checking a large file then costs no time of its own."""
        chunks = (
            checked_aside(self.checker, rows, self.chunk)
            if parallel
            else self.checker.chunks(rows, self.chunk)
        )
        received = snapshot(self.batch)
        try:
            for staged, cells, refused, new_cells, text, sums in chunks:
                self.cell_keys += new_cells
                self.write(staged, cells, refused, text, sums, progress)
        except Exception as failure:
            # Each chunk is written whole or not at all: the batch ends visibly with what it wrote, for
            # the bodies it wrote for, and sending it again writes the rest.
            self.close(received, BatchStatus.FAILED, f"failed ({type(failure).__name__}) after ")
            raise
        self.close(received, BatchStatus.COMPLETE)
        return self.report

    def close(self, received: dict, status: str, outcome: str = "") -> None:
        """The batch's end: its status and its closing audit entry."""
        self.batch.status, self.batch.ended_at = status, timezone.now()
        self.batch.save(update_fields=["status", "ended_at"])
        record(
            self.actor,
            Action.UPDATE,
            self.batch,
            received,
            snapshot(self.batch),
            note=outcome + counts(self.batch),
        )

    @transaction.atomic
    def write(self, staged: list[tuple], cells: list[int], refused: list, text: str, sums, progress) -> None:
        """One chunk, in a transaction of its own. On PostgreSQL its commit does not wait for the disk:
        a crash could lose the last chunks, and sending the batch again writes them, and only them."""
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        self.write_chunk(staged, cells, refused, text, sums, progress)

    def write_chunk(self, staged: list[tuple], cells: list[int], refused: list, text: str, sums, progress):
        written = self.insert(staged, cells, text, sums) if cells else {}
        bodies = set()
        for cell, (count, _fines) in written.items():
            body = self.cell_keys[cell][0]
            bodies.add(body)
            self.written_by_body[body] = self.written_by_body.get(body, 0) + count
        added = sum(count for count, _fines in written.values())
        self.roll_up(written)
        self.count_for(bodies)
        if refused:
            kept = [
                QuarantinedRow(
                    batch=self.batch, line=line, field=name, reason=storable(why), raw=storable(raw)
                )
                for line, name, why, raw in refused
            ]
            QuarantinedRow.objects.bulk_create(kept, batch_size=2000)
            room = KEPT_PROBLEMS - len(self.report.problems)
            self.report.problems += [
                (line, name, reason) for line, name, reason, _raw in refused[: max(room, 0)]
            ]
        self.report.rows += len(cells) + len(refused)
        self.report.written += added
        self.report.duplicates += len(cells) - added
        self.report.quarantined += len(refused)
        for name in ("rows", "written", "duplicates", "quarantined"):
            setattr(self.batch, name, getattr(self.report, name))
        self.batch.last_written_at = timezone.now()
        self.batch.save(update_fields=["rows", "written", "duplicates", "quarantined", "last_written_at"])
        if progress:
            progress(len(cells) + len(refused))

    def count_for(self, bodies: set[int]) -> None:
        """The bodies a chunk wrote for, and the batch's count so far for each: whoever reaches one sees the
        batch and what it wrote there, from its first chunk on, whether or not the batch ends."""
        if not bodies:
            return
        self.batch.bodies.add(*bodies)
        FeedBatchBody.objects.bulk_create(
            [FeedBatchBody(batch=self.batch, body_id=b, written=self.written_by_body[b]) for b in bodies],
            update_conflicts=True,
            unique_fields=["batch", "body"],
            update_fields=["written"],
        )

    def insert(
        self, rows: list[tuple], cells: list[int], text: str, sums: dict
    ) -> dict[int, tuple[int, int]]:
        """Write the rows that are not there yet and count what was written by rollup cell."""
        with connection.cursor() as cursor:
            # Every row this chunk writes gets a key above the highest one now, so that the rows this batch
            # wrote in its earlier chunks are told from this chunk's (one look at the key's index).
            cursor.execute(f"SELECT max(id) FROM {TABLE}")
            floor = cursor.fetchone()[0] or 0
            if self.postgres:
                written = self.copy_in(cursor, text)
            else:
                # The driver's own cursor: Django's wrapper would rewrite the statement for every row.
                raw = connection.connection.cursor()
                raw.executemany(INSERT_SQLITE, rows)
                written = raw.rowcount
        if written == 0:  # a batch sent again
            return {}
        if written == len(cells):  # all new: the sums the checker made
            return {cell: (count, fines) for cell, (count, fines) in sums.items()}
        rows = rows or staged_from_copy(text)
        mine = self.written_keys(rows, floor)  # some rows were there already, or came twice
        counted: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for row, cell in zip(rows, cells, strict=True):
            key = (row[0], row[2], row[5])
            if key in mine:
                mine.discard(key)
                cell_sums = counted[cell]
                cell_sums[0] += 1
                cell_sums[1] += row[6]
        return {cell: (count, fines) for cell, (count, fines) in counted.items()}

    def written_keys(self, rows: list[tuple], floor: int) -> set[tuple[str, str, str]]:
        """The (time, source, vehicle) of the rows this chunk wrote (keys above `floor`, in its span of
        time)."""
        span = (utc(min(row[0] for row in rows)), utc(max(row[0] for row in rows)))
        written = Violation.objects.filter(batch_id=self.batch.pk, occurred_at__range=span, pk__gt=floor)
        return {
            (f"{moment.astimezone(datetime.UTC):%Y-%m-%d %H:%M:%S}", source, vehicle)
            for moment, source, vehicle in written.values_list("occurred_at", "source", "vehicle")
        }

    def copy_in(self, cursor, text: str) -> int:
        """PostgreSQL: COPY the chunk straight into the register, which is right unless some rows are there
        already; then (a savepoint undoes the attempt) through a temporary table, skipping those."""
        try:
            with transaction.atomic():
                copy(cursor, TABLE, text)
            return text.count("\n")
        except (IntegrityError, psycopg.IntegrityError):  # COPY is the driver's own: its error is not wrapped
            cursor.execute(STAGING_POSTGRES)
            copy(cursor, "precinct_feed", text)
            cursor.execute(MOVE)
            return cursor.rowcount

    def roll_up(self, written: dict[int, tuple[int, int]]) -> None:
        """Add what was written to the rollups, per body and every body above it, and per device."""
        cells: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        devices: dict[tuple, list[int]] = defaultdict(lambda: [0])
        # Read in the chunk's transaction: a body moved while the batch runs is followed from its next chunk.
        chains = read_chains({self.cell_keys[cell][0] for cell in written})
        for cell, (count, fines) in written.items():
            body_id, year, month, day, parking, device_id = self.cell_keys[cell]
            sums = cells[
                (body_id, datetime.date(year, month, day), parking, "device" if device_id else "patrol")
            ]
            sums[0] += count
            sums[1] += int(fines)
            if device_id:
                devices[(device_id, datetime.date(year, month, 1))][0] += count
        add_violations(dict(cells), chains)
        DeviceMonthRollup().apply(dict(devices))


def storable(text: str) -> str:
    """A refused row's text as the database keeps it: PostgreSQL's text holds no NUL byte, so one is kept
    written out (the row was refused for it, or for a reason beside it)."""
    return text.replace("\x00", "\\x00")


def counts(batch: FeedBatch) -> str:
    return (
        f"{batch.written} violations written, {batch.duplicates} duplicates, {batch.quarantined} quarantined"
    )


def end_interrupted_batches() -> int:
    """End the batches whose process died before it could (killed, or its machine lost): still receiving
    and silent for `BATCH_SILENT`, they end as interrupted, with the closing entry their process never
    wrote. What they wrote stays (whole chunks, with their cells); sending the batch again writes the rest.
    Each new batch runs this first."""
    now = timezone.now()
    ended = 0
    for batch in FeedBatch.objects.filter(status=BatchStatus.RECEIVING):
        if not batch.silent_since(now - BATCH_SILENT):
            continue
        with transaction.atomic():
            received = snapshot(batch)
            still = FeedBatch.objects.filter(pk=batch.pk, status=BatchStatus.RECEIVING)
            if not still.update(status=BatchStatus.INTERRUPTED, ended_at=now):
                continue  # its process, or another sweep, ended it meanwhile
            batch.status, batch.ended_at = BatchStatus.INTERRUPTED, now
            note = "interrupted after " + counts(batch)
            record(Actor(user=None, via=Via.CLI), Action.UPDATE, batch, received, snapshot(batch), note=note)
        ended += 1
    return ended


def staged_from_copy(text: str) -> list[tuple]:
    """The staged rows again from their COPY text (the chunks for PostgreSQL carry only the text), as far
    as counting what was written needs them: time, source, vehicle and fine."""
    rows = []
    for line in text.splitlines():
        stamp, body, source, device, article, vehicle, fine, *_rest = line.split("\t")
        rows.append((stamp[:19], body, source, device, article, vehicle, int(fine)))
    return rows


def checked_aside(checker: Checker, rows: Iterable, size: int) -> Iterator[Chunk]:
    """The checker's chunks, made in a forked process and handed over through a short queue (two chunks
    at most wait in it, so that memory stays flat). The child touches no database connection."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue(maxsize=2)
    writer = os.getpid()

    def put(item) -> None:
        """Wait for room in the queue while the writer lives: a writer killed leaves no checker behind."""
        while True:
            try:
                return queue.put(item, timeout=1)
            except Full:
                if os.getppid() != writer:
                    os._exit(1)

    def produce() -> None:
        try:
            for chunk in checker.chunks(rows, size):
                put(marshal.dumps(chunk))  # plain tuples and strings: faster than pickle
            put(None)
        except BaseException as error:  # the parent reports it
            put(error)

    worker = context.Process(target=produce, daemon=True)
    worker.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield marshal.loads(item)
    finally:
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()
