"""The API's shared parts: viewsets over `visible_to`, service calls, and errors that name the field."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.relations import MANY_RELATION_KWARGS
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from precinct.core.audit import Actor, record_export, record_read
from precinct.core.forms import within_range
from precinct.core.middleware import NUL_REFUSED
from precinct.core.models import Via
from precinct.core.roles import CHANGE, can
from precinct.organisation.models import Body


def exception_handler(exc, context):
    """Refusals from services (Django's ValidationError, PermissionDenied) become 400 and 403."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, DjangoPermissionDenied):
        exc = PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


# The refusals every operation may give, each with its reasons: by field for a 400 (the field's name, or
# "non_field_errors"), in "detail" for the others.
REFUSALS = {
    "400": "A parameter or a field refused, with the reasons by name.",
    "401": "No token, or one that is not valid (expired, revoked, ended with its password).",
    "403": "The token's scope or the user's role does not allow it.",
    "404": "No such record within your reach (one out of reach is answered the same way).",
}


def document_refusals(result, generator, request, public):
    """A schema post-processing hook: every operation documents the refusals it may answer with."""
    result.setdefault("components", {}).setdefault("schemas", {})["Refusal"] = {
        "type": "object",
        "description": "Reasons: by field name for a 400, in `detail` otherwise.",
        "additionalProperties": True,
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in REFUSALS.items():
                responses.setdefault(status, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}},
                })  # fmt: skip
    return result


class BodyField(serializers.SlugRelatedField):
    """A territorial body by its code, among the bodies in the requesting user's reach."""

    default_error_messages = {"does_not_exist": _("No territorial body “{value}” within your reach.")}

    def __init__(self, **kwargs) -> None:
        super().__init__(slug_field="code", **kwargs)

    def get_queryset(self):
        return Body.objects.visible_to(self.context["request"].user)


class InReach(serializers.PrimaryKeyRelatedField):
    """A related record by id, among those of its model the requesting user reaches. Given one out of
    reach, the answer is the one for an id that does not exist; in an answer, one out of reach is null
    (or left out of a list), so that no answer names a record the user cannot open. Which of a page's
    related records are in reach is read once for the page, not once a row."""

    def get_queryset(self):
        return self.queryset.model.objects.visible_to(self.context["request"].user)

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        pk = getattr(related, "pk", None)
        if pk is not None and pk not in self.in_reach(instance, self.field_name, self.related_ids):
            return None
        return related

    def related_ids(self, row) -> set:
        """The id this field names on one row."""
        found = getattr(row, f"{self.source}_id", None)
        return set() if found is None else {found}

    def in_reach(self, instance, name: str, related_ids) -> set:
        """The ids named by the field `name` on the page being written (the instance's page of a list,
        or the instance alone) that the user reaches: read once per page and field."""
        rows, whole_page = page_of(self, instance)
        kept = self.context.setdefault("in_reach", {})
        key = (name, None if whole_page else instance.pk)
        if key not in kept:
            named = set().union(*(related_ids(row) for row in rows))
            kept[key] = set(self.get_queryset().filter(pk__in=named).values_list("pk", flat=True))
        return kept[key]

    @classmethod
    def many_init(cls, *args, **kwargs):
        kept = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return InReachMany(child_relation=cls(*args, **kwargs), **kept)


def page_of(field: serializers.Field, instance) -> tuple[list, bool]:
    """The rows of the list an instance is written in (a page of the API), or the instance alone; and
    whether they are a whole page."""
    serializer = field.parent
    if isinstance(serializer, serializers.ManyRelatedField):
        serializer = serializer.parent
    outer = getattr(serializer, "parent", None)
    rows = getattr(outer, "instance", None) if isinstance(outer, serializers.ListSerializer) else None
    return (rows, True) if isinstance(rows, list) else ([instance], False)


class InReachMany(serializers.ManyRelatedField):
    """Many related records in reach (`InReach(many=True)`); those out of reach are left out."""

    def related_ids(self, row) -> set:
        """The ids this field names on one row (the viewsets prefetch them)."""
        return {related.pk for related in getattr(row, self.source).all()}

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if isinstance(related, QuerySet):
            reached = self.child_relation.in_reach(instance, self.field_name, self.related_ids)
            return [record for record in related if record.pk in reached]
        return related


def holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(holds_nul(key) or holds_nul(item) for key, item in value.items())
    return False


class ServiceSerializer(serializers.ModelSerializer):
    """A model serializer whose create and update are the domain's service calls."""

    version = serializers.IntegerField(
        required=False, help_text=_("On update: the version you read; a stale one is refused.")
    )

    def to_internal_value(self, data):
        """Every date and moment within the range Precinct takes, and no NUL character in any value (a
        related record looked up by a code with one would be a server error on PostgreSQL), refused by the
        field's name."""
        carrying = (
            [name for name, value in dict(data).items() if holds_nul(value)] if hasattr(data, "items") else []
        )
        if carrying:
            raise ValidationError({name: [str(NUL_REFUSED)] for name in carrying})
        validated = super().to_internal_value(data)
        errors = {}
        for name, value in validated.items():
            try:
                within_range(value)
            except DjangoValidationError as error:
                errors[name] = error.messages
        if errors:
            raise ValidationError(errors)
        return validated

    def values(self, validated: dict) -> dict:
        validated = dict(validated)
        validated.pop("version", None)
        return validated


class ScopedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """A model's records within the user's reach; writes go to the serializer's service calls."""

    model = None
    audit_reads = False

    def get_queryset(self):
        action = CHANGE if self.request.method not in ("GET", "HEAD", "OPTIONS") else "view"
        found = self.model.objects.visible_to(self.request.user, action)
        # Every answer names its record's body by code: read with the record, not once a row.
        return found.select_related("body") if self.model.body_field == "body" else found

    def check_permissions(self, request) -> None:
        super().check_permissions(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and not can(
            request.user, self.model.domain, CHANGE
        ):
            self.permission_denied(request, message=_("Your role does not allow changes here."))

    def actor(self) -> Actor:
        return Actor.from_request(self.request, via=Via.API)

    def get_serializer_context(self):
        return super().get_serializer_context() | {"actor": self.actor()}

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        if self.audit_reads:
            # A page of personal records read at once: one entry names the query and the count.
            record_export(self.actor(), self.model, len(response.data["results"]), request.GET.urlencode())
        return response

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        if self.audit_reads:
            record_read(self.actor(), instance)
        return Response(self.get_serializer(instance).data)

    def perform_destroy(self, instance) -> None:
        self.destroy_service(actor=self.actor(), instance=instance)

    def destroy_service(self, *, actor, instance) -> None:
        raise PermissionDenied(_("These records cannot be deleted."))
