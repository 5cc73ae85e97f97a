"""How applications are named in forms and found again: by their number in the register."""

from precinct.appeals.models import Application
from precinct.core.references import Reference

APPLICATION = Reference(
    Application,
    key=lambda application: application.number,
    find=lambda queryset, key: queryset.filter(number=key.strip()).first(),
    search_fields=("number", "applicant_name"),
    label=lambda application: f"{application.received_on:%d.%m.%Y}, {application.subject}",
    related=("subject",),
    personal=True,
)
