from rest_framework import serializers

from precinct.core.api import BodyField, ServiceSerializer
from precinct.traffic import services
from precinct.traffic.models import Accident, Cause, Device, Violation


class ViolationSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="code", read_only=True)
    article = serializers.SlugRelatedField(slug_field="code", read_only=True)
    device = serializers.SlugRelatedField(slug_field="code", read_only=True)
    detection = serializers.CharField(read_only=True)

    class Meta:
        model = Violation
        fields = [
            "id",
            "occurred_at",
            "body",
            "source",
            "device",
            "detection",
            "article",
            "vehicle",
            "fine",
            "payment",
            "place",
            "batch",
        ]
        read_only_fields = fields


class AccidentSerializer(ServiceSerializer):
    body = BodyField()
    other_causes = serializers.ListField(child=serializers.ChoiceField(choices=Cause.choices), required=False)

    class Meta:
        model = Accident
        fields = [
            "id",
            "occurred_at",
            "body",
            "road",
            "place",
            "latitude",
            "longitude",
            "vehicles",
            "killed",
            "injured",
            "cause",
            "other_causes",
            "version",
        ]

    def create(self, validated):
        return services.save_accident(actor=self.context["actor"], values=self.values(validated))

    def update(self, accident, validated):
        return services.save_accident(
            actor=self.context["actor"],
            values=self.values(validated),
            accident=accident,
            expected_version=validated.get("version"),
        )


class DeviceSerializer(ServiceSerializer):
    body = BodyField()

    class Meta:
        model = Device
        fields = [
            "id",
            "code",
            "kind",
            "body",
            "place",
            "latitude",
            "longitude",
            "installed_on",
            "in_service",
            "version",
        ]

    def create(self, validated):
        return services.save_device(actor=self.context["actor"], values=self.values(validated))

    def update(self, device, validated):
        return services.save_device(
            actor=self.context["actor"],
            values=self.values(validated),
            device=device,
            expected_version=validated.get("version"),
        )
