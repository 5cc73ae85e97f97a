"""How employees are named in forms and found again: by personnel number."""

from precinct.core.references import Reference
from precinct.organisation.models import Employee

EMPLOYEE = Reference(
    Employee,
    key=lambda employee: employee.personnel_number,
    find=lambda queryset, key: queryset.filter(personnel_number=key.strip()).first(),
    search_fields=("personnel_number", "surname", "given_name"),
    label=lambda employee: f"{employee.surname} {employee.given_name}, {employee.body.name}",
    related=("body",),
    personal=True,
)
