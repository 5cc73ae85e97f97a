import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from precinct.core.fields import ChoiceSetField
from precinct.core.filters import BodyFilter, FilterSet, YesNoFilter, time_range
from precinct.traffic.models import Accident, Cause, Device, DeviceKind, OffenceArticle, Payment, Violation


class ViolationFilterSet(FilterSet):
    occurred_from, occurred_to = time_range("occurred_at", _("From"), _("To"))
    body = BodyFilter()
    article = django_filters.ModelChoiceFilter(
        queryset=OffenceArticle.objects.all(), to_field_name="code", label=_("Article")
    )
    automatic = YesNoFilter(
        field_name="device", lookup_expr="isnull", exclude=True, label=_("Automatic device")
    )
    parking = YesNoFilter(field_name="article__parking", label=_("Illegal parking"))
    payment = django_filters.ChoiceFilter(choices=Payment.choices, label=_("Payment"))
    vehicle = django_filters.CharFilter(method="by_vehicle", label=_("Vehicle registration number"))
    source = django_filters.CharFilter(label=_("Device or officer"))

    class Meta:
        model = Violation
        fields: list[str] = []

    def by_vehicle(self, queryset, _name, value):
        return queryset.filter(vehicle=value.upper().replace(" ", "").replace("-", ""))


class AccidentFilterSet(FilterSet):
    occurred_from, occurred_to = time_range("occurred_at", _("From"), _("To"))
    body = BodyFilter()
    cause = django_filters.ChoiceFilter(choices=Cause.choices, label=_("Cause"), method="with_cause")
    fatal = YesNoFilter(field_name="killed", lookup_expr="gt", label=_("With deaths"), method="with_deaths")

    class Meta:
        model = Accident
        fields: list[str] = []

    def with_cause(self, queryset, _name, value):
        """The main cause or one of the others."""
        return queryset.filter(Q(cause=value) | ChoiceSetField.containing("other_causes", value))

    def with_deaths(self, queryset, _name, value):
        return queryset.filter(killed__gt=0) if value else queryset.filter(killed=0)


class DeviceFilterSet(FilterSet):
    body = BodyFilter()
    kind = django_filters.ChoiceFilter(choices=DeviceKind.choices, label=_("Kind"))
    in_service = YesNoFilter(label=_("In service"))

    class Meta:
        model = Device
        fields: list[str] = []
