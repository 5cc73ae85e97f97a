"""Generic views that every domain's concrete views declare themselves over.

Every one starts from the model's `visible_to(user)`: a record out of reach is "not found" by any path.
"""

import csv
import zipfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from precinct.core.audit import Actor, changes_of, reads_of, record_export, record_read
from precinct.core.forms import ImportForm
from precinct.core.import_files import rereading
from precinct.core.importing import FileKey
from precinct.core.models import Action, Via
from precinct.core.roles import CHANGE, VIEW, can
from precinct.core.tables import Column


class ScopedMixin(LoginRequiredMixin):
    model = None
    action = "view"

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user, self.action)


def spreadsheet_safe(value: object) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_download(rows, table_class, filename: str) -> StreamingHttpResponse:
    """A table's rows as a CSV file, streamed so that a long list never sits in memory."""
    table = table_class(rows.iterator(chunk_size=2000))
    writer = csv.writer(Echo())

    def lines():
        yield writer.writerow([str(column.heading) for column in table.columns])
        for _row, cells in table:
            yield writer.writerow([spreadsheet_safe(value) for _column, value in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def refused_download(errors: dict, as_json: bool = False) -> HttpResponse:
    """A download asked for with filters or a period that cannot be read: the reasons by field, with 400,
    in JSON for a JSON download and as plain text otherwise; never an empty file that looks like an
    answer."""
    reasons = {field or "__all__": [str(reason) for reason in found] for field, found in errors.items()}
    if as_json:
        return JsonResponse({"errors": reasons}, status=400)
    lines = [f"{field}: {' '.join(found)}" for field, found in reasons.items()]
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")


class Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


class ObjectListView(ScopedMixin, ListView):
    """A filtered, paginated list with a CSV export of the same rows."""

    filterset_class = None
    table_class = None
    template_name = "core/object_list.html"
    paginate_by = 50
    create_url_name = ""
    export_audited = False

    def get_queryset(self):
        queryset = super().get_queryset()
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=queryset, request=self.request
        )
        if not self.filterset.is_bound:
            return queryset
        # A filter that cannot be applied (a body out of reach, a bad date) shows its error and no rows.
        return self.filterset.qs if self.filterset.is_valid() else queryset.none()

    def get(self, request, *args, **kwargs):
        # A role that does not reach the domain is told so, rather than shown an empty list to export.
        if not can(request.user, self.model.domain, VIEW):
            raise PermissionDenied(_("Your role does not reach these records."))
        if request.GET.get("export") == "csv":
            return self.export_csv()
        return super().get(request, *args, **kwargs)

    def export_csv(self) -> HttpResponse:
        rows = self.get_queryset()
        if self.filterset.is_bound and not self.filterset.is_valid():
            return refused_download(self.filterset.errors)
        if self.export_audited:
            record_export(
                Actor.from_request(self.request), self.model, rows.count(), self.request.GET.urlencode()
            )
        return csv_download(rows, self.table_class, f"{self.model._meta.model_name}s.csv")

    def render_to_response(self, context, **kwargs):
        # Filters that cannot be applied: the page says why beside each, and the answer says so too.
        refused = self.filterset.is_bound and not self.filterset.is_valid()
        return super().render_to_response(context, status=400 if refused else 200, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=self.filterset,
            table=self.table_class(context["object_list"]),
            title=self.model._meta.verbose_name_plural,
            create_url_name=self.create_url_name if can(self.request.user, self.model.domain, CHANGE) else "",
            query=query.urlencode(),
        )
        return context


class UncountedPage:
    """One page of records. Whether there is a next page is learnt by reading one row more: counting
    millions of records (behind a national figure, or violations) would take longer than the page."""

    size = 50

    def __init__(self, queryset, number: str | None) -> None:
        self.number = max(int(number), 1) if (number or "").isdigit() and len(number) < 7 else 1
        offset = (self.number - 1) * self.size
        rows = list(queryset[offset : offset + self.size + 1])
        self.object_list = rows[: self.size]
        self.more = len(rows) > self.size

    def __iter__(self):
        return iter(self.object_list)

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


class UncountedListView(ObjectListView):
    """A list too long to count on every page (millions of violations): pages go forward and back."""

    def paginate_queryset(self, queryset, page_size):
        page = UncountedPage(queryset, self.request.GET.get("page"))
        return None, page, page.object_list, page.has_next()


class ObjectDetailView(ScopedMixin, DetailView):
    """A record's page with its history; personal records are audited when opened."""

    audit_reads = False
    edit_url_name = ""
    history_parts: tuple[str, ...] = ()  # related records whose changes are the record's history too
    bound_forms: dict = {}  # a form on the page posted and refused, shown as it was filled in (`posted`)

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if self.audit_reads:
            record_read(Actor.from_request(self.request), obj)
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        parts = tuple(getattr(self.object, name).all() for name in self.history_parts)
        context |= history_context(self.object, self.request.user, parts)
        context["can_edit"] = (
            bool(self.edit_url_name)
            and self.model.objects.editable_by(self.request.user).filter(pk=self.object.pk).exists()
        )
        context["edit_url_name"] = self.edit_url_name
        return context

    def render_to_response(self, context, **kwargs):
        # After the view's own context: a refused form replaces the empty one the page would offer.
        return super().render_to_response(context | self.bound_forms, **kwargs)


def history_context(instance, user, parts: tuple = (), **related) -> dict:
    """A record's history on its page: its changes and its parts' (`parts`, see `changes_of`), and how
    often it was read (who, in the audit log)."""
    label = instance._meta.label_lower
    return {
        "history": named_now(changes_of(instance, parts, **related).select_related("user")[:100], label),
        "history_model": label,
        "reads": reads_of(instance),
        "audit_query": f"model={label}&object_id={instance.pk}&action=read",
        "can_see_audit": can(user, "audit"),
    }


def named_now(entries, label: str) -> list:
    """The entries of a record's parts, each named as the part is named now, in the reader's language
    (the entry keeps the name it was written with, in its writer's)."""
    from django.apps import apps

    entries = list(entries)
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.model != label:
            wanted.setdefault(entry.model, set()).add(entry.object_id)
    names: dict[tuple[str, str], str] = {}
    for model_label, ids in wanted.items():
        try:
            model = apps.get_model(model_label)
        except (LookupError, ValueError):
            continue
        for part in model._default_manager.filter(pk__in=[i for i in ids if i.isdigit()]):
            names[(model_label, str(part.pk))] = str(part)
    for entry in entries:
        entry.shown_repr = names.get((entry.model, entry.object_id), entry.object_repr)
    return entries


class ServiceFormView(LoginRequiredMixin, FormView):
    """A form whose valid data goes to a service; the service's refusals come back as field errors.

    Concrete views name the services: `create(actor=, values=)` for a new record and
    `edit(actor=, <record_name>=, values=, expected_version=)` for an existing one; `extra(form)` adds
    what else they take (many-to-many members, say).
    """

    model = None
    template_name = "core/object_form.html"
    create = None
    edit = None
    record_name = ""
    audit_reads = False

    def extra(self, form) -> dict:
        return {}

    def save(self, form):
        values, extra = form.cleaned_values(), self.extra(form)
        record = self.get_object()
        if record is None:
            return self.create(actor=self.actor(), values=values, **extra)
        return self.edit(
            actor=self.actor(),
            values=values,
            expected_version=form.expected_version(),
            **{self.record_name: record},
            **extra,
        )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, self.model.domain, CHANGE):
            raise PermissionDenied(_("Your role does not allow changes here."))
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        """The record being edited (None for a new one), looked up within the user's reach only."""
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(
                self.model.objects.editable_by(self.request.user), pk=self.kwargs["pk"]
            )
        return self._object

    def get(self, request, *args, **kwargs):
        # The edit form shows a personal record's data: opening it is a read.
        if self.audit_reads and self.get_object() is not None:
            record_read(self.actor(), self.get_object())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        if self.get_object() is not None:
            kwargs["instance"] = self.get_object()
        return kwargs

    def actor(self) -> Actor:
        return Actor.from_request(self.request)

    def form_valid(self, form):
        try:
            saved = self.save(form)
        except ValidationError as error:
            add_errors(form, error)
            if "version" in error.message_dict and self.get_object() is not None:
                self.keep_for_saving_again(form)
            return self.form_invalid(form)
        return HttpResponseRedirect(saved.get_absolute_url())

    def keep_for_saving_again(self, form) -> None:
        """An edit refused because another was saved since the form was opened: the user's entries stay
        in the form, the page says who changed the record and what it says now where it differs from them,
        and the form takes the record's new version, so that saving again is a choice made knowing the
        other edit, and nothing typed is lost."""
        current = self.model._default_manager.get(pk=self.get_object().pk)
        differing = []
        for name in form.fields:
            if name == "version" or name not in form.cleaned_data:
                continue
            try:
                field = current._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            now, entered = field.value_from_object(current), form.cleaned_data[name]
            if isinstance(entered, models.Model):
                entered = entered.pk
            if field.many_to_many or now == entered or (now in (None, "") and entered in (None, "")):
                continue
            differing.append(f"{form.fields[name].label}: {Column(name, '').value(current) or '—'}")
        last = changes_of(current).exclude(action=Action.CREATE).select_related("user").first()
        who = (
            (last.user.get_full_name() or last.username)
            if last and last.user
            else (last.username if last else "")
        )
        said = _("Saved meanwhile by %(who)s at %(at)s.") % {
            "who": who or "—",
            "at": f"{timezone.localtime(last.at):%d.%m.%Y %H:%M}" if last else "—",
        }
        if differing:
            said += " " + _("The record now says: %(values)s.") % {"values": "; ".join(differing)}
        form.add_error(
            None, said + " " + _("Your entries are kept below: save again to put them in its place.")
        )
        data = form.data.copy()
        data[form.add_prefix("version")] = current.version
        form.data = data

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.get_object()
        context["object"] = obj
        context["title"] = (
            _("Edit %(record)s") % {"record": obj}
            if obj
            else _("New %(kind)s") % {"kind": self.model._meta.verbose_name}
        )
        return context


