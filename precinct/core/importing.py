"""The import framework: read CSV or XLSX rows, check every one, and write all of them or none.

A domain declares an `Importer` in its `importers.py`; `precinct import NAME FILE` and the upload pages
find it there. Each bad row is reported with its line, field and reason; if any row is bad, nothing is
written. A file is read twice, to check it and then to write it, a batch at a time, so that memory does
not grow with its size: between the two readings an importer keeps only what its checks across rows
need (a registration number, say).
"""

import contextlib
import datetime
import hashlib
import io
import itertools
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import connection, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from precinct.core import chain, rollups
from precinct.core.audit import Actor, entry, snapshot
from precinct.core.bulk import BulkInserter
from precinct.core.import_files import Rows, Unreadable
from precinct.core.models import Action, AuditEntry
from precinct.core.periods import EARLIEST, LATEST, out_of_range

Progress = Callable[[int], None]


class RowRefused(Exception):
    """A value in a row that cannot be used; carries the field and the reason."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("line %(line)s, %(field)s: %(reason)s") % {
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    rows: int = 0
    written: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_date(column: str, text: str, required: bool = False) -> datetime.date | None:
    if not text:
        if required:
            raise RowRefused(column, _("a date is required"))
        return None
    found = None
    for read in (datetime.date.fromisoformat, lambda t: datetime.datetime.strptime(t, "%d.%m.%Y").date()):
        with contextlib.suppress(ValueError):
            found = read(text)
            break
    if found is None:
        raise RowRefused(
            column, _("“%(text)s” is not a date (YYYY-MM-DD or DD.MM.YYYY)") % {"text": text[:40]}
        )
    if out_of_range(found):
        raise RowRefused(
            column,
            _("%(day)s is outside %(first)s–%(last)s")
            % {"day": dotted(found), "first": dotted(EARLIEST), "last": dotted(LATEST)},
        )
    return found


def dotted(day: datetime.date) -> str:
    """dd.mm.yyyy, the year in four digits even before 1000 (strftime gives "01.01.1")."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


# Amounts are kept with 14 digits, two of them after the point.
MAX_AMOUNT = Decimal(10) ** 12


def parse_decimal(column: str, text: str) -> Decimal:
    if not text:
        return Decimal(0)
    try:
        value = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise RowRefused(column, _("“%(text)s” is not an amount") % {"text": text}) from None
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        raise RowRefused(column, _("“%(text)s” is not an amount this register can hold") % {"text": text})
    if value != value.quantize(Decimal("0.01")):
        raise RowRefused(column, _("“%(text)s” has more than two decimal places") % {"text": text})
    return value.quantize(Decimal("0.01"))


def parse_int(column: str, text: str, required: bool = False) -> int | None:
    if not text:
        if required:
            raise RowRefused(column, _("a number is required"))
        return None
    if not re.fullmatch(r"[0-9]{1,9}", text):
        raise RowRefused(column, _("“%(text)s” is not a whole number below a billion") % {"text": text})
    return int(text)


# Characters no text of a record holds (tabs and line ends aside); a NUL byte breaks PostgreSQL's text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse_text(column: str, text: str, limit: int) -> str:
    if CONTROL.search(text):
        raise RowRefused(column, _("contains control characters (a NUL byte, say)"))
    if len(text) > limit:
        raise RowRefused(column, _("longer than %(n)s characters") % {"n": limit})
    return text


def parse_bool(column: str, text: str) -> bool:
    lowered = text.lower()
    if lowered in {"", "0", "no", "false", "n", "yox", "нет"}:
        return False
    if lowered in {"1", "yes", "true", "y", "bəli", "да"}:
        return True
    raise RowRefused(column, _("“%(text)s” is not yes or no") % {"text": text})


_CHOICE_LOOKUPS: dict[type, dict[str, str]] = {}


def parse_choice(
    column: str, text: str, choices: type[models.TextChoices], default: str | None = None
) -> str:
    """A choice given by its code or by its English label."""
    if not text and default is not None:
        return default
    lookup = _CHOICE_LOOKUPS.get(choices)
    if lookup is None:
        lookup = {}
        with translation.override("en"):  # files name choices in English, whatever the user's language
            for value, label in zip(choices.values, choices.labels, strict=True):
                lookup[str(label).lower()] = value
                lookup[value.lower()] = value
        _CHOICE_LOOKUPS[choices] = lookup
    try:
        return lookup[text.lower()]
    except KeyError:
        allowed = ", ".join(v for v in choices.values if v)
        raise RowRefused(
            column, _("“%(text)s” is not one of: %(allowed)s") % {"text": text, "allowed": allowed}
        ) from None


