"""Filters shared by every domain's FilterSet."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import DateField
from precinct.organisation.models import Body


def bodies_in_reach(request):
    if request is None or not request.user.is_authenticated:
        return Body.objects.none()
    return Body.objects.visible_to(request.user)


class BodyFilter(django_filters.ModelChoiceFilter):
    """A territorial body within the user's reach; it matches the body and every body under it."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("queryset", bodies_in_reach)
        kwargs.setdefault("label", _("Territorial body"))
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.field_name}__path__startswith": value.path})


MAX_SEARCH_WORDS = 6


class SearchFilter(django_filters.CharFilter):
    """Free text matched against several fields (any word in any of them)."""

    def __init__(self, *args, fields: list[str], **kwargs) -> None:
        self.search_fields = fields
        kwargs.setdefault("label", _("Search"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        for word in (value or "").split()[:MAX_SEARCH_WORDS]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset


class DateFilter(django_filters.DateFilter):
    """A date filter refusing, with its name, a date outside the range Precinct takes."""

    field_class = DateField


def date_range(field: str, label_from, label_to) -> tuple:
    return (
        DateFilter(field_name=field, lookup_expr="gte", label=label_from),
        DateFilter(field_name=field, lookup_expr="lte", label=label_to),
    )


class LocalDayFilter(DateFilter):
    """A day bound on a date-and-time field, from the start of the local day (`until`: up to its end). The
    field is compared with times, not cast to dates, so that its index still serves."""

    def __init__(self, *args, until: bool = False, **kwargs) -> None:
        self.until = until
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        day = value + datetime.timedelta(days=1) if self.until else value
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        return queryset.filter(**{f"{self.field_name}__{'lt' if self.until else 'gte'}": start})


def time_range(field: str, label_from, label_to) -> tuple:
    return (
        LocalDayFilter(field_name=field, label=label_from),
        LocalDayFilter(field_name=field, label=label_to, until=True),
    )


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no filter whose empty choice reads "any" rather than "unknown"."""

    def __init__(self, *args, **kwargs) -> None:
        choices = [("", "---------"), ("true", _("yes")), ("false", _("no"))]
        kwargs.setdefault("widget", forms.Select(choices=choices))
        super().__init__(*args, **kwargs)
