from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.traffic.models import OffenceArticle, Outage


@admin.register(OffenceArticle)
class OffenceArticleAdmin(AuditedAdmin):
    """The Code of Administrative Offences' traffic articles and their fines, kept as the law changes."""

    list_display = ["code", "name_en", "fine", "parking"]
    list_filter = ["parking"]

    def get_readonly_fields(self, request, obj=None):
        # Whether an article is about parking is fixed when it is added: its violations are counted under
        # it in the rollups, and the register is too large to count again on every edit.
        return ["code", "parking"] if obj is not None else []


@admin.register(Outage)
class OutageAdmin(AuditedAdmin):
    """When a device was out of service: its page counts the time from these."""

    list_display = ["device", "started_at", "ended_at", "reason"]
    list_filter = ["device__kind"]
    search_fields = ["device__code"]
