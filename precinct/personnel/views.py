"""Personnel's pages, declared over the generic views of `core.views`: employees' files (the disciplinary
record shown, and its opening audited, only to those whose role reaches discipline), investigations with
their time limits, courses with their participants, and the memorial list open to all staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from precinct.core.audit import Actor, record_read
from precinct.core.roles import CHANGE, VIEW, Role, can
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView, history_context, posted
from precinct.organisation.models import Employee
from precinct.personnel import services
from precinct.personnel.effects import ended
from precinct.personnel.filtersets import CourseFilterSet, EmployeeFilterSet, InvestigationFilterSet
from precinct.personnel.forms import (
    AwardForm,
    CasualtyForm,
    CourseForm,
    EnrolForm,
    InvestigationForm,
    ServiceRecordForm,
)
from precinct.personnel.models import (
    ENDINGS,
    Attendance,
    Award,
    Casualty,
    Course,
    Investigation,
    Outcome,
    ServiceRecord,
    Staff,
)
from precinct.personnel.tables import CourseTable, EmployeeTable, InvestigationTable


class EmployeeListView(ObjectListView):
    model = Staff
    export_audited = True
    filterset_class = EmployeeFilterSet
    table_class = EmployeeTable

    def get_queryset(self):
        return left_on(super().get_queryset().select_related("body", "rank", "position"))


def left_on(employees):
    """Each employee with the day their service ended, if it has."""
    ending = ServiceRecord.objects.filter(employee=OuterRef("pk"), move__in=ENDINGS).values("starts_on")
    return employees.annotate(left_on=Subquery(ending[:1]))


class EmployeeDetailView(ObjectDetailView):
    model = Staff
    template_name = "personnel/employee_detail.html"
    audit_reads = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "rank", "position")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        employee, user = self.object, self.request.user
        # The file's changes are the employee record's, written under the organisation's label.
        context |= history_context(
            Employee(pk=employee.pk), user, named_by=((ServiceRecord, "employee"), (Award, "employee")),
            aliases=("personnel.staff",),
        )  # fmt: skip
        context["service"] = employee.service.select_related("body", "rank", "position").order_by("starts_on")
        context["awards"] = employee.awards.all()
        context["training"] = employee.attendances.select_related("course").order_by("-course__starts_on")
        context["casualties"] = employee.casualties.all()
        context["left"] = ended(employee)
        context["last_step"] = services.last_step(employee)
        context["can_correct"] = can(user, "personnel", CHANGE)
        context["can_record"] = can(user, "personnel", CHANGE) and context["left"] is None
        present = {"body": employee.body_id, "position": employee.position_id, "rank": employee.rank_id}
        context["move_form"] = (
            ServiceRecordForm(user=user, initial=present) if context["can_record"] else None
        )
        context["award_form"] = AwardForm(user=user, prefix="award") if context["can_record"] else None
        if can(user, "discipline", VIEW):
            found = Investigation.objects.visible_to(user).filter(employee=employee)
            context["investigations"] = found
            record_read(Actor.from_request(self.request), employee, note="disciplinary record")
        return context


@login_required
@require_POST
def record_move(request, pk: int):
    """The form on the employee's file: a promotion, transfer, appointment or temporary assignment."""
    employee = get_object_or_404(Staff.objects.editable_by(request.user), pk=pk)
    form = ServiceRecordForm(request.POST, user=request.user)

    def write(actor, data):
        services.record_move(actor=actor, employee=employee, values=form.cleaned_values())

    return posted(
        request, form, write, _("The service record was saved."), employee, EmployeeDetailView, "move_form"
    )


@login_required
@require_POST
def take_back_step(request, pk: int):
    """The file's last recorded move, taken back (a move recorded by mistake); audited."""
    employee = get_object_or_404(Staff.objects.editable_by(request.user), pk=pk)
    try:
        step = services.take_back_step(actor=Actor.from_request(request), employee=employee)
        messages.success(request, _("The step “%(step)s” was taken back.") % {"step": step})
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    return redirect(employee.get_absolute_url())


