from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.views import APIView

from precinct.core.api import ScopedViewSet
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.core.roles import CHANGE, can
from precinct.traffic.api import serializers
from precinct.traffic.feed import COLUMNS, ViolationFeed, csv_rows, json_rows, text_lines
from precinct.traffic.filtersets import AccidentFilterSet, DeviceFilterSet, ViolationFilterSet
from precinct.traffic.models import Accident, Device, Violation


class ViolationViewSet(ScopedViewSet):
    """Violations within reach, read only (they come in through the feed); reading them is audited, as
    vehicle registration numbers are personal data."""

    model = Violation
    serializer_class = serializers.ViolationSerializer
    filterset_class = ViolationFilterSet
    audit_reads = True
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article", "device").order_by("-occurred_at")


class AccidentViewSet(ScopedViewSet):
    model = Accident
    serializer_class = serializers.AccidentSerializer
    filterset_class = AccidentFilterSet


class DeviceViewSet(ScopedViewSet):
    model = Device
    serializer_class = serializers.DeviceSerializer
    filterset_class = DeviceFilterSet


class StreamParser(BaseParser):
    """Leaves the body unread, so that the feed reads it as a stream."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream


class ViolationBatchView(APIView):
    """`POST /api/violations/batch/`: a batch of violations from automatic devices, as CSV (text/csv, with
    a header row) or JSON lines (application/x-ndjson), read as a stream. The answer names the batch and
    counts what was written, dropped as duplicate and quarantined, with the first problems."""

    parser_classes = [StreamParser]

    @extend_schema(
        request={"text/csv": OpenApiTypes.STR, "application/x-ndjson": OpenApiTypes.STR},
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request):
        if not can(request.user, "traffic", CHANGE):
            raise PermissionDenied(_("Your role does not allow changes here."))
        media = (request.content_type or "").split(";")[0].strip()
        text = text_lines(request.stream) if request.stream else iter(())
        if media == "text/csv":
            rows = csv_rows(text)
        elif media in ("application/x-ndjson", "application/jsonl", "application/json-lines"):
            rows = json_rows(text)
        else:
            raise ParseError(_("Send text/csv or application/x-ndjson."))
        feed = ViolationFeed(
            Actor.from_request(request, via=Via.API), f"API batch from {request.user.username}"
        )
        try:
            report = feed.run(rows)
        except ValueError as error:
            raise ParseError(str(error)) from None
        return Response(
            {
                "batch": report.batch.pk,
                "rows": report.rows,
                "written": report.written,
                "duplicates": report.duplicates,
                "quarantined": report.quarantined,
                "problems": [
                    {"line": line, "field": field, "reason": reason}
                    for line, field, reason in report.problems[:100]
                ],
                "columns": list(COLUMNS),
            },
            status=status.HTTP_201_CREATED,
        )
