"""The board report as files, each the same figures as the page: a workbook, a PDF and a Word document.
JSON, the form for other systems, is `Report.as_dict`."""

import json

from precinct.reports.exports.document import docx
from precinct.reports.exports.pdf import pdf
from precinct.reports.exports.workbook import xlsx


def as_json(report) -> bytes:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode()


# format → (writer, content type)
FORMATS = {
    "json": (as_json, "application/json"),
    "xlsx": (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (pdf, "application/pdf"),
    "docx": (docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
