from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from precinct.core.api import BodyField, InReach, ServiceSerializer
from precinct.crimes import services
from precinct.crimes.models import Article, Crime, CriminalGroup, Participation, Person, Wanted


class CrimeSerializer(ServiceSerializer):
    body = BodyField()
    article = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Article.objects.all(),
        error_messages={"does_not_exist": _("Unknown article “{value}” of the Criminal Code.")},
    )
    category = serializers.CharField(source="article.category.code", read_only=True)
    gravity = serializers.CharField(source="article.gravity", read_only=True)

    class Meta:
        model = Crime
        fields = [
            "id",
            "year",
            "category",
            "gravity",
            *Crime.ENTERED_FIELDS,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["year", "created_at", "updated_at"]
        extra_kwargs = {"number": {"required": False}}

    def create(self, validated):
        return services.register_crime(actor=self.context["actor"], values=self.values(validated))

    def update(self, crime, validated):
        return services.edit_crime(
            actor=self.context["actor"],
            crime=crime,
            values=self.values(validated),
            expected_version=validated.get("version"),
        )


class PersonSerializer(ServiceSerializer):
    body = BodyField()

    class Meta:
        model = Person
        fields = [
            "id",
            "body",
            "surname",
            "given_name",
            "patronymic",
            "birth_date",
            "sex",
            "id_number",
            "address",
            "version",
        ]

    def create(self, validated):
        return services.register_person(actor=self.context["actor"], values=self.values(validated))

    def update(self, person, validated):
        return services.edit_person(
            actor=self.context["actor"],
            person=person,
            values=self.values(validated),
            expected_version=validated.get("version"),
        )


class ParticipationSerializer(serializers.ModelSerializer):
    crime = InReach(queryset=Crime.objects.all())
    person = InReach(queryset=Person.objects.all())

    class Meta:
        model = Participation
        fields = ["id", "crime", "person", "role"]

    def create(self, validated):
        return services.add_party(actor=self.context["actor"], **validated)


class WantedSerializer(ServiceSerializer):
    body = BodyField()
    person = InReach(queryset=Person.objects.all())
    crime = InReach(queryset=Crime.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Wanted
        fields = ["id", "body", "person", "crime", "opened_on", "arrested_on", "version"]

    def create(self, validated):
        return services.open_search(actor=self.context["actor"], values=self.values(validated))

    def update(self, search, validated):
        return services.edit_search(
            actor=self.context["actor"],
            search=search,
            values=self.values(validated),
            expected_version=validated.get("version"),
        )


class CriminalGroupSerializer(ServiceSerializer):
    body = BodyField()
    members = InReach(queryset=Person.objects.all(), many=True, required=False)
    crimes = InReach(queryset=Crime.objects.all(), many=True, required=False)

    class Meta:
        model = CriminalGroup
        fields = ["id", "body", "name", "kind", "neutralized_on", "members", "crimes", "version"]

    def values(self, validated: dict) -> dict:
        values = super().values(validated)
        values.pop("members", None)
        values.pop("crimes", None)
        return values

    def create(self, validated):
        return services.register_group(
            actor=self.context["actor"],
            values=self.values(validated),
            members=validated.get("members", []),
            crimes=validated.get("crimes", []),
        )

    def update(self, group, validated):
        return services.edit_group(
            actor=self.context["actor"],
            group=group,
            values=self.values(validated),
            members=validated.get("members"),
            crimes=validated.get("crimes"),
            expected_version=validated.get("version"),
        )


class ArticleSerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.code")

    class Meta:
        model = Article
        fields = ["code", "name_az", "name_en", "name_ru", "category", "gravity"]
