from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from precinct.appeals.api import serializers
from precinct.appeals.filtersets import ApplicationFilterSet, FeedbackFilterSet, ReceptionDayFilterSet
from precinct.appeals.models import Application, Feedback, ReceptionDay
from precinct.appeals.workflow import STEPS, take_step
from precinct.core.api import ScopedViewSet


class ApplicationViewSet(ScopedViewSet):
    """Applications within reach; reading one (or a page of them) is an audited read of personal data.
    The workflow moves by `POST /api/applications/{id}/steps/`."""

    model = Application
    serializer_class = serializers.ApplicationSerializer
    filterset_class = ApplicationFilterSet
    audit_reads = True
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body", "subject", "officer").prefetch_related("steps")

    @extend_schema(request=serializers.StepRequestSerializer, responses=serializers.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def steps(self, request, pk=None):
        """One workflow step: `{"step": "assign", "officer": <user id>}`, `{"step": "answer", "answer": …,
        "answered_on": …}`, and so on, with the same fields as the page's forms."""
        application = self.get_object()
        step = request.data.get("step", "")
        if step not in STEPS:
            raise ValidationError({"step": [f"One of: {', '.join(STEPS)}."]})
        take_step(self.actor(), application, step, request.data)
        return Response(self.get_serializer(Application.objects.get(pk=application.pk)).data)


class ReceptionDayViewSet(ScopedViewSet):
    model = ReceptionDay
    serializer_class = serializers.ReceptionDaySerializer
    filterset_class = ReceptionDayFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body").prefetch_related("bodies")


class FeedbackViewSet(ScopedViewSet):
    model = Feedback
    serializer_class = serializers.FeedbackSerializer
    filterset_class = FeedbackFilterSet
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("application", "officer")
