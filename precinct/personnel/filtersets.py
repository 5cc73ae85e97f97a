import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.filters import BodyFilter, FilterSet, SearchFilter, YesNoFilter, date_range
from precinct.core.roles import Role
from precinct.organisation.models import User
from precinct.personnel.models import (
    ENDINGS,
    Casualty,
    Circumstances,
    Course,
    Grounds,
    Investigation,
    OrganiserKind,
    Outcome,
    Sanction,
    ServiceRecord,
    Staff,
    Topic,
)


class ServingInFilter(BodyFilter):
    """The employees of a body, and those serving in it now on a temporary assignment (a commandant)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        today = timezone.localdate()
        assigned = ServiceRecord.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
            temporary=True, body__path__startswith=value.path, starts_on__lte=today,
        )  # fmt: skip
        return queryset.filter(Q(body__path__startswith=value.path) | Q(pk__in=assigned.values("employee")))


class EmployeeFilterSet(FilterSet):
    body = ServingInFilter()
    serving = YesNoFilter(method="filter_serving", label=_("Serving"))
    q = SearchFilter(fields=["personnel_number", "surname", "given_name"])

    class Meta:
        model = Staff
        fields: list[str] = []

    def filter_serving(self, queryset, name, value):
        """Those still serving (no dismissal, death or leaving recorded), or those who left."""
        left = ServiceRecord.objects.filter(move__in=ENDINGS).values("employee")
        return queryset.exclude(pk__in=left) if value else queryset.filter(pk__in=left)


class InvestigationFilterSet(FilterSet):
    opened_from, opened_to = date_range("opened_on", _("Opened from"), _("Opened to"))
    body = BodyFilter()
    grounds = django_filters.ChoiceFilter(choices=Grounds.choices, label=_("Grounds"))
    sanction = django_filters.ChoiceFilter(choices=Sanction.choices, label=_("Sanction"))
    open = YesNoFilter(field_name="closed_on", lookup_expr="isnull", label=_("Open"))
    overdue = YesNoFilter(method="filter_overdue", label=_("Overdue"))
    mine = YesNoFilter(method="filter_mine", label=_("Mine"))
    inspector = django_filters.ModelChoiceFilter(
        queryset=User.objects.filter(role=Role.INSPECTOR).order_by("last_name", "first_name"),
        label=_("Inspector"),
    )
    unassigned = YesNoFilter(field_name="inspector", lookup_expr="isnull", label=_("No inspector assigned"))

    class Meta:
        model = Investigation
        fields: list[str] = []

    def filter_mine(self, queryset, name, value):
        """The inspector's own list (a chief sees every inspector's without it)."""
        user = getattr(self.request, "user", None)
        return queryset.filter(inspector=user) if value else queryset.exclude(inspector=user)

    def filter_overdue(self, queryset, name, value):
        late = {"closed_on__isnull": True, "due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class CourseFilterSet(FilterSet):
    starts_from, starts_to = date_range("starts_on", _("From"), _("To"))
    topic = django_filters.ChoiceFilter(choices=Topic.choices, label=_("Topic"))
    organiser_kind = django_filters.ChoiceFilter(choices=OrganiserKind.choices, label=_("Organiser"))
    abroad = YesNoFilter(label=_("Abroad"))
    q = SearchFilter(fields=["title", "organiser", "place"])

    class Meta:
        model = Course
        fields: list[str] = []


class CasualtyFilterSet(FilterSet):
    occurred_from, occurred_to = date_range("occurred_on", _("From"), _("To"))
    body = BodyFilter()
    outcome = django_filters.ChoiceFilter(choices=Outcome.choices, label=_("Outcome"))
    circumstances = django_filters.ChoiceFilter(choices=Circumstances.choices, label=_("Circumstances"))
    event = django_filters.CharFilter(lookup_expr="icontains", label=_("Event"))

    class Meta:
        model = Casualty
        fields: list[str] = []
