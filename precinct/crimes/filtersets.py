"""One FilterSet per model, shared by the web list, the API and the tests."""

import django_filters
from django.utils.translation import gettext_lazy as _

from precinct.core.filters import BodyFilter, FilterSet, SearchFilter, YesNoFilter, date_range
from precinct.crimes.models import (
    Agency,
    Category,
    Crime,
    CriminalGroup,
    Gravity,
    GroupKind,
    Person,
    Status,
    Wanted,
)


class CrimeFilterSet(FilterSet):
    registered_from, registered_to = date_range("registered_on", _("Registered from"), _("Registered to"))
    body = BodyFilter()
    category = django_filters.ModelChoiceFilter(
        field_name="article__category",
        queryset=Category.objects.all(),
        to_field_name="code",
        label=_("Category"),
    )
    gravity = django_filters.ChoiceFilter(
        field_name="article__gravity", choices=Gravity.choices, label=_("Gravity")
    )
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    agency = django_filters.ChoiceFilter(choices=Agency.choices, label=_("Registering agency"))
    article = django_filters.CharFilter(field_name="article__code", label=_("Article"))
    firearm = YesNoFilter(label=_("Firearm involved"))
    q = SearchFilter(fields=["description", "place", "article__code", "number"])

    class Meta:
        model = Crime
        fields: list[str] = []


class PersonFilterSet(FilterSet):
    body = BodyFilter()
    q = SearchFilter(fields=["surname", "given_name", "patronymic", "id_number"])

    class Meta:
        model = Person
        fields: list[str] = []


class WantedFilterSet(FilterSet):
    opened_from, opened_to = date_range("opened_on", _("Opened from"), _("Opened to"))
    body = BodyFilter()
    arrested = YesNoFilter(field_name="arrested_on", lookup_expr="isnull", exclude=True, label=_("Arrested"))
    q = SearchFilter(fields=["person__surname", "person__given_name"])

    class Meta:
        model = Wanted
        fields: list[str] = []


class CriminalGroupFilterSet(FilterSet):
    neutralized_from, neutralized_to = date_range(
        "neutralized_on", _("Neutralized from"), _("Neutralized to")
    )
    body = BodyFilter()
    kind = django_filters.ChoiceFilter(choices=GroupKind.choices, label=_("Kind"))
    q = SearchFilter(fields=["name"])

    class Meta:
        model = CriminalGroup
        fields: list[str] = []
