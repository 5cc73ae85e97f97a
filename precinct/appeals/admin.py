from django.contrib import admin

from precinct.appeals.models import RoutingRule, Subject
from precinct.core.admin import AuditedAdmin


@admin.register(Subject)
class SubjectAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "name_az", "needs_study", "public"]
    list_filter = ["needs_study", "public"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(AuditedAdmin):
    """The routing table administrators keep; its history is in the audit log like every change."""

    list_display = ["subject", "received_by", "competent_body", "external_authority", "version", "updated_at"]
    list_filter = ["subject"]
    autocomplete_fields: list[str] = []
