from rest_framework import mixins, serializers, viewsets

from precinct.organisation.models import Body


class BodySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Body
        fields = ["code", "parent", "kind", "name_az", "name_en", "name_ru", "founded", "closed"]


class BodyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The territorial bodies within the user's reach."""

    serializer_class = BodySerializer
    lookup_field = "code"
    pagination_class = None

    def get_queryset(self):
        return Body.objects.visible_to(self.request.user).select_related("parent")
