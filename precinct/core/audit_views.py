"""Administrators search the audit log."""

import django_filters
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from precinct.core.filters import FilterSet, date_range
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.roles import can


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
