"""The audit log's hash chain.

Each entry, once its transaction has committed, is given the next place in the chain (`seq`) and the
SHA-256 of its content together with the digest of the entry before it. Changing, removing or inserting
an entry anywhere breaks every digest after it: `precinct audit verify` recomputes the chain and names
the first entry that does not match. A rewrite of the whole table with a recomputed chain is caught by
the heads exported on a schedule (`precinct audit head`), kept outside the database.

Places are given after commit, not at insert, so that a long import does not hold every other writer
behind a lock until it commits: sealing takes a short lock, and a sealer that finds it taken leaves its
entries to the next one (or to `precinct audit seal`).
"""

import hashlib
import json
import logging

from django.db import connection, transaction

from precinct.core.audit import plain
from precinct.core.models import AuditEntry

GENESIS = "0" * 64
LOCK_KEY = 0x5EA1  # PostgreSQL advisory lock of the sealers
# Not the user's id: deleting a user sets it to null, and the entry keeps their name.
FIELDS = ["at", "username", "via", "action", "model", "object_id", "object_repr", "before", "after",
          "address", "note"]  # fmt: skip
log = logging.getLogger("precinct.audit")


def content(seq: int, values: dict) -> bytes:
    """The bytes an entry's digest covers: its place and every field, in a fixed order and form."""
    fields = [seq, *(plain(values[name]) for name in FIELDS)]
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def link(previous: str, seq: int, values: dict) -> str:
    return hashlib.sha256(previous.encode() + content(seq, values)).hexdigest()


def head() -> tuple[int, str]:
    """The last place given and its digest."""
    last = AuditEntry.objects.filter(seq__isnull=False).order_by("-seq").values_list("seq", "digest").first()
    return last or (0, GENESIS)


def _lock(wait: bool) -> bool:
    if connection.vendor != "postgresql":
        return True  # SQLite: writers are serialised, and a transaction that writes holds the database
    function = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [LOCK_KEY])
        return wait or cursor.fetchone()[0]


def seal(wait: bool = False, chunk: int = 20_000) -> int:
    """Give the committed entries without a place theirs, in the order they were written; how many."""
    sealed = 0
    with transaction.atomic():
        if not _lock(wait):
            return 0
        seq, digest = head()
        while True:
            pending = list(
                AuditEntry.objects.filter(seq__isnull=True).order_by("id").values("id", *FIELDS)[:chunk]
            )
            if not pending:
                break
            rows = []
            for values in pending:
                seq += 1
                digest = link(digest, seq, values)
                rows.append((seq, digest, values["id"]))
            _write(rows)
            sealed += len(rows)
    return sealed


def _write(rows: list[tuple[int, str, int]]) -> None:
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            seqs, digests, ids = (list(column) for column in zip(*rows, strict=True))
            cursor.execute(
                f"UPDATE {table} SET seq = d.seq, digest = d.digest "
                "FROM unnest(%s::bigint[], %s::varchar[], %s::bigint[]) AS d (seq, digest, id) "
                f"WHERE {table}.id = d.id AND {table}.seq IS NULL",
                [seqs, digests, ids],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET seq = %s, digest = %s WHERE id = %s AND seq IS NULL", rows
            )


def _seal_quietly() -> None:
    try:
        seal(wait=False)
    except Exception:  # the entries are written; the next sealer gives them their places
        log.exception("audit entries left for the next sealer")


def seal_after_commit() -> None:
    """Seal once the current transaction commits (at once outside one); once per transaction."""
    if any(callback is _seal_quietly for _ids, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_seal_quietly)


def verify(chunk: int = 20_000) -> tuple[int, dict | None, int]:
    """(entries proved, the first entry that breaks the chain or None, entries not yet sealed)."""
    expected_seq, digest, proved = 0, GENESIS, 0
    last = 0
    while True:
        rows = list(
            AuditEntry.objects.filter(seq__gt=last)
            .order_by("seq")
            .values("id", "seq", "digest", *FIELDS)[:chunk]
        )
        if not rows:
            break
        for values in rows:
            expected_seq += 1
            if values["seq"] != expected_seq or link(digest, values["seq"], values) != values["digest"]:
                return proved, values, AuditEntry.objects.filter(seq__isnull=True).count()
            digest, proved = values["digest"], proved + 1
        last = rows[-1]["seq"]
    return proved, None, AuditEntry.objects.filter(seq__isnull=True).count()
