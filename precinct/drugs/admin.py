from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.drugs.models import Substance


@admin.register(Substance)
class SubstanceAdmin(AuditedAdmin):
    """The substances and their legal thresholds, kept by administrators as the law changes."""

    list_display = ["code", "name_en", "substance_class", "small", "large", "especially_large", "density"]
    list_filter = ["substance_class"]
