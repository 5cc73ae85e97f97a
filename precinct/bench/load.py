"""The load test: LOAD_USERS people at once over the main pages and the API, on the demonstration data,
against the production server (`precinct serve`) on loopback, driven by Locust (`bench/locustfile.py`).

Each simulated person is signed in as a demonstration user (an officer, an analyst, an appeals officer;
sessions opened as a log-in with both factors leaves them, see `accounts.sessions`) or calls the API with
a token of their own, and goes from page to page with a pause between. The figures are Locust's: requests
per second, the median, 95th and 99th percentiles of each kind of request, and the errors.
"""

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from precinct.bench.settings import LOAD_PAUSE, LOAD_SCALE, LOAD_SECONDS, LOAD_USERS

# The demonstration users each kind of person signs in as, and the API's readers.
PEOPLE = {"officer": "nasimi", "analyst": "analyst", "appeals": "appeals"}
API_READER = "analyst"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def plan() -> dict:
    """What the simulated people need: sessions, tokens and the records they open."""
    from django.conf import settings

    from precinct.accounts import tokens
    from precinct.accounts.sessions import signed_in
    from precinct.appeals.models import Application
    from precinct.core.audit import Actor
    from precinct.core.models import Via
    from precinct.crimes.models import Crime
    from precinct.organisation.models import User

    users = {kind: User.objects.get(username=name) for kind, name in PEOPLE.items()}
    sessions = {kind: [signed_in(user) for _ in range(LOAD_USERS)] for kind, user in users.items()}
    reader = User.objects.get(username=API_READER)
    api = [tokens.issue(Actor(user=reader, via=Via.WEB), f"load {n}", "read", [], 1)[1] for n in range(20)]
    return {
        "cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions,
        "tokens": api,
        "crimes": list(Crime.objects.visible_to(users["officer"]).values_list("pk", flat=True)[:500]),
        "national_crimes": list(Crime.objects.values_list("pk", flat=True)[:500]),
        "applications": list(
            Application.objects.visible_to(users["appeals"]).values_list("pk", flat=True)[:500]
        ),
        "pause": LOAD_PAUSE,
    }


def summary(stats_csv: Path, seconds: float) -> dict:
    """Locust's figures by kind of request (the name before the colon: list, detail, api, report)."""
    rows = list(csv.DictReader(stats_csv.open()))
    kinds: dict[str, dict] = {}
    for row in rows:
        if row["Name"] == "Aggregated":
            continue
        kind = row["Name"].split(":")[0]
        kinds.setdefault(kind, []).append(row)
    figures = {}
    for kind, found in kinds.items():
        count = sum(int(row["Request Count"]) for row in found)
        # Percentiles of a kind are taken as the worst of its requests' (Locust keeps no merged histogram).
        figures[kind] = {
            "requests": count,
            "errors": sum(int(row["Failure Count"]) for row in found),
            "p50_ms": max(float(row["50%"]) for row in found),
            "p95_ms": max(float(row["95%"]) for row in found),
            "p99_ms": max(float(row["99%"]) for row in found),
        }
    total = next(row for row in rows if row["Name"] == "Aggregated")
    failures_csv = stats_csv.with_name(stats_csv.name.replace("_stats", "_failures"))
    failures = list(csv.DictReader(failures_csv.open())) if failures_csv.exists() else []
    return {
        "users": LOAD_USERS,
        "seconds": round(seconds),
        "requests_per_second": round(float(total["Requests/s"]), 1),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "by_kind": figures,
        "failures": [
            {"request": row["Name"], "error": row["Error"][:200], "count": int(row["Occurrences"])}
            for row in failures
        ],
    }


def bench_load() -> dict:
    """Demonstration data, the server, Locust for LOAD_SECONDS; the figures."""
    from django.core.management import call_command

    quiet = open(os.devnull, "w")  # noqa: SIM115 - the commands' progress is not the benchmark's output
    call_command("demo-users", password="precinct-demo", stdout=quiet)
    call_command("demo-data", user="admin", scale=LOAD_SCALE, stdout=quiet, stderr=quiet)
    call_command("collectstatic", interactive=False, verbosity=0)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="precinct-load-") as work:
        plan_path = Path(work) / "plan.json"
        plan_path.write_text(json.dumps(plan()))
        env = dict(os.environ, PRECINCT_LOAD_PLAN=str(plan_path))
        server = subprocess.Popen(
            [sys.executable, "-m", "precinct", "serve", "--bind", f"127.0.0.1:{port}", "--no-collectstatic"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_for(port)
            started = time.monotonic()
            subprocess.run(
                [sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
                 "--headless", "--users", str(LOAD_USERS), "--spawn-rate", str(max(LOAD_USERS // 10, 1)),
                 "--run-time", f"{LOAD_SECONDS}s", "--host", f"http://127.0.0.1:{port}",
                 "--csv", str(Path(work) / "load"), "--only-summary", "--loglevel", "ERROR"],
                env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            return summary(Path(work) / "load_stats.csv", time.monotonic() - started)
        finally:
            server.terminate()
            server.wait(timeout=60)


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not start on port {port}")
