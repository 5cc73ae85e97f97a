"""The PDF and DOCX exports: read back, they hold the page's figures and its charts."""

import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from precinct.conftest import body, client_for, register
from precinct.crimes.models import Status
from precinct.reports.templatetags.figures import change_shown, shown
from precinct.reports.tests.test_board import NINE_MONTHS, figures, seed


def page_rows(response) -> dict[str, list[str]]:
    """Each figure of the page as the documents write it: label, this year, last year, change."""
    return {
        name: [shown(f.value, f.measure.unit), shown(f.previous, f.measure.unit), change_shown(f)]
        for name, f in figures(response).items()
    }


def test_the_pdf_holds_the_pages_figures_and_charts(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(analyst)
    page = client.get(reverse("reports:board"), NINE_MONTHS)
    response = client.get(reverse("reports:board"), NINE_MONTHS | {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())  # lines wrapped in cells
    for name, figure in figures(page).items():
        label = figure.measure.label
        assert " ".join([label[:1].upper() + label[1:], *page_rows(page)[name]]) in text, name
    assert "Ministry of Internal Affairs" in text
    images = sum(len(p.images) for p in reader.pages)
    assert images == 2  # the categories against last year, and crimes registered by month


def test_the_docx_holds_the_pages_figures_and_charts(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(analyst)
    page = client.get(reverse("reports:board"), NINE_MONTHS)
    response = client.get(reverse("reports:board"), NINE_MONTHS | {"format": "docx"})
    document = Document(io.BytesIO(response.content))
    rows = {
        row.cells[0].text: [cell.text for cell in row.cells[1:]]
        for table in document.tables
        for row in table.rows[1:]
    }
    for name, figure in figures(page).items():
        label = figure.measure.label
        assert rows[label[:1].upper() + label[1:]] == page_rows(page)[name]
    assert len(document.inline_shapes) == 2


def test_the_documents_speak_the_users_language(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(analyst)
    response = client.get(
        reverse("reports:board"), NINE_MONTHS | {"format": "docx"}, HTTP_ACCEPT_LANGUAGE="az"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Cinayətkarlıq" in text


def test_a_district_officers_documents_cover_only_their_district(nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    response = client_for(nasimi_officer).get(reverse("reports:board"), NINE_MONTHS | {"format": "docx"})
    document = Document(io.BytesIO(response.content))
    assert "Nasimi" in document.paragraphs[1].text
    registered = next(r for r in document.tables[0].rows if r.cells[0].text == "Crimes registered")
    assert [cell.text for cell in registered.cells[1:3]] == ["1", "1"]


def test_the_command_line_writes_pdf_and_docx(nasimi_officer, ganja_officer, tmp_path):
    seed(nasimi_officer, ganja_officer)
    for format in ("pdf", "docx"):
        out = tmp_path / f"board.{format}"
        call_command(
            "report", "board", "--from", "2023-01-01", "--to", "2023-09-30", "--format", format,
            "-o", str(out), stdout=io.StringIO(),
        )  # fmt: skip
        assert out.read_bytes()[:4] == (b"%PDF" if format == "pdf" else b"PK\x03\x04")
    text = " ".join(PdfReader(tmp_path / "board.pdf").pages[0].extract_text().split())
    assert "Crimes registered 2 1 +1 (+100.0 %)" in text


def test_the_monthly_trend_counts_each_month_against_the_same_month_a_year_before(analyst, nasimi_officer):
    for month, count in ((1, 2), (3, 1)):
        for _ in range(count):
            register(nasimi_officer, registered_on=datetime.date(2023, month, 10))
    register(nasimi_officer, registered_on=datetime.date(2022, 3, 31), status=Status.SOLVED,
             solved_on=datetime.date(2022, 4, 2))  # fmt: skip
    register(nasimi_officer, body=body("baku-nasimi"), registered_on=datetime.date(2023, 4, 1))
    client = client_for(analyst)
    for period in (NINE_MONTHS, {"start": "2023-01-15", "end": "2023-03-31"}):  # rollups, then records
        charts = client.get(reverse("reports:board"), period).context["charts"]
        trend = charts["trends"][0]
        # From 15 January, the crimes of 10 January lie outside the period.
        expected = [(0, 0), (0, 0), (1, 1)] if period is not NINE_MONTHS else [(2, 0), (0, 0), (1, 1), (1, 0)]
        assert list(zip(trend["current"], trend["previous"], strict=True))[: len(expected)] == expected
        assert len(trend["labels"]) == (9 if period is NINE_MONTHS else 3)
        # A month the period cuts is named by its days, not as the whole month.
        assert trend["labels"][0] == ("January 2023" if period is NINE_MONTHS else "15–31.01.2023")
        assert trend["labels"][-1] == ("September 2023" if period is NINE_MONTHS else "March 2023")
