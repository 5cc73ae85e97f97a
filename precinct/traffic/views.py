"""Road safety's pages. Vehicle registration numbers are personal data: opening a violation, and any
list or export filtered by a vehicle, is an audited read."""

import datetime
import io
import zipfile

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from precinct.core.audit import Actor, record_export, record_read
from precinct.core.forms import ImportForm
from precinct.core.models import Via
from precinct.core.roles import CHANGE, can
from precinct.core.scope import reach_filter
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView, UncountedListView
from precinct.traffic import services
from precinct.traffic.feed import ViolationFeed, rows_of
from precinct.traffic.filtersets import AccidentFilterSet, DeviceFilterSet, ViolationFilterSet
from precinct.traffic.forms import AccidentForm, DeviceForm
from precinct.traffic.models import Accident, Device, DeviceMonth, FeedBatch, Payment, Violation
from precinct.traffic.tables import AccidentTable, DeviceTable, FeedBatchTable, ViolationTable


class ViolationListView(UncountedListView):
    model = Violation
    filterset_class = ViolationFilterSet
    table_class = ViolationTable
    export_audited = True
    template_name = "traffic/violation_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article").order_by("-occurred_at")

    def get(self, request, *args, **kwargs):
        if request.GET.get("vehicle") and request.GET.get("export") != "csv":
            # A search by vehicle reads that vehicle's record: audited, like opening it.
            record_export(Actor.from_request(request), Violation, 0, request.GET.urlencode())
        return super().get(request, *args, **kwargs)


class ViolationDetailView(ObjectDetailView):
    model = Violation
    template_name = "traffic/violation_detail.html"
    audit_reads = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article", "device", "batch")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_pay"] = (
            Violation.objects.editable_by(self.request.user).filter(pk=self.object.pk).exists()
        )
        context["payments"] = Payment.choices
        return context


class PaymentView(LoginRequiredMixin, View):
    def post(self, request, pk):
        if not can(request.user, "traffic", CHANGE):
            raise PermissionDenied
        violation = get_object_or_404(Violation.objects.editable_by(request.user), pk=pk)
        try:
            services.set_payment(
                actor=Actor.from_request(request),
                violation=violation,
                payment=request.POST.get("payment", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(violation)


class AccidentListView(ObjectListView):
    model = Accident
    filterset_class = AccidentFilterSet
    table_class = AccidentTable
    create_url_name = "traffic:accident-new"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class AccidentDetailView(ObjectDetailView):
    model = Accident
    template_name = "traffic/accident_detail.html"
    edit_url_name = "traffic:accident-edit"


class AccidentFormView(ServiceFormView):
    model = Accident
    form_class = AccidentForm
    create = staticmethod(services.save_accident)
    edit = staticmethod(services.save_accident)
    record_name = "accident"


class DeviceListView(ObjectListView):
    model = Device
    filterset_class = DeviceFilterSet
    table_class = DeviceTable
    create_url_name = "traffic:device-new"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class DeviceDetailView(ObjectDetailView):
    model = Device
    template_name = "traffic/device_detail.html"
    edit_url_name = "traffic:device-edit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = self.object
        context["months"] = DeviceMonth.objects.filter(device=device).order_by("-month")[:24]
        context["detections"] = (
            DeviceMonth.objects.filter(device=device).aggregate(n=Sum("detections"))["n"] or 0
        )
        context["outages"] = device.outages.all()[:50]
        context["out_of_service"] = device.time_out_of_service(datetime.datetime.now(datetime.UTC))
        context["out_of_service_hours"] = round(context["out_of_service"].total_seconds() / 3600, 1)
        return context


class DeviceFormView(ServiceFormView):
    model = Device
    form_class = DeviceForm
    create = staticmethod(services.save_device)
    edit = staticmethod(services.save_device)
    record_name = "device"


def batches_visible_to(user):
    """The batches a user sent, and those that wrote violations for a body in the user's reach (all of
    them, for an administrator: a batch whose every row was refused wrote for no body)."""
    if not can(user, "traffic"):
        raise PermissionDenied
    if user.is_administrator:
        return FeedBatch.objects.all()
    condition = reach_filter(user, "bodies")
    mine = FeedBatch.objects.filter(user=user)
    if condition is None:
        return mine
    return FeedBatch.objects.filter(pk__in=FeedBatch.objects.filter(condition).values("pk")) | mine


def as_seen_by(user, batch: FeedBatch) -> FeedBatch:
    """The batch as the user may see it: whole to its sender and to administrators; to anyone else only
    the violations it wrote for the bodies in their reach, since its other counts (and its quarantined
    rows) speak of bodies beyond it."""
    batch.whole = user.is_administrator or batch.user_id == user.pk
    if not batch.whole:
        condition = reach_filter(user, "body")
        mine = batch.written_for.filter(condition) if condition is not None else batch.written_for.none()
        batch.written = sum(mine.values_list("written", flat=True))
        batch.rows = batch.duplicates = batch.quarantined = None
    return batch


class FeedBatchListView(LoginRequiredMixin, View):
    """The batches received, newest first: what came, what was written, what was quarantined."""

    def get(self, request):
        batches = [as_seen_by(request.user, batch) for batch in batches_visible_to(request.user)[:100]]
        return render(
            request, "traffic/batch_list.html", {"table": FeedBatchTable(batches), "batches": batches}
        )


class FeedBatchDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        batch = as_seen_by(request.user, get_object_or_404(batches_visible_to(request.user), pk=pk))
        quarantine = batch.quarantine.all()[:1000] if batch.whole else []
        # The rows as received carry vehicle numbers of any body: administrators alone see them, audited.
        show_raw = request.user.is_administrator
        if show_raw and batch.quarantined:
            record_read(Actor.from_request(request), batch, note="quarantined rows")
        context = {"batch": batch, "quarantine": quarantine, "show_raw": show_raw}
        return render(request, "traffic/batch_detail.html", context)


class ViolationImportView(LoginRequiredMixin, FormView):
    """An upload of a violations file (CSV or JSON lines): good rows written, bad rows quarantined."""

    template_name = "traffic/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, "traffic", CHANGE):
            raise PermissionDenied(_("Your role does not allow changes here."))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".jsonl", ".ndjson")):
            form.add_error("file", _("Violations come as CSV or JSON lines (.csv, .jsonl)."))
            return self.form_invalid(form)
        feed = ViolationFeed(Actor.from_request(self.request, via=Via.IMPORT), upload.name)
        try:
            report = feed.run(
                rows_of(io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline=""), upload.name)
            )
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
            form.add_error("file", _("The file cannot be read: %(error)s") % {"error": error})
            return self.form_invalid(form)
        return redirect(report.batch)
