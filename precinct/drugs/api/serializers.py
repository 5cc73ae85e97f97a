from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from precinct.core.api import BodyField, InReach, ServiceSerializer
from precinct.crimes.models import Crime, Person
from precinct.drugs import services
from precinct.drugs.models import PreventionEvent, Seizure, Substance


class SubstanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Substance
        fields = [
            "code", "name_en", "name_az", "name_ru", "substance_class", "small", "large", "especially_large",
            "density",
        ]  # fmt: skip


class SeizureSerializer(ServiceSerializer):
    body = BodyField()
    substance = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Substance.objects.all(),
        error_messages={"does_not_exist": _("Unknown substance “{value}”.")},
    )
    crime = InReach(queryset=Crime.objects.all(), required=False, allow_null=True)
    persons = InReach(queryset=Person.objects.all(), many=True, required=False)

    class Meta:
        model = Seizure
        fields = ["id", *Seizure.ENTERED_FIELDS, "persons", "grams", "grade", "version"]
        read_only_fields = ["grams", "grade"]

    def create(self, validated):
        persons = validated.pop("persons", [])
        return services.register_seizure(
            actor=self.context["actor"], values=self.values(validated), persons=persons
        )

    def update(self, seizure, validated):
        persons = validated.pop("persons", None)
        return services.edit_seizure(
            actor=self.context["actor"], seizure=seizure, values=self.values(validated),
            expected_version=validated.get("version"), persons=persons,
        )  # fmt: skip


class PreventionEventSerializer(ServiceSerializer):
    body = BodyField()

    class Meta:
        model = PreventionEvent
        fields = ["id", "held_on", "body", "venue", "place", "audience", "topic", "version"]

    def create(self, validated):
        return services.save_event(actor=self.context["actor"], values=self.values(validated))

    def update(self, event, validated):
        return services.save_event(
            actor=self.context["actor"], values=self.values(validated), event=event,
            expected_version=validated.get("version"),
        )  # fmt: skip
