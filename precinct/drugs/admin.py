from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.drugs.models import Seizure, Substance


@admin.register(Substance)
class SubstanceAdmin(AuditedAdmin):
    """The substances and their legal thresholds, kept by administrators as the law changes."""

    list_display = ["code", "name_en", "substance_class", "small", "large", "especially_large", "density"]
    list_filter = ["substance_class"]

    def get_readonly_fields(self, request, obj=None):
        # The class and density of a substance already seized weigh and count its seizures in the rollups:
        # they stay as they were recorded. A threshold may change with the law: seizures keep the grade they
        # were given under the one in force, and those recorded from then on are graded by the new one.
        if obj is not None and Seizure.objects.filter(substance=obj).exists():
            return ["substance_class", "density"]
        return []
