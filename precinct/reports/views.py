"""The dashboard, the board report and the records behind each of its figures."""

import datetime
from importlib import import_module

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from precinct.core.audit import Actor, record_export
from precinct.core.measures import Scope
from precinct.core.periods import Period
from precinct.core.roles import can
from precinct.core.views import UncountedPage, csv_download, refused_download
from precinct.crimes.models import Crime, Status, Wanted
from precinct.reports.charts import chart_data
from precinct.reports.engine import all_measures, board_report
from precinct.reports.exports import FORMATS
from precinct.reports.forms import PeriodForm, WindowsForm, default_period
from precinct.reports.press import LANGUAGES, as_html, as_markdown, draft
from precinct.reports.windows import window_table, windows


@login_required
def dashboard(request):
    crimes = Crime.objects.visible_to(request.user)
    period = default_period()
    context = {
        "crime_count": crimes.count(),
        "under_investigation": crimes.filter(status=Status.INVESTIGATION).count(),
        "recent": crimes.select_related("body", "article")[:10],
        "wanted_open": Wanted.objects.visible_to(request.user).filter(arrested_on__isnull=True).count(),
        "can_view_reports": can(request.user, "reports"),
        "board_period": period,
        "nine_months": Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30)),
    }
    status = 200
    if context["can_view_reports"]:
        form = context["windows_form"] = WindowsForm(request.GET, user=request.user)
        if not form.is_valid():
            status = 400
        elif form.chosen_body() is not None:  # a reach of no body has nothing to show
            result = windows(form.chosen_body(), form.day(), request.user)
            context |= {"windows": result, "window_rows": window_table(result), "as_of": form.day()}
    return render(request, "reports/dashboard.html", context, status=status)


def report_form(request) -> PeriodForm:
    if not can(request.user, "reports"):
        raise PermissionDenied
    period = default_period()
    data = request.GET.copy()
    data.setdefault("start", period.start.isoformat())
    data.setdefault("end", period.end.isoformat())
    return PeriodForm(data, user=request.user)


@login_required
def board(request):
    form = report_form(request)
    export = request.GET.get("format")
    if export and export not in FORMATS:
        known = ", ".join(FORMATS)
        return refused_download({"format": [_("Choose one of: %(known)s.") % {"known": known}]})
    if export in FORMATS and not form.is_valid():
        return refused_download(form.errors, as_json=export == "json")
    if not form.is_valid() or form.chosen_body() is None:
        return render(request, "reports/board.html", {"form": form}, status=400 if form.errors else 200)
    report = board_report(form.period(), form.chosen_body(), request.user)
    if export in FORMATS:
        write, content_type = FORMATS[export]
        response = HttpResponse(write(report), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{export_name(report)}.{export}"'
        return response
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "reports/board.html",
        {
            "form": form,
            "report": report,
            "query": query.urlencode(),
            "charts": chart_data(report),
        },
    )


@login_required
def press(request):
    """The press-release draft in Azerbaijani and English; `?format=md&language=az` downloads one."""
    form = report_form(request)
    if request.GET.get("format") and not form.is_valid():
        return refused_download(form.errors)
    if not form.is_valid() or form.chosen_body() is None:
        return render(request, "reports/press.html", {"form": form}, status=400 if form.errors else 200)
    report = board_report(form.period(), form.chosen_body(), request.user)
    language = request.GET.get("language")
    if request.GET.get("format") == "md" and language in LANGUAGES:
        site = request.build_absolute_uri("/")
        text = as_markdown(report, draft(report, language), language, site)
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export_name(report)}-press-{language}.md"'
        return response
    query = request.GET.copy()
    for key in ("format", "language"):
        query.pop(key, None)
    drafts = [(code, name, as_html(report, draft(report, code), code)) for code, name in LANGUAGES.items()]
    return render(
        request,
        "reports/press.html",
        {"form": form, "report": report, "drafts": drafts, "query": query.urlencode()},
    )


def export_name(report) -> str:
    return f"board-report-{report.body.code}-{report.period.start}-{report.period.end}"


def table_for(model):
    """The list table a domain declares for its records (`<Model>Table` in its tables.py)."""
    module = import_module(f"{model._meta.app_config.name}.tables")
    return getattr(module, f"{model.__name__}Table")


@login_required
def records(request):
    """The records behind one figure, in one of the two periods, within the user's reach."""
    form = report_form(request)
    measure = all_measures(request.user).get(request.GET.get("measure", ""))
    if measure is None or measure.records is None:
        raise Http404  # no such figure, or none given to this role: alike
    if not form.is_valid():
        return refused_download(form.errors)  # a period that cannot be read, said by field
    if form.chosen_body() is None:
        raise Http404
    period = form.period().comparison if request.GET.get("previous") else form.period()
    body = form.chosen_body()
    found = measure.queryset(period, Scope(body))
    model = found.model
    # A role that is given the figures but not the records (an analyst's, say) is told so, rather than
    # shown an empty list that reads as "no records".
    withheld = not can(request.user, getattr(model, "domain", ""))
    if withheld and request.GET.get("export"):
        raise PermissionDenied
    found = (found & model.objects.visible_to(request.user)).select_related(*related_for(model))
    found = found.order_by(*newest_first(model))
    if request.GET.get("export") == "csv":
        # The records behind a figure name people (applicants, employees, persons): an export is a read.
        record_export(Actor.from_request(request), model, found.count(), request.GET.urlencode())
        return csv_download(found, table_for(model), f"{measure.name}.csv")
    page = UncountedPage(found, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/records.html",
        {
            "measure": measure,
            "period": period,
            "body": body,
            "page_obj": page,
            "query": query.urlencode(),
            "value": measure.value(period, Scope(body)),
            "table": table_for(model)(page.object_list),
            "withheld": withheld,
            "title": _("Records behind a figure"),
        },
    )


DATE_FIELDS = (
    "registered_on", "opened_on", "neutralized_on", "received_on", "date", "seized_on", "held_on",
    "occurred_at",
)  # fmt: skip


def newest_first(model) -> list[str]:
    """Newest first by the record's own date, which is indexed, so that a page is read at once."""
    dated = next((f.name for f in model._meta.concrete_fields if f.name in DATE_FIELDS), None)
    return [f"-{dated}", "-pk"] if dated else ["-pk"]


def related_for(model) -> list[str]:
    """The relations the records' table names: the body, and the employee or course they are about."""
    named = {"body", "employee", "course"}
    return [field.name for field in model._meta.concrete_fields if field.is_relation and field.name in named]
