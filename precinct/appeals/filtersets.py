"""The filters of the appeals lists, shared by the web lists and the API; "overdue" and "due soon" are
the flags the officers' and chiefs' lists open with."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.appeals.deadlines import soon
from precinct.appeals.models import (
    Application,
    Channel,
    Feedback,
    FeedbackKind,
    ReceptionDay,
    Status,
    Subject,
    on_the_clock,
)
from precinct.core.filters import BodyFilter, FilterSet, SearchFilter, YesNoFilter, date_range
from precinct.core.workdays import current_calendar


class Deadline:
    OVERDUE, SOON = "overdue", "soon"
    choices = [(OVERDUE, _("overdue")), (SOON, _("due within 3 working days"))]


def by_deadline(queryset, _name, value):
    today = timezone.localdate()
    open_ = queryset.filter(on_the_clock())
    if value == Deadline.OVERDUE:
        return open_.filter(due_on__lt=today)
    if value == Deadline.SOON:
        return open_.filter(due_on__gte=today, due_on__lte=soon(current_calendar(), today))
    return queryset


class ApplicationFilterSet(FilterSet):
    received_from, received_to = date_range("received_on", _("Received from"), _("Received to"))
    body = BodyFilter()
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices, label=_("Channel"))
    subject = django_filters.ModelChoiceFilter(
        queryset=Subject.objects.all(), to_field_name="code", label=_("Subject")
    )
    deadline = django_filters.ChoiceFilter(choices=Deadline.choices, method=by_deadline, label=_("Deadline"))
    mine = YesNoFilter(method="assigned_to_me", label=_("Assigned to me"))
    q = SearchFilter(fields=["number", "applicant_name", "applicant_id_number", "text"])

    class Meta:
        model = Application
        fields: list[str] = []

    def assigned_to_me(self, queryset, _name, value):
        return queryset.filter(officer=self.request.user) if value and self.request else queryset


class ReceptionDayFilterSet(FilterSet):
    date_from, date_to = date_range("date", _("From"), _("To"))
    body = BodyFilter()

    class Meta:
        model = ReceptionDay
        fields: list[str] = []


class FeedbackFilterSet(FilterSet):
    received_from, received_to = date_range("received_on", _("Received from"), _("Received to"))
    body = BodyFilter(field_name="application__body")
    kind = django_filters.ChoiceFilter(choices=FeedbackKind.choices, label=_("Kind"))

    class Meta:
        model = Feedback
        fields: list[str] = []
