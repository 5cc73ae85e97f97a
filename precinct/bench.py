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
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    figures = {"report_crimes": REPORT_CRIMES, "report_load_seconds": round(seconds, 1)}
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
            crimes = f"{result['report_crimes']:,} crimes"
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


if __name__ == "__main__":
    main()
