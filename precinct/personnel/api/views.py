from django.db.models import Prefetch
from rest_framework.decorators import action
from rest_framework.response import Response

from precinct.core.api import ScopedViewSet
from precinct.core.audit import record_export
from precinct.personnel import services
from precinct.personnel.api import serializers
from precinct.personnel.filtersets import (
    CasualtyFilterSet,
    CourseFilterSet,
    EmployeeFilterSet,
    InvestigationFilterSet,
)
from precinct.personnel.models import Attendance, Casualty, Course, Investigation, ServiceRecord, Staff


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
    """Courses and events. `GET …/participants/` lists who took part, with their results, of those in
    reach (personal data: the read is audited); `POST …/participants/` enrols an employee."""

    model = Course
    serializer_class = serializers.CourseSerializer
    filterset_class = CourseFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body")

    @action(detail=True, methods=["get", "post"], serializer_class=serializers.AttendanceSerializer)
    def participants(self, request, pk=None):
        course = self.get_object()
        if request.method == "POST":
            given = serializers.AttendanceSerializer(data=request.data, context=self.get_serializer_context())
            given.is_valid(raise_exception=True)
            made = services.enrol(actor=self.actor(), course=course, **given.validated_data)
            shown = serializers.AttendanceSerializer(made, context=self.get_serializer_context())
            return Response(shown.data, status=201)
        taking_part = (
            Attendance.objects.visible_to(request.user)
            .filter(course=course)
            .select_related("employee", "body")
        )  # in the order the API's pages are cut by
        page = self.paginate_queryset(taking_part)
        record_export(self.actor(), Attendance, len(page), f"course={course.pk}")
        shown = serializers.AttendanceSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(shown.data)


class CasualtyViewSet(ScopedViewSet):
    model = Casualty
    serializer_class = serializers.CasualtySerializer
    filterset_class = CasualtyFilterSet
    audit_reads = True  # an employee's injuries or death
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body")
