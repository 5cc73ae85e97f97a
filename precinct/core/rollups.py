"""Rollups: sums of records by month and key, kept in step with every write so that reports need not
scan the raw records.

A domain declares a `Rollup` in its `rollups.py`: the record model it sums, the rollup model that holds
the sums, and which cells a record adds to. Every write path (services, bulk writes) calls `changed`
or `added`; `rebuild` and `verify` (the `precinct rollups` command) recompute them from the records.
"""

import contextvars
import datetime
import inspect
import secrets
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache

from django.db import connection, models, transaction

Key = tuple
Sums = list


MONTH, DAY = "month", "day"


class Rollup(ABC):
    """Declares how records of `source` add up into `model`. Most rollups come in two grains, a model of
    months and its twin of days (the same cells, with `day` for `month`): a period is read from the
    whole months it spans and the days at its edges (see `core.cells`)."""

    source: type[models.Model]
    model: type[models.Model]
    keys: list[str]  # the rollup model's key columns (attnames)
    sums: list[str]  # its summed columns
    grain = MONTH

    def at(self, day: datetime.date) -> datetime.date:
        """A record's date as this rollup's cells hold it: its month, or the day itself."""
        return day.replace(day=1) if self.grain == MONTH else day

    @abstractmethod
    def cells(self, record: models.Model) -> Iterable[tuple[Key, Sums]]:
        """The cells one record adds to, with what it adds."""

    def source_queryset(self):
        return self.source._default_manager.all()

    # Applying changes -------------------------------------------------------------------------------

    def apply(self, deltas: dict[Key, Sums], new: bool = False) -> None:
        """Add the deltas to their cells, creating the cells that do not exist yet. `new` says that none
        of them exists yet (a load of months never counted before): PostgreSQL then only inserts."""
        deltas = {key: sums for key, sums in deltas.items() if any(sums)}
        if not deltas:
            return
        advance()
        rows = [(*key, *sums) for key, sums in deltas.items()]
        with transaction.atomic(), connection.cursor() as cursor:  # the staged deltas live in it
            if connection.vendor == "postgresql":
                self.apply_by_copy(cursor, rows, new)
            else:
                self.apply_by_values(cursor, rows)

    def _columns(self) -> tuple[str, list[str], list[str], str]:
        quote = connection.ops.quote_name
        columns = [quote(name) for name in (*self.keys, *self.sums)]
        keys, sums = columns[: len(self.keys)], columns[len(self.keys) :]
        updates = ", ".join(f"{c} = {{table}}.{c} + excluded.{c}" for c in sums)
        return quote(self.model._meta.db_table), keys, sums, updates

    def apply_by_values(self, cursor, rows: list[tuple]) -> None:
        """SQLite: one upsert prepared once and run for every cell by the driver itself (Django's cursor
        would rewrite the statement's placeholders for each)."""
        table, keys, sums, updates = self._columns()
        columns = [*keys, *sums]
        connection.connection.cursor().executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['?'] * len(columns))}) "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates.format(table=table)}",
            rows,
        )

    def apply_by_copy(self, cursor, rows: list[tuple], new: bool = False) -> None:
        """PostgreSQL: the deltas are copied into a temporary table (one binary COPY, see
        `core.bulk.staged`); the cells that exist are added to by a joined UPDATE (an upsert of an
        existing cell costs a speculative insert first), and only the missing ones are inserted."""
        from precinct.core.bulk import staged

        table, keys, sums, updates = self._columns()
        fields = [self.model._meta.get_field(name) for name in (*self.keys, *self.sums)]
        names = [f"c{index}" for index in range(len(fields))]
        width = len(keys)
        delta = staged(
            cursor,
            f"delta_{self.model._meta.db_table}",
            [(name, field.db_type(connection)) for name, field in zip(names, fields, strict=True)],
            rows,
        )
        matched = " AND ".join(f"{table}.{c} = d.{names[i]}" for i, c in enumerate(keys))
        if not new:
            additions = ", ".join(f"{c} = {table}.{c} + d.{names[width + i]}" for i, c in enumerate(sums))
            cursor.execute(f"UPDATE {table} SET {additions} FROM {delta} AS d WHERE {matched}")
        missing = "" if new else f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {matched})"
        cursor.execute(
            f"INSERT INTO {table} ({', '.join([*keys, *sums])}) SELECT {', '.join(names)} FROM {delta} AS d "
            f"{missing} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates.format(table=table)}"
        )

    def collect(self, records: Iterable[models.Model], sign: int = 1) -> dict[Key, Sums]:
        deltas: dict[Key, Sums] = defaultdict(lambda: [0] * len(self.sums))
        for record in records:
            for key, sums in self.cells(record):
                cell = deltas[key]
                for index, value in enumerate(sums):
                    cell[index] += sign * value
        return deltas

    # Rebuilding and verifying --------------------------------------------------------------------------

    def expected(self) -> dict[Key, Sums]:
        return self.collect(self.source_queryset().iterator(chunk_size=5000))

    def stored(self) -> dict[Key, Sums]:
        rows = self.model._default_manager.values_list(*self.keys, *self.sums)
        return {tuple(row[: len(self.keys)]): list(row[len(self.keys) :]) for row in rows.iterator()}

    @transaction.atomic
    def rebuild(self) -> int:
        advance()  # the cells are cleared even when no record refills them
        self.model._default_manager.all().delete()
        expected = self.expected()
        self.apply(expected)
        return len(expected)

    def differences(self) -> list[tuple[Key, Sums | None, Sums | None]]:
        expected = {key: sums for key, sums in self.expected().items() if any(sums)}
        stored = {key: sums for key, sums in self.stored().items() if any(sums)}
        return [
            (key, expected.get(key), stored.get(key))
            for key in expected.keys() | stored.keys()
            if not _same(expected.get(key), stored.get(key))
        ]


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Within the block, every read sees the database as at its start, whatever commits meanwhile: a
    rollup compared with its records while writes go on compares one moment with itself. PostgreSQL:
    a REPEATABLE READ transaction; SQLite (WAL): a deferred read transaction, which holds no writer back."""
    if connection.in_atomic_block:  # already one transaction (a test's, a caller's): it is the moment
        yield
        return
    if connection.vendor == "postgresql":
        token = _only_reading.set(True)  # no FOR SHARE on the bodies: writers must not wait on a reader
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield
        finally:
            _only_reading.reset(token)
        return
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            cursor.execute("COMMIT")


# What the figures were computed from ---------------------------------------------------------------------

FIGURES = "figures"


def advance() -> None:
    """The figures changed: in the writer's transaction, so that the new generation and the new cells
    are seen together. A generation is drawn at random, never counted up: a transaction rolled back
    takes its generation with it, and the next write must not come to the same number over other cells
    (what a process kept under that number would be served again)."""
    from precinct.core.models import Generation

    drawn = secrets.randbits(62)
    if not Generation.objects.filter(name=FIGURES).update(value=drawn):
        Generation.objects.update_or_create(name=FIGURES, defaults={"value": drawn})


def generation() -> int:
    """The figures' generation now; a cached figure is good while it has not moved."""
    from precinct.core.models import Generation

    return Generation.objects.filter(name=FIGURES).values_list("value", flat=True).first() or 0


