from django.contrib import admin

from precinct.core.admin import AuditedAdmin
from precinct.personnel.models import Award


@admin.register(Award)
class AwardAdmin(AuditedAdmin):
    """Awards and commendations, entered by the personnel service from the orders that grant them."""

    list_display = ["employee", "kind", "title", "awarded_on", "order_number"]
    list_filter = ["kind"]
    raw_id_fields = ["employee"]
