from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.traffic.models import OffenceArticle, Outage


@admin.register(OffenceArticle)
class OffenceArticleAdmin(AuditedAdmin):
    """The Code of Administrative Offences' traffic articles and their fines, kept as the law changes."""

    list_display = ["code", "name_en", "fine", "parking"]
    list_filter = ["parking"]


@admin.register(Outage)
class OutageAdmin(AuditedAdmin):
    """When a device was out of service: its page counts the time from these."""

    list_display = ["device", "started_at", "ended_at", "reason"]
    list_filter = ["device__kind"]
    search_fields = ["device__code"]
