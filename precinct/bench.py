"""`make bench`: the speed figures Precinct promises, measured on this machine.

Each database is measured in a child process of its own, on a fresh database, so that the figures do
not depend on what the developer's database holds. The results are printed and written to
`var/bench.json`.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/precinct_bench")
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
REPORT_CRIMES = int(os.environ.get("BENCH_CRIMES", "10000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
REPORT_VIOLATIONS = int(os.environ.get("BENCH_VIOLATIONS", "50000000"))
FEED_ROWS = int(os.environ.get("BENCH_FEED_ROWS", "1000000"))


def fresh_postgres(url: str) -> bool:
    """Drop and create the benchmark database; False when PostgreSQL cannot be reached."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return False
    return True


def measure_in_child(database: str) -> dict:
    """Run the measurements for one database in a fresh process and a fresh database."""
    with tempfile.TemporaryDirectory(prefix="precinct-bench-") as data_dir:
        env = dict(os.environ, PRECINCT_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="precinct.settings")
        env.pop("DATABASE_URL", None)
        if database == "postgresql":
            if not fresh_postgres(POSTGRES_URL):
                return {"skipped": "PostgreSQL unreachable"}
            env["DATABASE_URL"] = POSTGRES_URL
        output = subprocess.run(
            [sys.executable, "-m", "precinct.bench", "--child"],
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        return json.loads(output.stdout.strip().splitlines()[-1])


def child() -> None:
    """Inside the child: set up the database, then time each operation."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    results = {"crime_import": bench_crime_import()}
    results |= bench_board_report()
    results["violation_feed"] = bench_violation_feed()
    print(json.dumps(results))


def bench_crime_import() -> dict:
    """100,000 crimes from a CSV file through the real import path: parse, check, number, write, audit."""
    import csv
    import datetime
    import random

    from precinct.core.audit import Actor
    from precinct.core.importing import rows_from
    from precinct.core.models import Via
    from precinct.core.roles import Role
    from precinct.crimes.demo import PLANS, Generator
    from precinct.crimes.importers import CrimeImporter
    from precinct.crimes.models import Crime
    from precinct.organisation.models import Body, User

    user = User.objects.create_user("bench", role=Role.OFFICER)
    user.reach.set(Body.objects.filter(parent=None))
    plan = PLANS[2023]
    per_scale = plan.mia_po + plan.other + plan.rest_of_year
    generator = Generator(random.Random(7), IMPORT_ROWS / per_scale * 1.01, datetime.date(2024, 1, 1))
    rows = [generator.row(crime) for crime in generator.year(plan)][:IMPORT_ROWS]
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", newline="", delete=False, encoding="utf-8"
    ) as handle:
        writer = csv.DictWriter(handle, fieldnames=CrimeImporter.columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        path = Path(handle.name)
    started = time.perf_counter()
    report = CrimeImporter(Actor(user=user, via=Via.IMPORT)).run(rows_from(path))
    seconds = time.perf_counter() - started
    path.unlink()
    assert report.ok and Crime.objects.count() == len(rows), report.errors[:3]
    return {"rows": len(rows), "seconds": round(seconds, 2), "rows_per_second": round(len(rows) / seconds)}


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def bench_board_report() -> dict:
    """The whole board report for 1 Jan–30 Sep against last year, on REPORT_CRIMES crimes over ten years:
    from the rollups, straight from the records, and the first page of a drill-down."""
    import datetime

    from precinct.bench_data import load
    from precinct.core.measures import Scope, from_records
    from precinct.core.periods import Period
    from precinct.crimes.measures import REGISTERED
    from precinct.crimes.models import Crime
    from precinct.organisation.models import Body, User
    from precinct.reports.engine import board_report
    from precinct.reports.views import newest_first

    Crime.objects.all().delete()
    from precinct.crimes.models import CrimeMonth

    CrimeMonth.objects.all().delete()
    seconds = load(REPORT_CRIMES)
    from precinct.bench_traffic import load_violations

    violation_seconds = load_violations(REPORT_VIOLATIONS)
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    figures = {
        "report_crimes": REPORT_CRIMES,
        "report_violations": REPORT_VIOLATIONS,
        "report_load_seconds": round(seconds, 1),
        "report_violation_load_seconds": round(violation_seconds, 1),
    }
    for name, code in (("national", "mia"), ("district", "baku-nasimi")):
        body = Body.objects.get(code=code)
        board_report(period, body)  # warm the caches of the database and of the code
        figures[f"board_report_{name}_ms"] = median_ms(lambda b=body: board_report(period, b))
        with from_records():
            figures[f"board_report_{name}_raw_ms"] = median_ms(lambda b=body: board_report(period, b), runs=2)
        figures[f"board_report_{name}_speedup"] = round(
            figures[f"board_report_{name}_raw_ms"] / figures[f"board_report_{name}_ms"], 1
        )
    user = User.objects.get(username="bench")
    national = Body.objects.get(code="mia")

    def first_page():
        records = REGISTERED.queryset(period, Scope(national)) & Crime.objects.visible_to(user)
        list(records.select_related("body", "article__category").order_by(*newest_first(Crime))[:51])

    figures["drill_down_first_page_ms"] = median_ms(first_page)
    return figures


def bench_violation_feed() -> dict:
    """FEED_ROWS device violations from a CSV file through the real feed (checked, deduplicated, rollups),
    onto the register the report benchmark loaded; against a bare executemany (SQLite) or COPY
    (PostgreSQL) of the same rows into a table with the same index; and the peak memory of a separate
    `precinct import violations` of another file of the same size."""
    import datetime

    from django.db import connection, transaction

    from precinct.bench_traffic import COLUMNS, feed_file, write
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], action="append")
    args = parser.parse_args()
    if args.child:
        child()
        return
    out = ROOT / "var" / "bench.json"
    earlier = json.loads(out.read_text()) if out.exists() and args.database else {}
    figures = earlier | {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "at": time.strftime("%Y-%m-%d %H:%M"),
        },
    }
    for database in args.database or ["sqlite", "postgresql"]:
        print(f"Measuring on {database}…", file=sys.stderr)
        figures[database] = measure_in_child(database)
    report(figures)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2))
    print(f"\nWritten to {out}")


def report(figures: dict) -> None:
    print(f"\n{'benchmark':<44}{'database':<12}{'figure':>28}   target")
    for database in ("sqlite", "postgresql"):
        result = figures.get(database, {})
        if "skipped" in result:
            print(f"{'(all)':<44}{database:<12}{result['skipped']:>28}")
            continue
        crime_import = result.get("crime_import")
        if crime_import:
            figure = f"{crime_import['seconds']} s ({crime_import['rows_per_second']:,} rows/s)"
            target = "< 60 s" if database == "sqlite" else ""
            name = f"import of {crime_import['rows']:,} crimes (CSV)"
            print(f"{name:<44}{database:<12}{figure:>28}   {target}")
        if "board_report_national_ms" in result:
            millions = (result["report_crimes"] / 10**6, result.get("report_violations", 0) / 10**6)
            crimes = "{:g} M crimes, {:g} M violations".format(*millions)
            for scope in ("national", "district"):
                rows = [
                    (
                        f"board report, {scope}, rollups ({crimes})",
                        f"{result[f'board_report_{scope}_ms']} ms",
                        "< 250 ms" if scope == "national" else "",
                    ),
                    (
                        f"board report, {scope}, raw records",
                        f"{result[f'board_report_{scope}_raw_ms']} ms",
                        "",
                    ),
                    (
                        f"board report, {scope}, speed-up",
                        f"{result[f'board_report_{scope}_speedup']}×",
                        ">= 20×" if scope == "national" else "",
                    ),
                ]
                for name, figure, target in rows:
                    print(f"{name:<44}{database:<12}{figure:>28}   {target}")
            figure = f"{result['drill_down_first_page_ms']} ms"
            print(f"{'drill-down, first page':<44}{database:<12}{figure:>28}   < 200 ms")
        feed = result.get("violation_feed")
        if feed:
            rows = [
                (
                    f"violation feed, {feed['rows']:,} rows",
                    f"{feed['rows_per_second']:,} rows/s",
                    ">= 200,000/s",
                ),
                ("the same batch sent again", f"{feed['resend_rows_per_second']:,} rows/s", ""),
                ("bare executemany / COPY of the rows", f"{feed['bare_rows_per_second']:,} rows/s", ""),
                ("feed against bare", f"{feed['ratio_to_bare']}×", ""),
                ("peak memory of an import", f"{feed['peak_memory_mb']} MB", "< 500 MB"),
            ]
            for name, figure, target in rows:
                print(f"{name:<44}{database:<12}{figure:>28}   {target}")


if __name__ == "__main__":
    main()
