from rest_framework import mixins, viewsets

from precinct.core.api import ScopedViewSet
from precinct.drugs.api import serializers
from precinct.drugs.filtersets import PreventionEventFilterSet, SeizureFilterSet
from precinct.drugs.models import PreventionEvent, Seizure, Substance


class SeizureViewSet(ScopedViewSet):
    model = Seizure
    serializer_class = serializers.SeizureSerializer
    filterset_class = SeizureFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("body", "substance").prefetch_related("persons")


class PreventionEventViewSet(ScopedViewSet):
    model = PreventionEvent
    serializer_class = serializers.PreventionEventSerializer
    filterset_class = PreventionEventFilterSet


class SubstanceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The controlled substances, their class and legal thresholds in grams (reference data)."""

    queryset = Substance.objects.all()
    serializer_class = serializers.SubstanceSerializer
    lookup_field = "code"
    pagination_class = None
