from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import ScopedModelForm
from precinct.core.references import ReferenceField
from precinct.crimes.forms import ReferencesInReach, crime_field, person_field
from precinct.custody.models import Detention, Interrogation, SafeguardRecord
from precinct.organisation.references import EMPLOYEE


class DetentionForm(ReferencesInReach, ScopedModelForm):
    person = person_field()
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


class SafeguardForm(ScopedModelForm):
    class Meta:
        model = SafeguardRecord
        fields = SafeguardRecord.ENTERED_FIELDS
        help_texts = {"by": _("The officer, the lawyer, the interpreter or the doctor.")}


class InterrogationForm(ScopedModelForm):
    class Meta:
        model = Interrogation
        fields = Interrogation.ENTERED_FIELDS