class FileChanged(Exception):
    """The file read the second time, to be written, is not the one that was checked."""


class Importer(ABC):
    """Reads rows into unsaved records; `write` saves them all and audits each, in one transaction.

    The hooks between the two readings of a file: `note` each good record (keep what the checks across
    rows need, never the record), `lock` and `check` once, then `prepare` each record again built, just
    before it is written (give it a number, say)."""

    name = ""
    model: type[models.Model]
    columns: list[str] = []
    required: list[str] = []  # the columns every file names
    batch_size = 2000

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    @abstractmethod
    def build(self, line: int, row: dict[str, str]) -> models.Model:
        """An unsaved record from one row; raises RowErrors with every reason the row is refused."""

    def note(self, line: int, record: models.Model) -> None:  # noqa: B027 - optional hook
        """Keep of a good record what the checks across rows need (nothing by default)."""

    def lock(self) -> None:  # noqa: B027 - optional hook
        """Take the locks the checks need before they read (nothing by default)."""

    def check(self) -> list[RowError]:
        """Checks across rows, from what was noted (duplicates within the file and against the database)."""
        return []

    def prepare(self, record: models.Model) -> None:  # noqa: B027 - optional hook
        """Complete a record built again, just before it is written (nothing by default)."""

    def run(
        self, rows: Rows | Callable[[], Rows], progress: Progress | None = None,
        file: "FileKey | None" = None, writing: Progress | None = None,
    ) -> ImportReport:  # fmt: skip
        """Check every row (`progress` told of each), then write them all or none (`writing` told of
        each batch written). `rows` is the rows, or a function that reads them afresh (`rereading`): then
        they are read twice and no record is held between the readings. With the `file`'s key, a file this
        importer wrote before is refused whole, and the file is recorded with what it wrote."""
        report = ImportReport()
        if file is not None and (earlier := file.imported_before(self.name)) is not None:
            report.errors.append(RowError(1, "file", already_imported(earlier)))
            return report
        again = rows if callable(rows) else None
        kept: list[models.Model] | None = None if again else []
        try:
            for line, built in self.built(again() if again else rows, progress):
                report.rows += 1
                if isinstance(built, RowErrors):
                    report.errors.extend(built.errors)
                    continue
                self.note(line, built)
                if kept is not None:
                    kept.append(built)
        except Unreadable as unreadable:  # nothing more of the file can be read: nothing of it is written
            report.errors.append(RowError(unreadable.line, "file", unreadable.reason))
            return report
        # The cross-row checks and the write are one transaction, so that nothing another writer commits
        # in between (a registration number, say) can slip past the checks.
        try:
            with transaction.atomic():
                self.lock()
                if file is not None and (earlier := file.taken(self.name)) is not None:  # imported meanwhile
                    report.errors.append(RowError(1, "file", already_imported(earlier)))
                    return report
                report.errors.extend(self.check())
                if report.errors:
                    report.errors.sort(key=lambda error: error.line)
                    return report
                records = kept if kept is not None else self.built_again(again(), report.rows)
                report.written = self.write(self.prepared(records), writing)
                if report.written != report.rows:
                    raise FileChanged
                if file is not None:
                    file.record(self.name, self.actor, report.written)
        except (FileChanged, Unreadable):
            report.written = 0
            report.errors.append(RowError(1, "file", _("the file changed while it was imported")))
        return report

    def built(
        self, rows: Rows, progress: Progress | None
    ) -> Iterator[tuple[int, "models.Model | RowErrors"]]:
        first = True
        for line, row in rows:
            if first:
                self.check_header(row)
                first = False
            try:
                yield line, self.build(line, row)
            except RowErrors as refused:
                yield line, refused
            if progress:
                progress(1)

    def check_header(self, row: dict[str, str]) -> None:
        """A column the import does not take (a misspelling would leave a value unread) or one it needs
        and the file lacks: the file is refused at its header, rather than row by row."""
        named = set(row)
        unknown = sorted(column for column in named - set(self.columns) if column)
        missing = [column for column in self.required if column not in named]
        if unknown or missing:
            reasons = []
            if unknown:
                reasons.append(
                    _("columns this import does not take: %(names)s") % {"names": ", ".join(unknown)}
                )
            if missing:
                reasons.append(_("columns it needs: %(names)s") % {"names": ", ".join(missing)})
            taken = ", ".join(self.columns)
            raise Unreadable(1, "; ".join(reasons) + " " + _("(it takes %(taken)s)") % {"taken": taken})

    def built_again(self, rows: Rows, checked: int) -> Iterator[models.Model]:
        """The records of the second reading: the rows checked, every one of them good, and no more."""
        for count, (_line, built) in enumerate(self.built(rows, None), start=1):
            if isinstance(built, RowErrors) or count > checked:
                raise FileChanged
            yield built

    def prepared(self, records: Iterable[models.Model]) -> Iterator[models.Model]:
        for record in records:
            self.prepare(record)
            yield record

    def write(self, records: Iterable[models.Model], progress: Progress | None = None) -> int:
        return write_in_batches(self.actor, self.model, records, self.batch_size, progress=progress)


