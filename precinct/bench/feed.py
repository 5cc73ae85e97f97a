"""The violation feed against a bare write of the same rows, resent, and its peak memory."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from precinct.bench.settings import FEED_ROWS


def bench_violation_feed() -> dict:
    """FEED_ROWS device violations from a CSV file through the real feed (checked, deduplicated, rollups),
    onto the register the report benchmark loaded; against a bare executemany (SQLite) or COPY
    (PostgreSQL) of the same rows into a table with the same index; and the peak memory of a separate
    `precinct import violations` of another file of the same size."""
    import datetime

    from django.db import connection, transaction

    from precinct.bench.traffic import COLUMNS, feed_file, write
    from precinct.core.audit import Actor
    from precinct.core.models import Via
    from precinct.organisation.models import User
    from precinct.traffic.feeds import violations

    user = User.objects.get(username="bench")
    folder = Path(tempfile.mkdtemp(prefix="precinct-feed-"))
    first, second = folder / "feed.csv", folder / "more.csv"
    feed_file(first, FEED_ROWS, datetime.date(2024, 1, 1), seed=1)
    feed_file(second, FEED_ROWS, datetime.date(2024, 7, 1), seed=2)
    started = time.perf_counter()
    report = violations(Actor(user=user, via=Via.IMPORT), first)
    seconds = time.perf_counter() - started
    assert report.written == FEED_ROWS, (report.written, report.problems[:3])
    started = time.perf_counter()
    again = violations(Actor(user=user, via=Via.IMPORT), first)
    resend_seconds = time.perf_counter() - started
    assert again.written == 0 and again.duplicates == FEED_ROWS

    # The same rows, bare: no checking, no duplicates dropped, no rollups, into a table like the register.
    from precinct.traffic.models import Violation

    bare = list(Violation.objects.filter(batch=report.batch).values_list(*COLUMNS))
    table = Violation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE bench_bare AS SELECT {', '.join(COLUMNS)} FROM {table} WHERE false")
        cursor.execute("CREATE UNIQUE INDEX bench_bare_once ON bench_bare (occurred_at, source, vehicle)")
    if connection.vendor == "postgresql":
        bare = [(f"{row[0]:%Y-%m-%d %H:%M:%S}", *row[1:]) for row in bare]
    else:
        bare = [(f"{row[0].astimezone(datetime.UTC):%Y-%m-%d %H:%M:%S}", *row[1:]) for row in bare]
    started = time.perf_counter()
    for start in range(0, len(bare), 50_000):
        write("bench_bare", bare[start : start + 50_000])
    bare_seconds = time.perf_counter() - started
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_bare")

    # Memory: the import of another file, in a process of its own (and its checking process).
    command = [
        sys.executable,
        "-m",
        "precinct.cli",
        "import",
        "violations",
        str(second),
        "--user",
        "bench",
        "-v",
        "0",
    ]
    # Started from a small process of its own, which reports the import's peak (and its checking
    # process's, which it waits for): a process forked straight from this one would count, as its peak,
    # this process's large heap, shared for the instant before it becomes the import.
    watcher = (
        "import os, subprocess, sys\n"
        "process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "_pid, status, usage = os.wait4(process.pid, 0)\n"
        "print(usage.ru_maxrss if status == 0 else -1)\n"
    )
    measured = subprocess.run(
        [sys.executable, "-c", watcher, *command],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ),
    )
    peak_kb = int(measured.stdout.strip())
    assert peak_kb > 0, measured.stderr
    peak_mb = round(peak_kb / 1024)
    for path in (first, second):
        path.unlink()
    return {
        "rows": FEED_ROWS,
        "seconds": round(seconds, 2),
        "rows_per_second": round(FEED_ROWS / seconds),
        "resend_rows_per_second": round(FEED_ROWS / resend_seconds),
        "bare_rows_per_second": round(FEED_ROWS / bare_seconds),
        "ratio_to_bare": round(bare_seconds / seconds, 2),
        "peak_memory_mb": peak_mb,
        "file_mb": round(second.stat().st_size / 2**20) if second.exists() else None,
    }
