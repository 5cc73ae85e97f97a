from rest_framework import serializers

from precinct.appeals.models import Application
from precinct.core.api import BodyField, InReach, ServiceSerializer
from precinct.core.roles import Role
from precinct.organisation.models import User
from precinct.personnel import services
from precinct.personnel.models import Attendance, Casualty, Course, Investigation, Result, Staff


class EmployeeSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="code", read_only=True)
    rank = serializers.SlugRelatedField(slug_field="code", read_only=True)
    position = serializers.SlugRelatedField(slug_field="code", read_only=True)
    service = serializers.SerializerMethodField()

    class Meta:
        model = Staff
        fields = ["id", "personnel_number", "surname", "given_name", "patronymic", "rank", "position", "body",
                  "service"]  # fmt: skip

    def get_service(self, employee) -> list[dict]:
        return [
            {"move": post.move, "temporary": post.temporary, "starts_on": post.starts_on,
             "ends_on": post.ends_on, "body": post.body.code, "unit": post.unit,
             "position": post.position.code, "rank": post.rank.code, "order_number": post.order_number}
            for post in employee.service.all()  # prefetched in order by the view
        ]  # fmt: skip


class InvestigationSerializer(ServiceSerializer):
    body = serializers.SlugRelatedField(slug_field="code", read_only=True)  # the employee's at the time
    employee = InReach(queryset=Staff.objects.all())
    application = InReach(queryset=Application.objects.all(), required=False, allow_null=True)
    inspector = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.filter(role=Role.INSPECTOR, is_active=True),
        required=False, allow_null=True,
    )  # fmt: skip

    class Meta:
        model = Investigation
        fields = ["id", *Investigation.ENTERED_FIELDS, "body", "due_on", "version"]
        read_only_fields = ["due_on"]

    def create(self, validated):
        return services.open_investigation(actor=self.context["actor"], values=self.values(validated))

    def update(self, investigation, validated):
        return services.edit_investigation(
            actor=self.context["actor"], investigation=investigation, values=self.values(validated),
            expected_version=validated.get("version"),
        )  # fmt: skip


class CourseSerializer(ServiceSerializer):
    body = BodyField()

    class Meta:
        model = Course
        fields = ["id", *Course.ENTERED_FIELDS, "version"]

    def create(self, validated):
        return services.save_course(actor=self.context["actor"], values=self.values(validated))

    def update(self, course, validated):
        return services.save_course(
            actor=self.context["actor"], values=self.values(validated), course=course,
            expected_version=validated.get("version"),
        )  # fmt: skip


class AttendanceSerializer(serializers.ModelSerializer):
    """A participant of a course: the employee (in reach), where they served then, and the result."""

    employee = InReach(queryset=Staff.objects.all())
    personnel_number = serializers.CharField(source="employee.personnel_number", read_only=True)
    name = serializers.CharField(source="employee.__str__", read_only=True)
    body = serializers.SlugRelatedField(slug_field="code", read_only=True)  # the employee's at the time
    result = serializers.ChoiceField(choices=Result.choices, default=Result.COMPLETED)

    class Meta:
        model = Attendance
        fields = ["id", "employee", "personnel_number", "name", "body", "result"]


class CasualtySerializer(ServiceSerializer):
    body = serializers.SlugRelatedField(slug_field="code", read_only=True)  # the employee's at the time
    employee = InReach(queryset=Staff.objects.all())

    class Meta:
        model = Casualty
        fields = ["id", *Casualty.ENTERED_FIELDS, "body", "version"]

    def create(self, validated):
        return services.record_casualty(actor=self.context["actor"], values=self.values(validated))

    def update(self, instance, validated):
        return services.edit_casualty(
            actor=self.context["actor"], casualty=instance, values=self.values(validated),
            expected_version=validated.get("version"),
        )  # fmt: skip
