from django.db.models import Prefetch

from precinct.core.api import ScopedViewSet
from precinct.personnel.api import serializers
from precinct.personnel.filtersets import CourseFilterSet, EmployeeFilterSet, InvestigationFilterSet
from precinct.personnel.models import Casualty, Course, Investigation, ServiceRecord, Staff


class EmployeeViewSet(ScopedViewSet):
    """Employees' files with their service history (personal data: every read is audited). Employees are
    hired and moved through the pages and `personnel.services`."""

    model = Staff
    serializer_class = serializers.EmployeeSerializer
    filterset_class = EmployeeFilterSet
    audit_reads = True
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        posts = ServiceRecord.objects.select_related("body", "position", "rank").order_by("starts_on")
        return (
            super()
            .get_queryset()
            .select_related("body", "rank", "position")
            .prefetch_related(Prefetch("service", posts))
        )


class InvestigationViewSet(ScopedViewSet):
    model = Investigation
    serializer_class = serializers.InvestigationSerializer
    filterset_class = InvestigationFilterSet
    audit_reads = True
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body", "employee")


class CourseViewSet(ScopedViewSet):
    model = Course
    serializer_class = serializers.CourseSerializer
    filterset_class = CourseFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class CasualtyViewSet(ScopedViewSet):
    model = Casualty
    serializer_class = serializers.CasualtySerializer
    audit_reads = True  # an employee's injuries or death
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body")
