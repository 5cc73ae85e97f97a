"""Writing many rows fast: `COPY` on PostgreSQL, one prepared INSERT run with `executemany` on SQLite,
ids reserved up front.

Django's `bulk_create` prepares every value of every row through the field machinery (about 30 k rows/s);
here each field gets one converter, values that repeat (dates, timestamps) are converted once, and the
ids are reserved before the insert so that the audit entries can name the records they describe.
PostgreSQL runs an INSERT per row even in a pipeline; `COPY` takes the rows as one stream, several times
faster, and fires the same constraints and triggers.
"""

from collections.abc import Callable, Iterable, Sequence

from django.db import connection, models

PASS_THROUGH = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
    models.BigAutoField,
    models.AutoField,
    models.SlugField,
)


def converter(field: models.Field) -> Callable[[object], object]:
    """A function from a field's Python value to the value the database driver takes."""
    # A field of these kinds takes its Python value as it is, unless it prepares values its own way.
    own_way = type(field).get_prep_value not in {kind.get_prep_value for kind in PASS_THROUGH}
    if (
        isinstance(field, PASS_THROUGH)
        and not isinstance(field, models.GenericIPAddressField)
        and not own_way
    ):
        return lambda value: value
    memo: dict[object, object] = {}
    prepare = field.get_db_prep_save
    if isinstance(field, models.DateField | models.DecimalField):

        def cached(value: object) -> object:
            try:
                return memo[value]
            except KeyError:
                memo[value] = converted = prepare(value, connection)
                return converted
            except TypeError:  # unhashable
                return prepare(value, connection)

        return cached
    return lambda value: prepare(value, connection)


def reserve_ids(model: type[models.Model], count: int) -> Sequence[int]:
    """Ids for `count` new rows, taken inside the caller's transaction."""
    table = model._meta.db_table
    pk = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk])
            (sequence,) = cursor.fetchone()
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
            return [row[0] for row in cursor.fetchall()]
        # SQLite: writers are serialised (transactions begin IMMEDIATE), so the block is ours until commit.
        # The tables are AUTOINCREMENT: ids of deleted rows are never given again, so that a new record
        # never inherits an old one's audit history; sqlite_sequence holds the highest id ever given.
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(pk)}), 0) FROM {quote(table)}")
        (last,) = cursor.fetchone()
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        last = max(last, row[0] if row else 0)
        if row:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last + count, table])
        else:
            cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last + count])
        return range(last + 1, last + 1 + count)


class BulkInserter:
    """Inserts model instances of one model with a single prepared statement per batch."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in self.fields)
        placeholders = ", ".join(["%s"] * len(self.fields))
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
        self.copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        self.converters = [(field.attname, converter(field)) for field in self.fields]

    def insert(self, instances: list[models.Model]) -> list[models.Model]:
        if not instances:
            return instances
        for instance, pk in zip(instances, reserve_ids(self.model, len(instances)), strict=True):
            instance.pk = pk
            instance._state.adding = False
            instance._state.db = connection.alias
        rows = [tuple(convert(getattr(obj, name)) for name, convert in self.converters) for obj in instances]
        self.write(rows)
        return instances

    def insert_values(self, names: Sequence[str], values: Iterable[tuple]) -> int:
        """Rows given as the values of the fields `names` (attnames), every other field at its default,
        and no model instance made: for rows written by the hundred thousand that need no audit entry of
        their own (an application's workflow steps). Returns how many were written."""
        values = list(values)
        if not values:
            return 0
        given = {name: index for index, name in enumerate(names)}
        defaults = {attname: convert(field.get_default()) for field, (attname, convert) in
                    zip(self.fields, self.converters, strict=True) if attname not in given}  # fmt: skip
        ids = iter(reserve_ids(self.model, len(values)))
        pk = self.model._meta.pk.attname
        plan = [
            (attname == pk, given.get(attname), convert, defaults.get(attname))
            for attname, convert in self.converters
        ]
        rows = [
            tuple(
                next(ids) if is_pk else default if index is None else convert(row[index])
                for is_pk, index, convert, default in plan
            )
            for row in values
        ]
        self.write(rows)
        return len(rows)

    def write(self, rows: list[tuple]) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The driver's own cursor, its errors turned into Django's as the wrapper's would be.
                with connection.wrap_database_errors, cursor.cursor.copy(self.copy_sql) as copying:
                    for row in rows:
                        copying.write_row(row)
            else:
                cursor.executemany(self.sql, rows)


def staged(cursor, name: str, columns: list[tuple[str, str]], rows: Iterable[tuple]) -> str:
    """PostgreSQL: `rows` in a temporary table of the transaction, given by one binary `COPY`; its name.
    Many rows reach the server a dozen times faster so than as array parameters, which the driver quotes
    element by element in Python. The caller's statement then reads the table (a joined UPDATE, an
    INSERT … SELECT). Columns are (name, SQL type); a type's length is not needed to copy."""
    declared = ", ".join(f"{column} {kind}" for column, kind in columns)
    cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({declared}) ON COMMIT DROP")
    cursor.execute(f"TRUNCATE {name}")
    names = ", ".join(column for column, _kind in columns)
    with (
        connection.wrap_database_errors,
        cursor.cursor.copy(f"COPY {name} ({names}) FROM STDIN (FORMAT BINARY)") as copying,
    ):
        copying.set_types([kind.split("(")[0] for _column, kind in columns])
        count = 0
        for row in rows:
            copying.write_row(row)
            count += 1
    if count > 1000:  # a temporary table has no statistics: without them a large join is planned blind
        cursor.execute(f"ANALYZE {name}")
    return name
