import django_filters
from django.utils.translation import gettext_lazy as _

from precinct.core.filters import BodyFilter, FilterSet, SearchFilter, YesNoFilter, time_range
from precinct.custody.models import Detention, Ending, Grounds


class DetentionFilterSet(FilterSet):
    detained_from, detained_to = time_range("detained_at", _("Detained from"), _("Detained to"))
    body = BodyFilter()
    grounds = django_filters.ChoiceFilter(choices=Grounds.choices, label=_("Grounds"))
    ending = django_filters.ChoiceFilter(choices=Ending.choices, label=_("Ended by"))
    open = YesNoFilter(field_name="ended_at", lookup_expr="isnull", label=_("Held now"))
    in_time = YesNoFilter(method="filter_in_time", label=_("Every safeguard in time"))
    overran = YesNoFilter(label=_("Held past the limit"))
    q = SearchFilter(fields=["person__surname", "person__given_name", "person__id_number"])

    class Meta:
        model = Detention
        fields: list[str] = []

    def filter_in_time(self, queryset, name, value):
        """Of the detentions ended: one still held is not judged yet."""
        return queryset.filter(ended_at__isnull=False, in_time=value)
