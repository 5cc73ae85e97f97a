"""The board report as a workbook: one sheet per section, the same figures as the page."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from precinct.core.measures import Unit


def cell(value, unit: str):
    if value is None:
        return "—"
    return float(value) if unit in (Unit.SHARE, Unit.MONEY, Unit.MASS) else value


def xlsx(report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for result in report.sections:
        sheet = book.create_sheet(result.section.label[:31])
        sheet.append([result.section.label, str(report.period), str(report.comparison), report.body.name])
        sheet.append(["Measure", "Name", str(report.period), str(report.comparison), "Change"])
        for cells in sheet.iter_rows(min_row=1, max_row=2):
            for item in cells:
                item.font = Font(bold=True)
        rows = [(f.measure.label, f) for f in result.figures]
        for table in result.tables:
            rows += [
                (f"{label} — {f.measure.name.rsplit('.', 1)[1]}", f) for label, row in table.rows for f in row
            ]
        for label, figure in rows:
            unit = figure.measure.unit
            sheet.append(
                [
                    label,
                    figure.measure.name,
                    cell(figure.value, unit),
                    cell(figure.previous, unit),
                    cell(figure.change, unit),
                ]
            )
            if unit == Unit.SHARE:
                for column in "CDE":
                    sheet[f"{column}{sheet.max_row}"].number_format = "0.0%"
        sheet.column_dimensions["A"].width = 60
        sheet.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