@login_required
@require_POST
def grant_award(request, pk: int):
    """The form on the employee's file: an award or commendation with its order."""
    employee = get_object_or_404(Staff.objects.editable_by(request.user), pk=pk)
    form = AwardForm(request.POST, user=request.user, prefix="award")

    def write(actor, data):
        services.grant_award(actor=actor, employee=employee, values=form.cleaned_values())

    return posted(
        request, form, write, _("The award was recorded."), employee, EmployeeDetailView, "award_form"
    )


class InvestigationListView(ObjectListView):
    model = Investigation
    template_name = "personnel/investigation_list.html"
    filterset_class = InvestigationFilterSet
    table_class = InvestigationTable
    create_url_name = "personnel:investigation-new"
    export_audited = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "employee", "inspector")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_chief or user.role == Role.ADMINISTRATOR:  # the chief's view of the inspectors
            context["workload"] = workload(Investigation.objects.visible_to(user))
        return context


def workload(investigations) -> list[dict]:
    """Open and overdue investigations by inspector (those with none assigned last), most overdue first."""
    today = timezone.localdate()
    rows = (
        investigations.filter(closed_on__isnull=True)
        .values("inspector", "inspector__first_name", "inspector__last_name", "inspector__username")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    )
    found = [
        {
            "inspector": row["inspector"],
            "name": f"{row['inspector__first_name']} {row['inspector__last_name']}".strip()
            or row["inspector__username"],
            "open": row["open"],
            "overdue": row["overdue"],
        }
        for row in rows
    ]
    return sorted(found, key=lambda row: (row["inspector"] is None, -row["overdue"], -row["open"]))


class InvestigationDetailView(ObjectDetailView):
    model = Investigation
    template_name = "personnel/investigation_detail.html"
    edit_url_name = "personnel:investigation-edit"
    audit_reads = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "employee", "inspector")


class InvestigationFormView(ServiceFormView):
    model = Investigation
    form_class = InvestigationForm
    create = staticmethod(services.open_investigation)
    edit = staticmethod(services.edit_investigation)
    record_name = "investigation"
    audit_reads = True


class CourseListView(ObjectListView):
    model = Course
    filterset_class = CourseFilterSet
    table_class = CourseTable
    create_url_name = "personnel:course-new"


class CourseDetailView(ObjectDetailView):
    model = Course
    template_name = "personnel/course_detail.html"
    edit_url_name = "personnel:course-edit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only the participants within the user's reach: a course may gather several districts.
        reached = Attendance.objects.visible_to(self.request.user).filter(course=self.object)
        context["participants"] = reached.select_related("employee", "body").order_by("employee__surname")
        context["enrol_form"] = EnrolForm(user=self.request.user) if context["can_edit"] else None
        return context


@login_required
@require_POST
def enrol(request, pk: int):
    course = get_object_or_404(Course.objects.editable_by(request.user), pk=pk)

    def write(actor, data):
        services.enrol(actor=actor, course=course, employee=data["employee"], result=data["result"])

    form = EnrolForm(request.POST, user=request.user)
    return posted(
        request, form, write, _("The participant was added."), course, CourseDetailView, "enrol_form"
    )


class CourseFormView(ServiceFormView):
    model = Course
    form_class = CourseForm
    create = staticmethod(services.save_course)
    edit = staticmethod(services.save_course)
    record_name = "course"


class CasualtyFormView(ServiceFormView):
    model = Casualty
    form_class = CasualtyForm
    create = staticmethod(services.record_casualty)
    edit = staticmethod(services.edit_casualty)
    record_name = "casualty"


class MemorialView(LoginRequiredMixin, ListView):
    """Those killed in the line of duty, open to all staff: names, ranks, the day and the event."""

    template_name = "personnel/memorial.html"
    paginate_by = 100

    def get_queryset(self):
        # Deliberately not limited by reach: the memorial is the whole ministry's, and names no injury.
        return Casualty.objects.filter(outcome=Outcome.KILLED).select_related("employee__rank", "body")
