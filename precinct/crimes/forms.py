from django import forms
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import ScopedModelForm
from precinct.crimes.models import Crime, CriminalGroup, Participation, Person, Wanted


class CrimeForm(ScopedModelForm):
    class Meta:
        model = Crime
        fields = [
            "body",
            "number",
            "registered_on",
            "agency",
            "article",
            "place",
            "description",
            "firearm",
            "damage",
            "compensated",
            "status",
            "solved_on",
            "solved_with",
        ]
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


class ParticipationForm(ScopedModelForm):
    class Meta:
        model = Participation
        fields = ["person", "role"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(self.user)


class WantedForm(ScopedModelForm):
    class Meta:
        model = Wanted
        fields = ["body", "person", "crime", "opened_on", "arrested_on"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(self.user)
        self.fields["crime"].queryset = Crime.objects.visible_to(self.user).select_related("body")


class CriminalGroupForm(ScopedModelForm):
    class Meta:
        model = CriminalGroup
        fields = ["body", "name", "kind", "neutralized_on", "members", "crimes"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Person.objects.visible_to(self.user)
        self.fields["crimes"].queryset = Crime.objects.visible_to(self.user).select_related("body")
