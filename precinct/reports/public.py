"""The public statistics page: national figures only, no personal data, small counts withheld."""

from django.conf import settings
from django.shortcuts import render

from precinct.core.measures import Unit
from precinct.organisation.models import Body
from precinct.reports.engine import board_report
from precinct.reports.forms import PeriodForm, default_period


class Withheld:
    """A count too small to publish: shown as "fewer than N"."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold


def published(value, unit: str):
    if unit == Unit.COUNT and value is not None and 0 < value < settings.PUBLIC_MIN_COUNT:
        return Withheld(settings.PUBLIC_MIN_COUNT)
    return value


def statistics(request):
    """Open without log-in. The period may be chosen; the body is always the whole country."""
    period = default_period()
    data = request.GET.copy()
    data.setdefault("start", period.start.isoformat())
    data.setdefault("end", period.end.isoformat())
    form = PeriodForm(data, user=None)
    del form.fields["body"]
    context = {"form": form}
    if form.is_valid():
        report = board_report(form.period(), Body.objects.get(parent=None))
        context["report"] = report
        context["rows"] = [
            (
                result.section.label,
                [
                    (
                        figure.measure,
                        published(figure.value, figure.measure.unit),
                        published(figure.previous, figure.measure.unit),
                        figure,
                    )
                    for figure in result.figures
                ],
            )
            for result in report.sections
        ]
        context["threshold"] = settings.PUBLIC_MIN_COUNT
    return render(request, "reports/public.html", context)
