"""The board report's charts: the data the page's script draws, and the same charts as images for the
PDF and DOCX exports (drawn by matplotlib, with no display)."""

import datetime
import io

import matplotlib

matplotlib.use("Agg")  # no display: images are drawn in memory

from django.utils.formats import date_format  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from matplotlib.figure import Figure as Canvas  # noqa: E402

CURRENT, PREVIOUS = "#0b3d6e", "#9bb7d4"


def chart_data(report) -> dict:
    """Categories against last year, and each section's monthly trends, for the page and the exports."""
    data = {
        "current_label": str(report.period),
        "previous_label": str(report.comparison),
        "categories": None,
        "trends": [],
    }
    for result in report.sections:
        for table in result.tables:
            if table.table.name == "crimes.by_category":
                rows = [(label, row[0]) for label, row in table.rows if row[0].value or row[0].previous]
                data["categories"] = {
                    "title": _("Crimes by category against last year"),
                    "labels": [label for label, _figure in rows],
                    "current": [figure.value for _label, figure in rows],
                    "previous": [figure.previous for _label, figure in rows],
                }
        labels = month_labels(report.period)
        for trend in result.trends:
            data["trends"].append(
                {
                    "title": _("%(measure)s by month") % {"measure": trend.measure.label},
                    "labels": [labels.get(month, month) for month, _f in trend.months],
                    "current": [figure.value for _month, figure in trend.months],
                    "previous": [figure.previous for _month, figure in trend.months],
                }
            )
    return data


def month_labels(period) -> dict:
    """Each month of the period by name; a month the period covers only in part by its days (5–31.01.2023),
    so that a cut month is not read as a whole one."""
    labels = {}
    for month, part in period.parts():
        whole = part.start == month and (part.end + datetime.timedelta(days=1)).month != part.end.month
        labels[month] = (
            date_format(month, "YEAR_MONTH_FORMAT") if whole else f"{part.start:%d}–{part.end:%d.%m.%Y}"
        )
    return labels


def png(canvas: Canvas) -> bytes:
    buffer = io.BytesIO()
    canvas.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return buffer.getvalue()


def category_chart(data: dict) -> bytes:
    chart = data["categories"]
    count = len(chart["labels"])
    canvas = Canvas(figsize=(7.5, 0.32 * count + 1.2))
    axes = canvas.subplots()
    positions = range(count)
    axes.barh([p - 0.2 for p in positions], chart["current"], 0.4, label=data["current_label"], color=CURRENT)
    previous = [value or 0 for value in chart["previous"]]  # None: that year has no records
    axes.barh([p + 0.2 for p in positions], previous, 0.4, label=data["previous_label"], color=PREVIOUS)
    axes.set_yticks(list(positions), chart["labels"], fontsize=8)
    axes.invert_yaxis()
    axes.set_title(chart["title"], fontsize=10)
    axes.legend(fontsize=8, loc="lower right")
    axes.tick_params(axis="x", labelsize=8)
    axes.grid(axis="x", alpha=0.3)
    return png(canvas)


def trend_chart(data: dict, trend: dict) -> bytes:
    canvas = Canvas(figsize=(7.5, 3))
    axes = canvas.subplots()
    for values, color, label in (
        (trend["current"], CURRENT, data["current_label"]),
        (trend["previous"], PREVIOUS, data["previous_label"]),
    ):
        axes.plot(trend["labels"], [value or 0 for value in values], marker="o", color=color, label=label)
    axes.set_title(trend["title"], fontsize=10)
    axes.legend(fontsize=8)
    axes.tick_params(labelsize=8)
    axes.tick_params(axis="x", rotation=30)
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    return png(canvas)


def images(report) -> list[bytes]:
    """Every chart of the report as a PNG image, in the order the page shows them."""
    data = chart_data(report)
    drawn = [category_chart(data)] if data["categories"] and data["categories"]["labels"] else []
    return drawn + [trend_chart(data, trend) for trend in data["trends"]]
