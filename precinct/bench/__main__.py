"""`make bench`: the speed figures Precinct promises, measured on this machine.

Each database is measured in a child process of its own, on a fresh database, so that the figures do
not depend on what the developer's database holds. The results are printed and written to
`var/bench.json`.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/precinct_bench")


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


def measure_in_child(database: str, part: str = "--child") -> dict:
    """Run the measurements for one database in a fresh process and a fresh database: the speed figures
    (`--child`), or the load test on the demonstration data (`--child-load`)."""
    with tempfile.TemporaryDirectory(prefix="precinct-bench-") as data_dir:
        env = dict(os.environ, PRECINCT_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="precinct.settings")
        env.pop("DATABASE_URL", None)
        if database == "postgresql":
            if not fresh_postgres(POSTGRES_URL):
                return {"skipped": "PostgreSQL unreachable"}
            env["DATABASE_URL"] = POSTGRES_URL
        output = subprocess.run(
            [sys.executable, "-m", "precinct.bench", part],
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
    from precinct.bench.feed import bench_violation_feed
    from precinct.bench.imports import bench_crime_import
    from precinct.bench.reports import bench_board_report

    results = {"crime_import": bench_crime_import()}
    results |= bench_board_report()
    results["violation_feed"] = bench_violation_feed()
    print(json.dumps(results))


def child_load() -> None:
    """Inside the load test's child: the demonstration data, the server and the people."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from precinct.bench.load import bench_load

    print(json.dumps(bench_load()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-load", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--only", choices=["speed", "load"], help="run one part (default: both)")
    args = parser.parse_args()
    if args.child:
        child()
        return
    if args.child_load:
        child_load()
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
        figures.setdefault(database, {})
        if args.only != "load":
            print(f"Measuring on {database}…", file=sys.stderr)
            figures[database] = measure_in_child(database) | {"load": figures[database].get("load")}
        if args.only != "speed":
            print(f"Load test on {database}…", file=sys.stderr)
            figures[database]["load"] = measure_in_child(database, "--child-load")
    from precinct.bench.report import report

    report(figures)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2))
    print(f"\nWritten to {out}")


if __name__ == "__main__":
    main()
