"""The board report's documents (PDF, DOCX) laid out once, as a list of blocks, and rendered by each
format's writer, so that both carry the same figures and charts as the page."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from precinct.core.measures import localized
from precinct.reports.charts import images
from precinct.reports.templatetags.figures import change_shown, shown


@dataclass
class Block:
    kind: str  # title, subtitle, heading, subheading, table, image
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    image: bytes = b""


def cells(figure) -> list[str]:
    unit = figure.measure.unit
    return [shown(figure.value, unit), shown(figure.previous, unit), change_shown(figure)]


def layout(report) -> list[Block]:
    """The report as the page shows it: each section's figures and tables, then the charts."""
    period, comparison = str(report.period), str(report.comparison)
    blocks = [
        Block("title", _("Board report")),
        Block("subtitle", f"{report.body.name}: {period} {_('against')} {comparison}"),
    ]
    for result in report.sections:
        blocks.append(Block("heading", result.section.label))
        blocks.append(
            Block(
                "table",
                header=[_("Indicator"), period, comparison, _("Change")],
                rows=[
                    [figure.measure.label[:1].upper() + figure.measure.label[1:], *cells(figure)]
                    for figure in result.figures
                ],
            )
        )
        for table in result.tables:
            header = [""]
            for column in table.table.columns:
                header += [
                    f"{localized(column)} · {report.period.years}",
                    report.comparison.years,
                    _("Change"),
                ]
            blocks.append(Block("subheading", table.table.label))
            blocks.append(
                Block(
                    "table",
                    header=header,
                    rows=[
                        [label, *(text for figure in row for text in cells(figure))]
                        for label, row in table.rows
                    ],
                )
            )
    drawn = images(report)
    if drawn:
        blocks.append(Block("heading", _("Charts")))
        blocks += [Block("image", image=image) for image in drawn]
    return blocks
