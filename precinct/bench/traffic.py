"""Benchmarks' road-safety data: a large violation register loaded straight into the table (with its
rollups counted as the rows are drawn), and files of device violations for the feed's own benchmark."""

import datetime
import random
import sys
import time
from collections import defaultdict

from django.db import connection, transaction
from tqdm import tqdm

from precinct.bench.tables import settled, unchecked
from precinct.core.rollups import body_chains, rollups
from precinct.organisation.models import Body, BodyKind
from precinct.traffic.models import Device, OffenceArticle, Violation
from precinct.traffic.rollups import LOCAL, DeviceMonthRollup, add_violations

COLUMNS = [
    "occurred_at",
    "body_id",
    "source",
    "device_id",
    "article_id",
    "vehicle",
    "fine",
    "payment",
    "place",
]
SECONDS = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]


def devices(count: int = 1000) -> list[tuple[int, str, int]]:
    """(id, code, body) of `count` devices spread over the city and district departments."""
    if not Device.objects.exists():
        bodies = list(Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT]))
        rng = random.Random(11)
        Device.objects.bulk_create(
            [
                Device(code=f"BENCH-{n:05d}", kind="speed", body=rng.choice(bodies), place="road")
                for n in range(count)
            ]
        )
    return list(Device.objects.values_list("pk", "code", "body_id"))


def plates(rng: random.Random, count: int = 200_000) -> list[str]:
    return [
        f"{rng.randint(10, 99)}{rng.choice('ABCDEFGH')}{rng.choice('KLMNOPRS')}{rng.randint(100, 999)}"
        for _ in range(count)
    ]


def feed_file(path, count: int, first_day: datetime.date, seed: int) -> None:
    """A CSV file of `count` device violations in time order, as the devices send them: local time."""
    rng = random.Random(seed)
    codes = [code for _pk, code, _body in devices()]
    pool = plates(rng, 50_000)
    articles = ["328.1", "328.2", "329.1", "331.1", "340.1"]
    per_day = 40_000
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("occurred_at,device,article,vehicle\n")
        for index in range(count):
            day = first_day + datetime.timedelta(days=index // per_day)
            stamp = f"{day.isoformat()} {SECONDS[(index % per_day) * 2]}"
            handle.write(f"{stamp},{rng.choice(codes)},{rng.choice(articles)},{rng.choice(pool)}\n")


def violation_rows(
    count: int, first_year: int, years: int, rng: random.Random, cells: dict, device_cells: dict
):
    """Tuples for COLUMNS, time-ordered, each at a second of its own within its day; the rollup cells are
    counted as the rows are drawn."""
    found = devices()
    bodies = list(
        Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT]).values_list(
            "pk", "code"
        )
    )
    articles = list(OffenceArticle.objects.values_list("pk", "fine", "parking"))
    pool = plates(rng)
    start = datetime.date(first_year, 1, 1)
    days = (datetime.date(first_year + years, 1, 1) - start).days
    per_day = count / days
    made = 0
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        month = day.replace(day=1)
        todays = round(per_day * (offset + 1)) - made
        made += todays
        # Local midnight in UTC, and the day's length: Baku kept summer time until 2016.
        base = datetime.datetime.combine(day, datetime.time(), tzinfo=LOCAL).astimezone(datetime.UTC)
        following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=LOCAL)
        step = (following.astimezone(datetime.UTC) - base).total_seconds() / max(todays, 1)
        for index in range(todays):
            second = int(index * step)
            stamp = (base + datetime.timedelta(seconds=second)).strftime("%Y-%m-%d %H:%M:%S")
            article, fine, parking = rng.choice(articles)
            if rng.random() < 0.64:
                device, code, body = rng.choice(found)
                row = (stamp, body, code, device, article, rng.choice(pool), fine, "paid", "")
                device_cells[(device, month)] += 1
            else:
                body, code = rng.choice(bodies)
                row = (stamp, body, f"B-{code}", None, article, rng.choice(pool), fine, "unpaid", "")
            cell = cells[(body, day, parking, "device" if row[3] else "patrol")]
            cell[0] += 1
            cell[1] += fine
            yield row


def load_violations(count: int, first_year: int = 2014, years: int = 10) -> float:
    """Write `count` violations straight into the table, and their rollups; returns the seconds it took."""
    started = time.perf_counter()
    cells: dict = defaultdict(lambda: [0, 0])
    device_cells: dict = defaultdict(int)
    rows = violation_rows(count, first_year, years, random.Random(3), cells, device_cells)
    table = Violation._meta.db_table
    with tqdm(total=count, unit=" violations", desc="Loading violations", file=sys.stderr) as bar:
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) == 500_000:
                write(table, batch)
                bar.update(len(batch))
                batch = []
        write(table, batch)
        bar.update(len(batch))
    with transaction.atomic():
        add_violations(cells, body_chains())
        DeviceMonthRollup().apply({key: [n] for key, n in device_cells.items()})
    settled(table, *(rollup.model._meta.db_table for rollup in rollups() if rollup.source is Violation))
    return time.perf_counter() - started


def write(table: str, batch: list[tuple]) -> None:
    with unchecked(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                copy.write("".join(copy_line(row) for row in batch))
        else:
            raw = connection.connection.cursor()
            raw.executemany(
                f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join(['?'] * 9)})", batch
            )


def copy_line(row: tuple) -> str:
    stamp, body, source, device, article, vehicle, fine, payment, place = row
    device = "\\N" if device is None else device
    return f"{stamp}+00\t{body}\t{source}\t{device}\t{article}\t{vehicle}\t{fine}\t{payment}\t{place}\n"
