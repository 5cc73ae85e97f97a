"""Reading an import file as rows: CSV (UTF-8, strict, a line at a time) or XLSX, each row with its line
number. A file that cannot be read at all raises `Unreadable` with the line where reading stopped; an
import reads its file twice (`rereading`), so that no record waits in memory between check and write."""

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.utils.translation import gettext as _

Rows = Iterable[tuple[int, dict[str, str]]]


def rows_from(source: Path | io.IOBase, name: str = "") -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) for each data row of a CSV or XLSX file; line 1 is the header."""
    name = name or str(source)
    if name.lower().endswith(".xlsx"):
        yield from _xlsx_rows(source)
        return
    if isinstance(source, Path):
        with source.open("rb") as handle:
            yield from _csv_rows(_text_lines(handle))
    else:
        yield from _csv_rows(_text_lines(source))  # the file stays open, to be read again


def _text_lines(handle) -> Iterator[str]:
    """The lines of a binary file as UTF-8 text (a BOM dropped), each decoded alone, so that a byte that
    is not UTF-8 is refused at its own line."""
    for number, raw in enumerate(handle, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            reason = _("not UTF-8 text (a byte 0x%(byte)02X); save the file as “CSV UTF-8”")
            raise Unreadable(number, reason % {"byte": raw[error.start]}) from None
        yield text.removeprefix("\ufeff") if number == 1 else text


def rereading(source: Path | io.IOBase, name: str = "") -> Callable[[], Rows]:
    """The rows of a file, read afresh from its start each time they are asked for."""

    def again() -> Rows:
        if not isinstance(source, Path):
            source.seek(0)
        return rows_from(source, name)

    return again


class Unreadable(Exception):
    """A file, or a line of it, that cannot be read as rows at all: nothing of it is written."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line, self.reason = line, reason


def _csv_rows(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    # Strict: a quote left open or a stray one is an error, not a field that runs on through the file.
    reader = csv.DictReader(lines, strict=True)
    try:
        for row in reader:
            yield (
                reader.line_num,
                {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None},
            )
    except csv.Error as error:  # a field past the reader's limit, a quote left open
        # The row that could not be read begins on the line after the last one read whole.
        raise Unreadable(reader.line_num + 1, _("not a CSV row: %(error)s") % {"error": error}) from None


def _xlsx_rows(source) -> Iterator[tuple[int, dict[str, str]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise Unreadable(1, _("not an Excel workbook (.xlsx): %(error)s") % {"error": error}) from None
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
