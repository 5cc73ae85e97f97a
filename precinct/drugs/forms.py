from django import forms
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import ScopedModelForm
from precinct.crimes.forms import ReferencesInReach, crime_field, person_field
from precinct.drugs.models import PreventionEvent, Seizure


class SeizureForm(ReferencesInReach, ScopedModelForm):
    crime = crime_field(required=False)
    persons = person_field(many=True, required=False, help_text=_("One person per line: #id — name."))

    class Meta:
        model = Seizure
        fields = [*Seizure.ENTERED_FIELDS, "persons"]
        help_texts = {"quantity": _("As entered; grams are worked out where the unit allows it.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()
        self.fields["substance"].queryset = self.fields["substance"].queryset.order_by(
            "substance_class", "name_en"
        )


class PreventionEventForm(ScopedModelForm):
    class Meta:
        model = PreventionEvent
        fields = ["held_on", "body", "venue", "place", "audience", "topic"]
        widgets = {"topic": forms.TextInput()}
