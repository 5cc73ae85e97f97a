"""What the benchmarks' loaders do around a load of millions of rows straight into the tables."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction


@contextmanager
def unchecked() -> Iterator[None]:
    """A transaction whose foreign keys PostgreSQL does not check (as `pg_restore` does not): the rows are
    drawn from the tables' own ids, and checking tens of millions of them at commit takes minutes and
    measures nothing the benchmarks report. Where the role may not do it, the keys are checked."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = replica")
            except DatabaseError:
                pass
        yield


def settled(*tables: str) -> None:
    """Statistics for the planner and, on PostgreSQL, the visibility map (so that covering indexes are
    read alone): what autovacuum gives a table some time after a load this size."""
    # VACUUM runs outside a transaction only (a test's load is inside one: statistics alone there).
    alone = connection.vendor == "postgresql" and not connection.in_atomic_block
    command = "VACUUM (ANALYZE)" if alone else "ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
