from rest_framework import mixins, viewsets

from precinct.core.api import ScopedViewSet
from precinct.crimes import services
from precinct.crimes.api import serializers
from precinct.crimes.filtersets import (
    CrimeFilterSet,
    CriminalGroupFilterSet,
    PersonFilterSet,
    WantedFilterSet,
)
from precinct.crimes.models import Article, Crime, CriminalGroup, Participation, Person, Wanted


class CrimeViewSet(ScopedViewSet):
    model = Crime
    serializer_class = serializers.CrimeSerializer
    filterset_class = CrimeFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article__category")

    def destroy_service(self, *, actor, instance) -> None:
        services.delete_crime(actor=actor, crime=instance)


class PersonViewSet(ScopedViewSet):
    model = Person
    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilterSet
    audit_reads = True

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class ParticipationViewSet(ScopedViewSet):
    model = Participation
    serializer_class = serializers.ParticipationSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]

    def get_queryset(self):
        persons = Person.objects.visible_to(self.request.user)
        return super().get_queryset().filter(person__in=persons).order_by("id")

    def destroy_service(self, *, actor, instance) -> None:
        services.remove_party(actor=actor, participation=instance)


class WantedViewSet(ScopedViewSet):
    model = Wanted
    serializer_class = serializers.WantedSerializer
    filterset_class = WantedFilterSet


class CriminalGroupViewSet(ScopedViewSet):
    model = CriminalGroup
    serializer_class = serializers.CriminalGroupSerializer
    filterset_class = CriminalGroupFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("members", "crimes")


class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The Criminal Code's articles with their category and gravity (reference data)."""

    queryset = Article.objects.select_related("category")
    serializer_class = serializers.ArticleSerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    pagination_class = None
