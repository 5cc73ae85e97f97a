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


class YesNoField(forms.NullBooleanField):
    """Yes, no or either: any other value is refused by name rather than read as "either"."""

    YES, NO = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}

    def to_python(self, value):
        if value in (None, "") or isinstance(value, bool):
            return value if isinstance(value, bool) else None
        text = str(value).strip().lower()
        if text in self.YES or text in self.NO:
            return text in self.YES
        raise forms.ValidationError(
            _("“%(value)s” is neither yes (true) nor no (false)."), code="invalid", params={"value": value}
        )

    def validate(self, value) -> None:
        pass


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no filter whose empty choice reads "any" rather than "unknown"."""

    field_class = YesNoField

    def __init__(self, *args, **kwargs) -> None:
        choices = [("", "---------"), ("true", _("yes")), ("false", _("no"))]
        kwargs.setdefault("widget", forms.Select(choices=choices))
        super().__init__(*args, **kwargs)


def bound(item: django_filters.Filter) -> str | None:
    """Whether a date filter is the lower or the upper bound of a range ("from", "to"), or neither."""
    if isinstance(item, LocalDayFilter):
        return "to" if item.until else "from"
    if isinstance(item, DateFilter):
        return {"gte": "from", "lte": "to"}.get(item.lookup_expr)
    return None


class FilterSet(django_filters.FilterSet):
    """Every list's filters: a range that ends before it begins is refused, naming both of its bounds,
    rather than giving an empty list that looks like no records."""

    def ranges(self) -> list[tuple[str, str]]:
        ends: dict[str, dict[str, str]] = {}
        for name, item in self.filters.items():
            if side := bound(item):
                ends.setdefault(item.field_name, {})[side] = name
        return [(pair["from"], pair["to"]) for pair in ends.values() if len(pair) == 2]

    def get_form_class(self):
        base, ranges = super().get_form_class(), self.ranges()

        def clean(form):
            cleaned = base.clean(form)
            for start, end in ranges:
                first, last = cleaned.get(start), cleaned.get(end)
                if first and last and first > last:
                    form.add_error(
                        end,
                        _("“%(end)s” (%(last)s) is before “%(start)s” (%(first)s).")
                        % {"end": form.fields[end].label, "last": last.strftime("%d.%m.%Y"),
                           "start": form.fields[start].label, "first": first.strftime("%d.%m.%Y")},
                    )  # fmt: skip
            return cleaned

        return type(base.__name__, (base,), {"clean": clean})
