from django.utils import timezone
from rest_framework import serializers

from precinct.core.api import BodyField, InReach, ServiceSerializer
from precinct.crimes.models import Crime, Person
from precinct.custody import services
from precinct.custody.models import Detention, Interrogation, SafeguardRecord
from precinct.organisation.models import Employee


class SafeguardSerializer(serializers.ModelSerializer):
    class Meta:
        model = SafeguardRecord
        fields = ["id", *SafeguardRecord.ENTERED_FIELDS]


class InterrogationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Interrogation
        fields = ["id", *Interrogation.ENTERED_FIELDS]


class DetentionSerializer(ServiceSerializer):
    body = BodyField()
    person = InReach(queryset=Person.objects.all())
    # Who is held, as the detention's page names them to whoever reaches the detention (an inspector
    # overseeing it too), though the crime register's record of the person may be out of their reach.
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    person_born = serializers.DateField(source="person.birth_date", read_only=True)
    crime = InReach(queryset=Crime.objects.all(), required=False, allow_null=True)
    officer = InReach(queryset=Employee.objects.all(), required=False, allow_null=True)
    safeguards = SafeguardSerializer(many=True, read_only=True)
    interrogations = InterrogationSerializer(many=True, read_only=True)
    flags = serializers.SerializerMethodField()

    class Meta:
        model = Detention
        fields = [
            "id", *Detention.ENTERED_FIELDS, "person_name", "person_born", "limit_at", "in_time", "overran",
            "breaches", "flags",
            "safeguards", "interrogations", "version",
        ]  # fmt: skip

    def get_flags(self, detention) -> list[dict]:
        return [
            {
                "rule": flag.rule,
                "safeguard": flag.safeguard,
                "breach": flag.breach,
                "due": timezone.localtime(flag.due).isoformat() if flag.due else None,
            }
            for flag in services.flags_now(detention)
        ]

    def create(self, validated):
        return services.detain(actor=self.context["actor"], values=self.values(validated))

    def update(self, detention, validated):
        return services.edit_detention(
            actor=self.context["actor"], detention=detention, values=self.values(validated),
            expected_version=validated.get("version"),
        )  # fmt: skip
