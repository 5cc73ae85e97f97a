"""Administrators search the audit log."""

import django_filters
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from precinct.core.audit import Actor, record_export
from precinct.core.audit_export import in_chain_order, lines
from precinct.core.filters import FilterSet, date_range
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.roles import can
from precinct.core.views import refused_download


class AuditEntryFilterSet(FilterSet):
    since, until = date_range("at__date", _("From"), _("To"))
    username = django_filters.CharFilter(lookup_expr="icontains", label=_("User name"))
    action = django_filters.ChoiceFilter(choices=Action.choices, label=_("Action"))
    via = django_filters.ChoiceFilter(choices=Via.choices, label=_("Interface"))
    model = django_filters.CharFilter(lookup_expr="icontains", label=_("Record type"))
    object_id = django_filters.CharFilter(label=_("Record id"))

    class Meta:
        model = AuditEntry
        fields: list[str] = []


class AuditLogView(LoginRequiredMixin, ListView):
    template_name = "core/audit_log.html"
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, "audit"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "jsonl":
            return self.export()
        return super().get(request, *args, **kwargs)

    def export(self):
        """The entries the filters select, whole, as JSON Lines in the chain's order (see
        `core.audit_export`); taking them out is itself an entry."""
        found = self.get_queryset()
        if self.filterset.is_bound and not self.filterset.is_valid():
            return refused_download(self.filterset.errors)
        found = in_chain_order(found)
        actor = Actor.from_request(self.request)
        record_export(actor, AuditEntry, found.count(), self.request.GET.urlencode())
        response = StreamingHttpResponse(lines(found), content_type="application/jsonl; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="audit-{timezone.localdate():%Y%m%d}.jsonl"'
        return response

    def get_queryset(self):
        self.filterset = AuditEntryFilterSet(self.request.GET or None, queryset=AuditEntry.objects.all())
        found = (
            self.filterset.qs
            if self.filterset.is_bound and self.filterset.is_valid()
            else AuditEntry.objects.all()
        )
        return found.select_related("user")  # each entry names its user

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(**kwargs) | {"filter": self.filterset, "query": query.urlencode()}