class ImportView(LoginRequiredMixin, FormView):
    """An upload page for an importer: the report lists every bad row, and nothing is written if any."""

    importer_class = None
    domain = ""
    title = ""
    list_url_name = ""
    template_name = "core/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, self.domain, CHANGE):
            raise PermissionDenied(_("Your role does not allow changes here."))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            form.add_error(
                "file",
                _("The file is larger than the %(mb)s MB allowed.")
                % {"mb": settings.IMPORT_MAX_UPLOAD_BYTES // 2**20},
            )
            return self.form_invalid(form)
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            form.add_error("file", _("Only CSV and XLSX files can be imported."))
            return self.form_invalid(form)
        importer = self.importer_class(Actor.from_request(self.request, via=Via.IMPORT))
        try:
            key = FileKey.of(upload.file, upload.name)
            report = importer.run(rereading(upload.file, upload.name), file=key)
        except (ValueError, KeyError, OSError, zipfile.BadZipFile, csv.Error) as error:
            form.add_error("file", _("The file cannot be read: %(error)s") % {"error": error})
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.title, columns=self.importer_class.columns, list_url_name=self.list_url_name
        )
        return context


def posted(request, form, write, done: str, back, page: type[ObjectDetailView], name: str):
    """A small form posted from a record's page to a service. Saved: back to the page, which says so.
    Refused: the page again, with the form as it was filled in and each reason beside its field (the
    form is the page's context entry `name`)."""
    if form.is_valid():
        try:
            write(Actor.from_request(request), form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(back.get_absolute_url())
    view = page()
    view.setup(request, pk=back.pk)
    view.bound_forms = {name: form}
    return view.get(request, pk=back.pk)


def add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: each reason beside its field, or above the form."""
    for field, reasons in error.message_dict.items():
        form.add_error(field if field in form.fields else None, reasons)
