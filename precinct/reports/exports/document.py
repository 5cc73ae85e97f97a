"""The board report as a Word document (python-docx): the same blocks as the PDF."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from precinct.reports.exports.layout import layout


def docx(report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.5)
    document.styles["Normal"].font.size = Pt(9)
    for block in layout(report):
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "subtitle":
            document.add_paragraph(block.text)
        elif block.kind in ("heading", "subheading"):
            document.add_heading(block.text, level=1 if block.kind == "heading" else 2)
        elif block.kind == "image":
            document.add_picture(io.BytesIO(block.image), width=Cm(17))
        else:
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for column, text in enumerate(block.header):
                table.rows[0].cells[column].paragraphs[0].add_run(text).bold = True
            for row in block.rows:
                row_cells = table.add_row().cells
                for column, text in enumerate(row):
                    row_cells[column].text = text
                    if column:
                        row_cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
