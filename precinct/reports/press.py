"""The press-release draft: each section's paragraphs, with every number linked to the records behind it,
as HTML for the page and as Markdown to take into an editor."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from precinct.core.press import Number, Paragraph

LANGUAGES = {"az": "Azərbaycanca", "en": "English"}


def draft(report, language: str) -> list[Paragraph]:
    """Each section's paragraphs; a domain that keeps no record in the period says nothing (rather than
    zeros that read as a count)."""
    with translation.override(language):
        return [
            paragraph
            for result in report.sections
            if result.section.press and any(f.measure.has_data(report.period) for f in result.figures)
            for paragraph in result.section.press(result, report.period, language)
        ]


def records_link(report, number: Number) -> str:
    """The drill-down of the number's figure, in the period the number belongs to."""
    query = {
        "start": report.period.start.isoformat(),
        "end": report.period.end.isoformat(),
        "body": report.body.code,
        "measure": number.figure.measure.name,
    }
    if number.previous:
        query["previous"] = "1"
    return f"{reverse('reports:records')}?{urlencode(query)}"


def as_html(report, paragraphs: list[Paragraph], language: str) -> list[SafeString]:
    def piece(item) -> str:
        if isinstance(item, Number):
            return format_html(
                '<a href="{}" data-measure="{}" data-which="{}">{}</a>',
                records_link(report, item),
                item.figure.measure.name,
                item.which,
                item.text(language),
            )
        return format_html("{}", item)

    return [mark_safe("".join(piece(item) for item in paragraph)) for paragraph in paragraphs]


def as_markdown(report, paragraphs: list[Paragraph], language: str, site: str) -> str:
    def piece(item) -> str:
        if isinstance(item, Number):
            return f"[{item.text(language)}]({site.rstrip('/')}{records_link(report, item)})"
        return item.replace("[", "\\[").replace("]", "\\]")

    return "\n\n".join("".join(piece(item) for item in paragraph) for paragraph in paragraphs) + "\n"