# What the process keeps from the cells between reports, each with the generation it was read under.
_kept: dict[tuple, tuple[int, object]] = {}


def kept(key: tuple, compute: Callable[[], object]) -> object:
    """A value read from the cells, kept by this process while the figures' generation stands: the
    generation is read once per report, and any write in any process moves it."""
    from precinct.core.measures import cached

    now = cached(("generation",), generation)
    found = _kept.get(key)
    if found is not None and found[0] == now:
        return found[1]
    value = compute()
    _kept[key] = (now, value)
    return value


# The organisation, read fresh for every operation ---------------------------------------------------------
# A record counts in the cells of its body and of every body above it. Which bodies those are is read from
# the database inside the writing transaction, never kept from one operation to the next: a process started
# before a body moved writes into the new parents' cells like one started after. On PostgreSQL the bodies
# are read FOR SHARE, so that a move (which takes its subtree FOR UPDATE, see `move_cells`) waits for the
# writes under way and every write after it reads the new chain.

_chains: contextvars.ContextVar[dict[int, list[int]] | None] = contextvars.ContextVar("chains", default=None)
# Set while a snapshot is only read (see `one_snapshot`): the bodies are read without a lock.
_only_reading: contextvars.ContextVar[bool] = contextvars.ContextVar("only_reading", default=False)


@contextmanager
def one_reading() -> Iterator[None]:
    """Within the block, each body's chain is read once (a rebuild, a feed's chunk, one change)."""
    token = _chains.set({} if _chains.get() is None else _chains.get())
    try:
        yield
    finally:
        _chains.reset(token)


def read_chains(body_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Each body's id with the ids of the body and every body above it, from the database now (all
    bodies when `body_ids` is None)."""
    from precinct.organisation.models import Body

    table = connection.ops.quote_name(Body._meta.db_table)
    writing = connection.in_atomic_block and not _only_reading.get()
    lock = " FOR SHARE" if connection.vendor == "postgresql" and writing else ""
    with connection.cursor() as cursor:
        if body_ids is None:
            cursor.execute(f"SELECT id, path FROM {table}{lock}")
        else:
            ids = sorted(set(body_ids))
            if not ids:
                return {}
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"SELECT id, path FROM {table} WHERE id IN ({marks}){lock}", ids)
        paths = dict(cursor.fetchall())
    codes = {code for path in paths.values() for code in path.strip("/").split("/")}
    by_code = dict(Body.objects.filter(code__in=codes).values_list("code", "pk"))
    return {pk: [by_code[code] for code in path.strip("/").split("/")] for pk, path in paths.items()}


def chains_of(body_ids: Iterable[int]) -> dict[int, list[int]]:
    memo = _chains.get()
    if memo is None:
        return read_chains(body_ids)
    missing = set(body_ids) - memo.keys()
    if missing:
        memo.update(read_chains(missing))
    return memo


def body_chains() -> dict[int, list[int]]:
    """Every body's chain, read now."""
    memo = _chains.get()
    chains = read_chains()
    if memo is not None:
        memo.update(chains)
    return chains


