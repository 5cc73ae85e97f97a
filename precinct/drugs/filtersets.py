import django_filters
from django.utils.translation import gettext_lazy as _

from precinct.core.filters import BodyFilter, FilterSet, SearchFilter, date_range
from precinct.drugs.models import FoundBy, PreventionEvent, Seizure, Substance, SubstanceClass, Venue
from precinct.drugs.units import Grade


class SeizureFilterSet(FilterSet):
    seized_from, seized_to = date_range("seized_on", _("Seized from"), _("Seized to"))
    body = BodyFilter()
    substance = django_filters.ModelChoiceFilter(
        queryset=Substance.objects.all(), to_field_name="code", label=_("Substance")
    )
    substance_class = django_filters.ChoiceFilter(
        field_name="substance__substance_class", choices=SubstanceClass.choices, label=_("Class")
    )
    grade = django_filters.ChoiceFilter(choices=Grade.choices, label=_("Grade"))
    found_by = django_filters.ChoiceFilter(choices=FoundBy.choices, label=_("Found by"))
    q = SearchFilter(fields=["place"])

    class Meta:
        model = Seizure
        fields: list[str] = []


class PreventionEventFilterSet(FilterSet):
    held_from, held_to = date_range("held_on", _("Held from"), _("Held to"))
    body = BodyFilter()
    venue = django_filters.ChoiceFilter(choices=Venue.choices, label=_("Venue"))
    q = SearchFilter(fields=["place", "topic"])

    class Meta:
        model = PreventionEvent
        fields: list[str] = []
