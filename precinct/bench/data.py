"""Loading a large synthetic crime register for the benchmarks, straight into the tables.

Ten years of a large country does not go through the importer (that path has its own benchmark): the
rows are written with `executemany` (SQLite) or `COPY` (PostgreSQL), a month at a time, and the cells
`crimes.rollups` keeps are counted as they are drawn.
"""

import datetime
import random
import sys
import time
from collections import defaultdict

from django.db import connection, transaction
from tqdm import tqdm

from precinct.bench.tables import settled, unchecked
from precinct.core.rollups import advance, body_chains, rollups
from precinct.crimes.models import NEVER, Article, Crime
from precinct.crimes.rollups import (
    CrimeCountDayRollup,
    CrimeCountMonthRollup,
    CrimeDayRollup,
    CrimeMonthRollup,
    CrimeSolvedDayRollup,
)
from precinct.organisation.models import Body, BodyKind

# Every column but the id, in the model's order (the rows below are drawn in that order).
COLUMNS = [field.column for field in Crime._meta.concrete_fields if not field.primary_key]


def crime_rows(count: int, first_year: int, years: int, seed: int = 1):
    """Tuples for COLUMNS: `count` crimes spread over the years, the departments and the articles.

    The reference data is read here, before the rows are drawn: a COPY in progress holds the connection.
    """
    bodies = list(
        Body.objects.filter(kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT]).values_list(
            "pk", flat=True
        )
    )
    articles = list(Article.objects.values_list("pk", flat=True))
    return draw_rows(count, first_year, years, bodies, articles, random.Random(seed))


def draw_rows(count: int, first_year: int, years: int, bodies: list[int], articles: list[int], rng):
    """The rows themselves, day by day, each body numbering its crimes of a year from 1."""
    agencies = ["police"] * 12 + ["prosecutor", "other"]
    now = datetime.datetime.now(datetime.UTC)
    numbers: dict[tuple[int, int], int] = {}
    start = datetime.date(first_year, 1, 1)
    days = (datetime.date(first_year + years, 1, 1) - start).days
    per_day = count / days
    made = 0
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        todays = round(per_day * (offset + 1)) - made
        for _ in range(todays):
            body = rng.choice(bodies)
            key = (body, day.year)
            numbers[key] = numbers.get(key, 0) + 1
            solved = (
                day + datetime.timedelta(days=int(rng.expovariate(1 / 20))) if rng.random() < 0.87 else None
            )
            damage = rng.randint(0, 500_000) if rng.random() < 0.4 else 0
            status = "solved" if solved else "investigation"
            yield (
                now, now, 1, body, day.year, numbers[key], day, rng.choice(agencies), rng.choice(articles),
                "", "", rng.random() < 0.02, damage / 100, (damage // 2) / 100, status, solved, "",
            )  # fmt: skip
        made += todays


def load(count: int, first_year: int = 2014, years: int = 10) -> float:
    """Write `count` crimes and their rollups; returns the seconds it took. The rows are written a month at
    a time, and that month's cells with them: every cell of a month registered is complete when the month
    is drawn (the crimes solved are keyed by the month registered too), so no cell is summed twice."""
    started = time.perf_counter()
    chains = body_chains()
    rows = crime_rows(count, first_year, years)
    with unchecked(), tqdm(total=count, unit=" crimes", desc="Loading", file=sys.stderr) as bar:
        month, batch = None, []
        for row in rows:
            if row[6].replace(day=1) != month and batch:
                write_month(batch, chains)
                bar.update(len(batch))
                batch = []
            month = row[6].replace(day=1)
            batch.append(row)
        write_month(batch, chains)
        bar.update(len(batch))
    with transaction.atomic():
        advance()  # cells written straight: what any process kept from the old ones is stale
    settled(
        Crime._meta.db_table, *(rollup.model._meta.db_table for rollup in rollups() if rollup.source is Crime)
    )
    return time.perf_counter() - started


def write_month(rows: list[tuple], chains: dict[int, list[int]]) -> None:
    """One month's crimes, and its cells in the three rollups, for each body and every body above it."""
    table = Crime._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({placeholders})", rows)
    months: dict = defaultdict(lambda: [0] * 5)
    days: dict = defaultdict(lambda: [0] * 5)
    count_months: dict = defaultdict(lambda: [0] * 4)
    count_days: dict = defaultdict(lambda: [0] * 4)
    solved: dict = defaultdict(lambda: [0])
    for row in rows:
        body, day, agency, article, firearm, damage, compensated, solved_on = (
            row[3], row[6], row[7], row[8], row[11], row[12], row[13], row[15]
        )  # fmt: skip
        month = day.replace(day=1)
        solved_month = solved_on.replace(day=1) if solved_on else NEVER
        sums = (1, int(firearm), 0, round(damage * 100), round(compensated * 100))
        counts = (sums[0], sums[1], sums[3], sums[4])
        for above in chains[body]:
            for cells, at in ((months, month), (days, day)):
                add(cells[(above, at, solved_month, article, agency)], sums)
            for cells, at in ((count_months, month), (count_days, day)):
                add(cells[(above, at, article, agency)], counts)
            if solved_on:
                solved[(above, solved_on, month, article, agency)][0] += 1
    for rollup, cells in (
        (CrimeMonthRollup, months), (CrimeDayRollup, days), (CrimeCountMonthRollup, count_months),
        (CrimeCountDayRollup, count_days), (CrimeSolvedDayRollup, solved),
    ):  # fmt: skip
        rollup().apply(dict(cells), new=True)  # a month never counted before


def add(cell: list[int], sums: tuple) -> None:
    for index, value in enumerate(sums):
        cell[index] += value
