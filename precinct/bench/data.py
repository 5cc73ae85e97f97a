"""Loading a large synthetic crime register for the benchmarks, straight into the tables.

Ten years of a large country does not go through the importer (that path has its own benchmark): the
rows are written with `executemany` (SQLite) or `COPY` (PostgreSQL), and the monthly rollup is then
summed from them in the database, in the same cells `crimes.rollups` keeps.
"""

import datetime
import random
import sys
import time

from django.db import connection, transaction
from tqdm import tqdm

from precinct.crimes.models import NEVER, Article, Crime, CrimeDay, CrimeMonth, CrimeSolvedDay
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
    """Write `count` crimes and their rollup; returns the seconds it took."""
    started = time.perf_counter()
    rows = crime_rows(count, first_year, years)
    table = Crime._meta.db_table
    with transaction.atomic(), tqdm(total=count, unit=" crimes", desc="Loading", file=sys.stderr) as bar:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                raw = cursor.cursor
                with raw.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        bar.update(1)
        else:
            sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})"
            with connection.cursor() as cursor:
                batch = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == 100_000:
                        cursor.executemany(sql, batch)
                        bar.update(len(batch))
                        batch = []
                cursor.executemany(sql, batch)
                bar.update(len(batch))
        sum_rollup()
    # Fresh statistics for the planner, as autovacuum would gather after a load this size.
    with connection.cursor() as cursor:
        for table in (Crime._meta.db_table, CrimeMonth._meta.db_table, CrimeDay._meta.db_table):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return time.perf_counter() - started


def sum_rollup() -> None:
    """The rollup's cells, summed by the database for each body and every body above it."""
    bodies = {body.pk: body for body in Body.objects.all()}
    by_code = {body.code: body.pk for body in bodies.values()}
    pairs = [(pk, by_code[code]) for pk, body in bodies.items() for code in body.path.strip("/").split("/")]
    month = (
        "date_trunc('month', {})::date" if connection.vendor == "postgresql" else "date({}, 'start of month')"
    )
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_chain (body_id bigint, ancestor_id bigint)")
        cursor.executemany("INSERT INTO bench_chain VALUES (%s, %s)", pairs)
        # Both grains: the month registered (whole months) and the day registered (a period's edges).
        for table, at in ((CrimeMonth._meta.db_table, "month"), (CrimeDay._meta.db_table, "day")):
            registered = month.format("c.registered_on") if at == "month" else "c.registered_on"
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (body_id, {at}, solved_month, article_id, agency, crimes, firearm, joint, damage,
                     compensated)
                SELECT chain.ancestor_id, {registered},
                       COALESCE({month.format("c.solved_on")}, %s), c.article_id, c.agency, COUNT(*),
                       SUM(CASE WHEN c.firearm THEN 1 ELSE 0 END),
                       SUM(CASE WHEN c.solved_with = 'prosecutor' THEN 1 ELSE 0 END),
                       SUM(CAST(ROUND(c.damage * 100) AS BIGINT)),
                       SUM(CAST(ROUND(c.compensated * 100) AS BIGINT))
                FROM {Crime._meta.db_table} c
                JOIN bench_chain chain ON chain.body_id = c.body_id
                GROUP BY 1, 2, 3, 4, 5
            """,
                [NEVER],
            )
        cursor.execute(
            f"""
            INSERT INTO {CrimeSolvedDay._meta.db_table} (body_id, day, month, article_id, agency, crimes)
            SELECT chain.ancestor_id, c.solved_on, {month.format("c.registered_on")}, c.article_id, c.agency,
                   COUNT(*)
            FROM {Crime._meta.db_table} c
            JOIN bench_chain chain ON chain.body_id = c.body_id
            WHERE c.solved_on IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5
        """
        )
        cursor.execute("DROP TABLE bench_chain")