@dataclass(frozen=True)
class FileKey:
    """A file to import, known by its name and the SHA-256 of its bytes."""

    name: str
    digest: str

    @classmethod
    def of(cls, source: Path | io.IOBase, name: str = "") -> "FileKey":
        """Read the file once for its digest (in chunks) and leave an open one at its start."""
        digest = hashlib.sha256()
        if isinstance(source, Path):
            with source.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        else:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                digest.update(chunk)
            source.seek(0)
        return cls(Path(name or str(source)).name[:255], digest.hexdigest())

    def taken(self, importer: str):
        """Within the import's transaction: wait for any other import of the same file to end, then
        tell whether it was written (PostgreSQL by an advisory lock; SQLite serialises its writers)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(self.digest[:15], 16)])
        return self.imported_before(importer)

    def imported_before(self, importer: str):
        from precinct.core.models import ImportedFile

        return ImportedFile.objects.filter(importer=importer, digest=self.digest).first()

    def record(self, importer: str, actor: Actor, written: int) -> None:
        from precinct.core.models import ImportedFile

        user = actor.user if getattr(actor.user, "is_authenticated", False) else None
        ImportedFile.objects.create(
            importer=importer, digest=self.digest, name=self.name, user=user,
            username=getattr(user, "username", ""), written=written,
        )  # fmt: skip


def already_imported(earlier) -> str:
    return _("this file was imported on %(at)s by %(user)s (%(n)s records): nothing was written again") % {
        "at": f"{timezone.localtime(earlier.at):%d.%m.%Y %H:%M}",
        "user": earlier.username or "—",
        "n": earlier.written,
    }


class RowErrors(Exception):
    """All the reasons one row was refused."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


ROLLED_UP_EVERY = 20_000  # records whose rollup cells are added at once: a cell many records add to is
# written once for them all, and memory stays flat however many records there are


def bulk_write(actor: Actor, model: type[models.Model], records: list[models.Model], batch_size: int = 5000,
               progress=None) -> list[models.Model]:  # fmt: skip
    """Insert many checked records at once, each with its audit entry, in one transaction, and add them
    to the rollups; returns them, with their keys. `progress` is told of each batch written."""
    write_in_batches(actor, model, records, batch_size, progress)
    return records


@transaction.atomic
def write_in_batches(actor: Actor, model: type[models.Model], records: Iterable[models.Model],
                     batch_size: int = 5000, progress=None) -> int:  # fmt: skip
    """`bulk_write` of records that come one by one (a file read again): a batch is written and let go
    before the next is read. Returns how many were written."""
    records_inserter, audit_inserter = BulkInserter(model), BulkInserter(AuditEntry)
    now = timezone.now()
    stamped = {"created_at", "updated_at"} & {field.name for field in model._meta.concrete_fields}
    written, unrolled = 0, []
    records = iter(records)
    while batch := list(itertools.islice(records, batch_size)):
        for record in batch:
            for name in stamped:
                setattr(record, name, now)
        records_inserter.insert(batch)
        entries = [entry(actor, Action.CREATE, record, None, snapshot(record)) for record in batch]
        for audit_entry in entries:
            audit_entry.at = now
        audit_inserter.insert(entries)
        chain.seal_after_commit()
        written += len(batch)
        unrolled += batch
        if len(unrolled) >= ROLLED_UP_EVERY:
            rollups.added(model, unrolled)
            unrolled = []
        if progress:
            progress(len(batch))
    rollups.added(model, unrolled)
    return written


def importers() -> dict[str, type[Importer]]:
    """Every importer declared by the domain apps, by name."""
    from precinct.core.discovery import app_modules

    found: dict[str, type[Importer]] = {}
    for module in app_modules("importers"):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Importer)
                and value is not Importer
                and value.name
            ):
                found[value.name] = value
    return found
