from rest_framework.decorators import action
from rest_framework.response import Response

from precinct.core.api import ScopedViewSet
from precinct.custody import services
from precinct.custody.api import serializers
from precinct.custody.filtersets import DetentionFilterSet
from precinct.custody.models import Detention


class DetentionViewSet(ScopedViewSet):
    """Detentions with their safeguards, interrogations and the flags at this moment (personal data of the
    highest sensitivity: every read is audited). `POST …/safeguards/` and `…/interrogations/` record what
    followed the detention; its end is an update (`ended_at`, `ending`, `court_order`)."""

    model = Detention
    serializer_class = serializers.DetentionSerializer
    filterset_class = DetentionFilterSet
    audit_reads = True
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("body", "person", "article")
            .prefetch_related("safeguards", "interrogations")
        )

    def recorded(self, request, serializer_class, write):
        detention = self.get_object()
        given = serializer_class(data=request.data, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        made = write(actor=self.actor(), detention=detention, values=dict(given.validated_data))
        return Response(serializer_class(made).data, status=201)

    @action(detail=True, methods=["post"], serializer_class=serializers.SafeguardSerializer)
    def safeguards(self, request, pk=None):
        return self.recorded(request, serializers.SafeguardSerializer, services.record_safeguard)

    @action(detail=True, methods=["post"], serializer_class=serializers.InterrogationSerializer)
    def interrogations(self, request, pk=None):
        return self.recorded(request, serializers.InterrogationSerializer, services.record_interrogation)