class ChainedRollup(Rollup):
    """A rollup whose records count in their body's cells and in those of every body above it. Its first
    key is the body (`body_id`)."""

    def chain(self, body_id: int) -> list[int]:
        memo = _chains.get()
        if memo is not None and body_id in memo:  # the common case, asked once per cell: no sets made
            return memo[body_id]
        return chains_of([body_id])[body_id]

    def collect(self, records: Iterable[models.Model], sign: int = 1) -> dict[Key, Sums]:
        records = list(records)
        with one_reading():
            chains_of({record.body_id for record in records})  # one query for all of them
            return super().collect(records, sign)

    def expected(self) -> dict[Key, Sums]:
        with one_reading():
            body_chains()
            return super().expected()

    def move(self, body_id: int, leaving: list[int], joining: list[int]) -> None:
        """A body moved: its cells (which hold its whole subtree) leave the bodies it is no longer under
        and join those it is now under."""
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        body, *keys = [quote(name) for name in self.keys]
        sums = [quote(name) for name in self.sums]
        with connection.cursor() as cursor:
            for target in joining:
                cursor.execute(
                    f"INSERT INTO {table} ({body}, {', '.join(keys + sums)}) "
                    f"SELECT %s, {', '.join(keys + sums)} FROM {table} WHERE {body} = %s "
                    f"ON CONFLICT ({body}, {', '.join(keys)}) DO UPDATE SET "
                    + ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in sums),
                    [target, body_id],
                )
            for target in leaving:
                cursor.execute(
                    f"UPDATE {table} AS cell SET "
                    + ", ".join(f"{c} = cell.{c} - moved.{c}" for c in sums)
                    + f" FROM {table} AS moved WHERE moved.{body} = %s AND cell.{body} = %s AND "
                    + " AND ".join(f"cell.{k} = moved.{k}" for k in keys),
                    [body_id, target],
                )
            if leaving:
                cursor.execute(
                    f"DELETE FROM {table} WHERE {body} IN ({', '.join(['%s'] * len(leaving))}) AND "
                    + " AND ".join(f"{c} = 0" for c in sums),
                    leaving,
                )


def move_cells(body_id: int, old_chain: list[int], new_chain: list[int]) -> None:
    """Every chained rollup follows a body's move at once, in the mover's transaction."""
    leaving = [pk for pk in old_chain if pk not in new_chain and pk != body_id]
    joining = [pk for pk in new_chain if pk not in old_chain and pk != body_id]
    advance()
    for rollup in rollups():
        if isinstance(rollup, ChainedRollup):
            rollup.move(body_id, leaving, joining)


def _same(a: Sums | None, b: Sums | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(Decimal(str(x)) == Decimal(str(y)) for x, y in zip(a, b, strict=True))


def rollups() -> list[Rollup]:
    from precinct.core.discovery import app_modules

    found = []
    for module in app_modules("rollups"):
        found.extend(
            value()
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Rollup)
            and not inspect.isabstract(value)
            and value.__module__ == module.__name__
        )
    return found


def fill_empty_after_migrate(sender, **kwargs) -> None:
    """Connected to post_migrate: a rollup whose table a migration made anew is filled from the records."""
    if kwargs.get("plan") is not None and not kwargs["plan"]:
        return  # nothing was migrated
    for rollup in rollups():
        if not rollup.model._default_manager.exists() and rollup.source._default_manager.exists():
            rollup.rebuild()


@cache
def _for(model: type[models.Model]) -> list[Rollup]:
    """The rollups of a model, found once per process."""
    return [rollup for rollup in rollups() if rollup.source is model]


def changed(before: models.Model | None, after: models.Model | None) -> None:
    """Keep the rollups of a record's model in step with one change (create, update or delete)."""
    model = type(after if after is not None else before)
    with one_reading():
        _changed(model, before, after)


def _changed(model, before, after) -> None:
    for rollup in _for(model):
        deltas = rollup.collect([before] if before is not None else [], sign=-1)
        for key, sums in rollup.collect([after] if after is not None else []).items():
            cell = deltas.setdefault(key, [0] * len(rollup.sums))
            for index, value in enumerate(sums):
                cell[index] += value
        rollup.apply(deltas)


def added(model: type[models.Model], records: list[models.Model]) -> None:
    """Keep the rollups in step with many new records at once (imports, feeds)."""
    with one_reading():
        for rollup in _for(model):
            rollup.apply(rollup.collect(records))
