"""The import framework: read CSV or XLSX rows, check every one, and write all of them or none.

A domain declares an `Importer` in its `importers.py`; `precinct import NAME FILE` and the upload pages
find it there. Each bad row is reported with its line, field and reason; if any row is bad, nothing is
written.
"""

import contextlib
import csv
import datetime
import hashlib
import io
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


def rows_from(source: Path | io.IOBase, name: str = "") -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) for each data row of a CSV or XLSX file; line 1 is the header."""
    name = name or str(source)
    if name.lower().endswith(".xlsx"):
        yield from _xlsx_rows(source)
        return
    if isinstance(source, Path):
        with source.open(encoding="utf-8-sig", newline="") as handle:
            yield from _csv_rows(handle)
    else:
        yield from _csv_rows(io.TextIOWrapper(source, encoding="utf-8-sig", newline=""))


def _csv_rows(handle) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(handle)
    for row in reader:
        yield reader.line_num, {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}


def _xlsx_rows(source) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    book = load_workbook(source, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell).strip() if cell is not None else "" for cell in next(rows, [])]
    for line, values in enumerate(rows, start=2):
        if all(value is None or str(value).strip() == "" for value in values):
            continue
        yield line, {header[i]: _cell_text(v) for i, v in enumerate(values) if i < len(header) and header[i]}
    book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


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
            % {"day": f"{found:%d.%m.%Y}", "first": f"{EARLIEST:%d.%m.%Y}", "last": f"{LATEST:%d.%m.%Y}"},
        )
    return found


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


class Importer(ABC):
    """Reads rows into unsaved records; `write` saves them all and audits each, in one transaction."""

    name = ""
    model: type[models.Model]
    columns: list[str] = []
    batch_size = 2000

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    @abstractmethod
    def build(self, line: int, row: dict[str, str]) -> models.Model:
        """An unsaved record from one row; raises RowErrors with every reason the row is refused."""

    def check(self, records: list[tuple[int, models.Model]]) -> list[RowError]:
        """Checks that need all rows at once (duplicates within the file and against the database)."""
        return []

    def run(
        self, rows: Iterable[tuple[int, dict[str, str]]], progress: Progress | None = None,
        file: "FileKey | None" = None, writing: Progress | None = None,
    ) -> ImportReport:  # fmt: skip
        """Check every row (`progress` told of each), then write them all or none (`writing` told of
        each batch written). With the `file`'s key, a file this importer wrote before is refused whole,
        and the file is recorded with what it wrote."""
        report = ImportReport()
        if file is not None and (earlier := file.imported_before(self.name)) is not None:
            report.errors.append(RowError(1, "file", already_imported(earlier)))
            return report
        records: list[tuple[int, models.Model]] = []
        for line, row in rows:
            report.rows += 1
            try:
                records.append((line, self.build(line, row)))
            except RowErrors as refused:
                report.errors.extend(refused.errors)
            if progress:
                progress(1)
        # The cross-row checks and the write are one transaction, so that nothing another writer commits
        # in between (a registration number, say) can slip past the checks.
        with transaction.atomic():
            self.lock(records)
            if file is not None and (earlier := file.taken(self.name)) is not None:  # imported meanwhile
                report.errors.append(RowError(1, "file", already_imported(earlier)))
                return report
            report.errors.extend(self.check(records))
            if report.errors:
                report.errors.sort(key=lambda error: error.line)
                return report
            self.write([record for _line, record in records], writing)
            if file is not None:
                file.record(self.name, self.actor, len(records))
        report.written = len(records)
        return report

    def lock(self, records: list[tuple[int, models.Model]]) -> None:  # noqa: B027 - optional hook
        """Take the locks the checks need before they read (nothing by default)."""

    def write(self, records: list[models.Model], progress: Progress | None = None) -> None:
        bulk_write(self.actor, self.model, records, self.batch_size, progress=progress)


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


@transaction.atomic
def bulk_write(actor: Actor, model: type[models.Model], records: list[models.Model], batch_size: int = 5000,
               progress=None):  # fmt: skip
    """Insert many checked records at once, each with its audit entry, in one transaction. The rollups
    take them all at once: a cell that many records add to is written once. `progress` is told of each
    batch written."""
    records_inserter, audit_inserter = BulkInserter(model), BulkInserter(AuditEntry)
    now = timezone.now()
    stamped = {"created_at", "updated_at"} & {field.name for field in model._meta.concrete_fields}
    for record in records:
        for name in stamped:
            setattr(record, name, now)
    for start in range(0, len(records), batch_size):
        batch = records_inserter.insert(records[start : start + batch_size])
        entries = [entry(actor, Action.CREATE, record, None, snapshot(record)) for record in batch]
        for audit_entry in entries:
            audit_entry.at = now
        audit_inserter.insert(entries)
        chain.seal_after_commit()
        if progress:
            progress(len(batch))
    rollups.added(model, records)
    return records


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
