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

from precinct.core.bulk import staged
from precinct.core.models import AuditEntry

GENESIS = "0" * 64
LOCK_KEY = 0x5EA1  # PostgreSQL advisory lock of the sealers
# Not the user's id: deleting a user sets it to null, and the entry keeps their name.
FIELDS = ["at", "username", "via", "action", "model", "object_id", "object_repr", "before", "after",
          "address", "note"]  # fmt: skip
log = logging.getLogger("precinct.audit")


def texts() -> str:
    """The SQL of the fields as the database's own text: what a digest covers is what is stored, read
    without decoding the JSON or the times (several times faster than through the ORM, and nothing
    Python does to a value can change what is proved). The time is taken in UTC, whatever the session's
    zone."""
    quote = connection.ops.quote_name
    columns = []
    for name in FIELDS:
        column = quote(AuditEntry._meta.get_field(name).column)
        if name == "at" and connection.vendor == "postgresql":
            column = f"{column} AT TIME ZONE 'UTC'"
        columns.append(f"CAST({column} AS TEXT)")
    return ", ".join(columns)


def content(seq: int, stored: tuple) -> bytes:
    """The bytes an entry's digest covers: its place and the text of every field, in a fixed order."""
    return json.dumps([seq, *stored], separators=(",", ":"), ensure_ascii=False).encode()


def link(previous: str, seq: int, stored: tuple) -> str:
    return hashlib.sha256(previous.encode() + content(seq, stored)).hexdigest()


def stored(where: str, order: str, params: list, extra: str = "") -> list[tuple]:
    """Rows of (id, *extra columns, *the fields' text) of the entries `where` says, in `order`."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id{extra}, {texts()} FROM {table} WHERE {where} ORDER BY {order} LIMIT %s", params
        )
        return cursor.fetchall()


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
        if connection.vendor == "postgresql":
            # The unsealed entries in the order of their partial index. A bitmap scan (the plan chosen when
            # few are pending) visits every version that sealing left behind, on every seal, until VACUUM
            # runs: after a large import, 150 ms a page. An index scan marks those it passes as dead, so
            # that the next seal skips them.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
        while True:
            pending = stored("seq IS NULL", "id", [chunk])
            if not pending:
                break
            rows = []
            for entry_id, *fields in pending:
                seq += 1
                digest = link(digest, seq, fields)
                rows.append((seq, digest, entry_id))
            _write(rows)
            sealed += len(rows)
        if connection.vendor == "postgresql":  # the rest of an enclosing transaction plans as it would
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = DEFAULT")
    return sealed


# Up to this many places are written entry by entry through the primary key. A joined UPDATE is planned
# over the partial index of unsealed entries, whose pointers to the versions sealing left behind a bitmap
# scan never prunes: after a large import, every seal of a few entries read hundreds of thousands of them.
BY_KEY = 1000


def _write(rows: list[tuple[int, str, int]]) -> None:
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(rows) > BY_KEY:
            places = staged(
                cursor, "audit_places", [("seq", "bigint"), ("digest", "varchar"), ("id", "bigint")], rows
            )
            cursor.execute(
                f"UPDATE {table} SET seq = d.seq, digest = d.digest FROM {places} AS d "
                f"WHERE {table}.id = d.id AND {table}.seq IS NULL"
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


def verify(chunk: int = 20_000) -> tuple[int, AuditEntry | None, int]:
    """(entries proved, the first entry that breaks the chain or None, entries not yet sealed)."""
    expected_seq, digest, proved = 0, GENESIS, 0
    last = 0
    while True:
        rows = stored("seq > %s", "seq", [last, chunk], extra=", seq, digest")
        if not rows:
            break
        for entry_id, seq, sealed, *fields in rows:
            expected_seq += 1
            if seq != expected_seq or link(digest, seq, fields) != sealed:
                return proved, AuditEntry.objects.get(pk=entry_id), pending()
            digest, proved = sealed, proved + 1
        last = rows[-1][1]
    return proved, None, pending()


def pending() -> int:
    return AuditEntry.objects.filter(seq__isnull=True).count()
