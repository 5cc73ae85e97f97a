"""The board report as a PDF (ReportLab), with the fonts matplotlib ships: DejaVu covers the Azerbaijani
and Cyrillic letters, and no font need be installed on the server."""

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from precinct.reports.exports.layout import layout

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
WIDTH = A4[0] - 3 * cm


@cache
def fonts() -> None:
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name in (FONT, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD)


STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=4),
    "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=10, leading=13, spaceAfter=10),
    "heading": ParagraphStyle(
        "heading", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6
    ),
    "subheading": ParagraphStyle(
        "subheading", fontName=BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=4
    ),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9),
    "number": ParagraphStyle("number", fontName=FONT, fontSize=7.5, leading=9, alignment=2),
}


def table(block) -> Table:
    def paragraph(text: str, column: int, bold: bool = False) -> Paragraph:
        style = STYLES["cell" if column == 0 else "number"]
        text = escape(text)
        if bold:  # a period heads its column on two lines: 01.01.2023– / 30.09.2023
            return Paragraph(f"<b>{text.replace('–', '–<br/>')}</b>", style)
        return Paragraph(text, style)

    rows = [[paragraph(text, column, bold=True) for column, text in enumerate(block.header)]]
    rows += [[paragraph(text, column) for column, text in enumerate(row)] for row in block.rows]
    others = len(block.header) - 1
    first = WIDTH * (0.43 if others <= 3 else 0.25)
    drawn = Table(rows, colWidths=[first] + [(WIDTH - first) / others] * others, repeatRows=1)
    drawn.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0b7c3")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return drawn


def image(block) -> Image:
    width, height = ImageReader(io.BytesIO(block.image)).getSize()
    return Image(io.BytesIO(block.image), width=WIDTH, height=WIDTH * height / width)


def pdf(report) -> bytes:
    fonts()
    blocks, story = layout(report), []
    for block in blocks:
        if block.kind == "table":
            story += [table(block), Spacer(1, 6)]
        elif block.kind == "image":
            story += [image(block), Spacer(1, 6)]
        else:
            story.append(Paragraph(escape(block.text), STYLES[block.kind]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=f"{blocks[0].text}. {blocks[1].text}",
        author="Precinct",
    )
    document.build(story)
    return buffer.getvalue()
