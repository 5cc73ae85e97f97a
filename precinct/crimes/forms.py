from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import ScopedModelForm
from precinct.core.references import ReferenceField
from precinct.crimes.models import Crime, CriminalGroup, Participation, Person, Wanted
from precinct.crimes.references import CRIME, PERSON


def person_field(**kwargs) -> ReferenceField:
    kwargs.setdefault("help_text", _("Type a surname or an ID number and pick the person."))
    return ReferenceField(PERSON, url=reverse_lazy("crimes:lookup-person"), label=_("Person"), **kwargs)


def crime_field(**kwargs) -> ReferenceField:
    kwargs.setdefault("help_text", _("Type the registration number and pick the crime (body/year/number)."))
    return ReferenceField(CRIME, url=reverse_lazy("crimes:lookup-crime"), label=_("Crime"), **kwargs)


class ReferencesInReach:
    """Limits every reference field of the form to the records the user can see."""

    def limit_references(self) -> None:
        for field in self.fields.values():
            if isinstance(field, ReferenceField):
                field.queryset = field.reference.model.objects.visible_to(self.user)


class CrimeForm(ScopedModelForm):
    class Meta:
        model = Crime
        fields = Crime.ENTERED_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"number": _("Leave empty to take the body's next number for the year.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["article"].queryset = self.fields["article"].queryset.select_related("category")


class PersonForm(ScopedModelForm):
    class Meta:
        model = Person
        fields = ["body", "surname", "given_name", "patronymic", "birth_date", "sex", "id_number", "address"]


class ParticipationForm(ReferencesInReach, ScopedModelForm):
    person = person_field()

    class Meta:
        model = Participation
        fields = ["person", "role"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()


class WantedForm(ReferencesInReach, ScopedModelForm):
    person = person_field()
    crime = crime_field(required=False)

    class Meta:
        model = Wanted
        fields = ["body", "person", "crime", "opened_on", "arrested_on"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()
        # A link the user cannot see is not theirs to change (nor to clear by saving the form).
        for name in ("person", "crime"):
            linked = getattr(self.instance, f"{name}_id", None)
            if linked and not self.fields[name].queryset.filter(pk=linked).exists():
                del self.fields[name]


class CriminalGroupForm(ReferencesInReach, ScopedModelForm):
    members = person_field(many=True, required=False, help_text=_("One person per line: #id — name."))
    crimes = crime_field(many=True, required=False, help_text=_("One crime per line: body/year/number."))

    class Meta:
        model = CriminalGroup
        fields = ["body", "name", "kind", "neutralized_on", "members", "crimes"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()
