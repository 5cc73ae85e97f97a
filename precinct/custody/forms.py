from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import ScopedModelForm
from precinct.core.references import ReferenceField
from precinct.crimes.forms import ReferencesInReach, crime_field, person_field
from precinct.custody.models import Detention, Interrogation, SafeguardRecord
from precinct.organisation.references import EMPLOYEE


class DetentionForm(ReferencesInReach, ScopedModelForm):
    person = person_field(required=False)
    # A person not in the register yet is added to it with the detention (the body's register).
    new_surname = forms.CharField(label=_("Surname (not in the register yet)"), max_length=80, required=False)
    new_given_name = forms.CharField(label=_("Given name"), max_length=80, required=False)
    new_patronymic = forms.CharField(label=_("Patronymic"), max_length=80, required=False)
    new_birth_date = forms.DateField(label=_("Date of birth"), required=False)
    new_id_number = forms.CharField(label=_("ID card personal number"), max_length=20, required=False)
    NEW_PERSON = {
        "new_surname": "surname", "new_given_name": "given_name", "new_patronymic": "patronymic",
        "new_birth_date": "birth_date", "new_id_number": "id_number",
    }  # fmt: skip
    crime = crime_field(required=False)
    officer = ReferenceField(
        EMPLOYEE,
        url=reverse_lazy("custody:lookup-employee"),
        label=_("Detaining officer"),
        required=False,
        help_text=_("Type a personnel number or a surname and pick the officer."),
    )

    class Meta:
        model = Detention
        fields = Detention.ENTERED_FIELDS
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "detained_at": _("The moment of actual detention: every time limit is counted from it."),
            "article": _("Taken from the crime when one is given."),
            "ended_at": _("Fill in with how it ended once the person is released or brought to a court."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()
        self.fields["article"].queryset = self.fields["article"].queryset.select_related("category")
        self.fields["person"].help_text = _(
            "Type a name or an ID number and pick the person; one not in the register yet is given below."
        )
        if self.instance.pk:  # the person of a detention recorded is chosen from the register
            for name in self.NEW_PERSON:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        new = self.new_person()
        if self.instance.pk is None and not data.get("person") and not new:
            self.add_error(
                "person", _("Pick the person from the register, or give the surname and given name.")
            )
        elif data.get("person") and new:
            self.add_error("new_surname", _("A person is picked from the register: leave these empty."))
        elif new and not (new.get("surname") and new.get("given_name")):
            self.add_error("new_surname" if not new.get("surname") else "new_given_name", _("Give it."))
        return data

    def new_person(self) -> dict:
        """The person to add to the register with the detention: the fields given, or nothing."""
        data = getattr(self, "cleaned_data", {})
        return {field: data[name] for name, field in self.NEW_PERSON.items() if data.get(name)}

    def cleaned_values(self) -> dict:
        return {
            name: value for name, value in super().cleaned_values().items() if name not in self.NEW_PERSON
        }


class SafeguardForm(ScopedModelForm):
    class Meta:
        model = SafeguardRecord
        fields = SafeguardRecord.ENTERED_FIELDS
        help_texts = {"by": _("The officer, the lawyer, the interpreter or the doctor.")}


class InterrogationForm(ScopedModelForm):
    class Meta:
        model = Interrogation
        fields = Interrogation.ENTERED_FIELDS
