"""Declarative tables: a list of columns that the generic list template renders."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    """A column: the attribute path to show (a.b.c), its heading, and whether it links to the record.
    A column not `on_page` is left to the CSV export and the record's own page: the list shows what its
    users work by, and fits the screen."""

    accessor: str
    heading: str
    link: bool = False
    on_page: bool = True
    wrap: bool = False  # long text (grounds, a body's name) wraps rather than widen the list

    def value(self, obj: object) -> object:
        for part in self.accessor.split("."):
            if obj is None:
                return ""
            display = getattr(obj, f"get_{part}_display", None)
            obj = display() if callable(display) else getattr(obj, part)
        if isinstance(obj, bool):
            return _("yes") if obj else _("no")
        if isinstance(obj, datetime.datetime):
            return timezone.localtime(obj).strftime("%d.%m.%Y %H:%M:%S")
        if isinstance(obj, datetime.date):
            return obj.strftime("%d.%m.%Y")
        return "" if obj is None else obj


class Table:
    columns: list[Column] = []

    def __init__(self, rows) -> None:
        self.rows = rows

    def __iter__(self):
        for row in self.rows:
            yield row, [(column, column.value(row)) for column in self.columns]

    @property
    def page_columns(self) -> list[Column]:
        return [column for column in self.columns if column.on_page]

    def page_html(self) -> SafeString:
        """The rows of the list page as HTML, every value escaped: written here rather than by the template
        engine, which took most of a list page's time cell by cell (50 rows of 11 columns)."""
        shown = self.page_columns
        rows = []
        for row in self.rows:
            cells = []
            for column in shown:
                value = conditional_escape(column.value(row))
                if column.link:
                    value = format_html('<a href="{}">{}</a>', row.get_absolute_url(), value)
                cells.append(f'<td class="wrap">{value}</td>' if column.wrap else f"<td>{value}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return mark_safe("\n".join(rows))  # noqa: S308 - built of escaped values only
