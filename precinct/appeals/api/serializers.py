from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from precinct.appeals import services
from precinct.appeals.models import Application, Feedback, ReceptionDay, Step, Subject
from precinct.appeals.workflow import STEPS
from precinct.core.api import BodyField, InReach, ServiceSerializer


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = Step
        fields = ["at", "username", "status_from", "status_to", "reason", "applicant_told"]


class ApplicationSerializer(ServiceSerializer):
    body = BodyField()
    subject = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Subject.objects.all(),
        error_messages={"does_not_exist": _("Unknown subject category “{value}”.")},
    )
    officer = serializers.SlugRelatedField(slug_field="username", read_only=True)
    reception_day = InReach(queryset=ReceptionDay.objects.all(), required=False, allow_null=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id", "number", "received_on", "channel", "reception_day", "body", "subject", "needs_study",
            "applicant_name", "applicant_id_number", "applicant_address", "applicant_phone",
            "applicant_email", "text", "officer", "status", "due_on", "extension_days", "extension_reason",
            "forwarded_on", "arrived_on", "forwarded_to_authority", "answer", "answered_on", "not_considered",
            "steps", "version",
        ]  # fmt: skip
        read_only_fields = [
            "number", "officer", "status", "due_on", "extension_days", "extension_reason", "forwarded_on",
            "arrived_on", "forwarded_to_authority", "answer", "answered_on", "not_considered",
        ]  # fmt: skip

    def create(self, validated):
        return services.register(actor=self.context["actor"], values=self.values(validated))

    def update(self, application, validated):
        return services.edit(
            actor=self.context["actor"],
            application=application,
            values=self.values(validated),
            expected_version=validated.get("version"),
        )


class StepRequestSerializer(serializers.Serializer):
    """One workflow step asked through the API: its name and the fields of the step's form."""

    step = serializers.ChoiceField(choices=list(STEPS))
    officer = serializers.IntegerField(required=False, help_text=_("assign: the officer's user id"))
    body = serializers.IntegerField(required=False, help_text=_("forward: the competent body's id"))
    authority = serializers.CharField(required=False)
    days = serializers.IntegerField(required=False, help_text=_("extend: working days, 1 to 30"))
    reason = serializers.CharField(required=False)
    answer = serializers.CharField(required=False)
    answered_on = serializers.DateField(required=False)
    substantive = serializers.BooleanField(required=False)
    why = serializers.CharField(required=False, help_text=_("not-considered: anonymous or repeat"))
    kind = serializers.CharField(required=False, help_text=_("feedback: gratitude or complaint"))
    received_on = serializers.DateField(required=False)
    text = serializers.CharField(required=False)


class ReceptionDaySerializer(ServiceSerializer):
    body = BodyField()
    bodies = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = ReceptionDay
        fields = ["id", "official", "official_position", "date", "starts_at", "body", "venue", "bodies",
                  "announced_on", "media", "version"]  # fmt: skip

    def create(self, validated):
        return services.save_reception_day(
            actor=self.context["actor"], values=self.values(validated), bodies=[]
        )

    def update(self, day, validated):
        return services.save_reception_day(
            actor=self.context["actor"],
            values=self.values(validated),
            bodies=day.bodies.all(),
            reception_day=day,
            expected_version=validated.get("version"),
        )


class FeedbackSerializer(serializers.ModelSerializer):
    application = serializers.SlugRelatedField(slug_field="number", read_only=True)
    officer = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Feedback
        fields = ["id", "application", "kind", "received_on", "officer", "text"]
