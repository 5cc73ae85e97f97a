from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.traffic.models import OffenceArticle


@admin.register(OffenceArticle)
class OffenceArticleAdmin(AuditedAdmin):
    """The Code of Administrative Offences' traffic articles and their fines, kept as the law changes."""

    list_display = ["code", "name_en", "fine", "parking"]
    list_filter = ["parking"]
