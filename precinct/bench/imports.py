"""The crime import through its real path."""

import tempfile
import time
from pathlib import Path

from precinct.bench.settings import IMPORT_ROWS


def bench_crime_import() -> dict:
    """100,000 crimes from a CSV file through the real import path: parse, check, number, write, audit."""
    import csv
    import datetime
    import random
    import resource

    from precinct.core.audit import Actor
    from precinct.core.import_files import rereading
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
    report = CrimeImporter(Actor(user=user, via=Via.IMPORT)).run(rereading(path))
    seconds = time.perf_counter() - started
    path.unlink()
    assert report.ok and Crime.objects.count() == len(rows), report.errors[:3]
    # The child's peak so far: its import, read twice and written a batch at a time, holds no file whole.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {
        "rows": len(rows),
        "seconds": round(seconds, 2),
        "rows_per_second": round(len(rows) / seconds),
        "peak_memory_mb": peak,
    }
