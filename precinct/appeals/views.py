"""The appeals officers' pages: the lists with their deadline flags, an application with its workflow,
reception days and feedback."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from precinct.appeals import forms, services
from precinct.appeals.deadlines import forward_by, soon
from precinct.appeals.filtersets import ApplicationFilterSet, FeedbackFilterSet, ReceptionDayFilterSet
from precinct.appeals.models import Application, Attachment, Feedback, ReceptionDay, Status, on_the_clock
from precinct.appeals.tables import ApplicationTable, FeedbackTable, ReceptionDayTable
from precinct.appeals.workflow import STEPS, take_step
from precinct.core.audit import Actor, record_read
from precinct.core.roles import CHANGE, can
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView
from precinct.core.workdays import current_calendar


def deadline_counts(queryset) -> dict[str, int]:
    """How many open applications are overdue and how many fall due within three working days."""
    today = timezone.localdate()
    open_ = queryset.filter(on_the_clock())
    return {
        "overdue": open_.filter(due_on__lt=today).count(),
        "soon": open_.filter(due_on__gte=today, due_on__lte=soon(current_calendar(), today)).count(),
    }


class ApplicationListView(ObjectListView):
    model = Application
    filterset_class = ApplicationFilterSet
    table_class = ApplicationTable
    create_url_name = "appeals:application-new"
    template_name = "appeals/application_list.html"
    export_audited = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "subject", "officer")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reach = Application.objects.visible_to(self.request.user)
        context["counts"] = deadline_counts(reach)
        context["mine"] = deadline_counts(reach.filter(officer=self.request.user))
        return context


class ApplicationDetailView(ObjectDetailView):
    model = Application
    template_name = "appeals/application_detail.html"
    edit_url_name = "appeals:application-edit"
    audit_reads = True  # the applicant's personal data

    def get_queryset(self):
        return super().get_queryset().select_related("body", "subject", "officer", "forwarded_from")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        today = timezone.localdate()
        calendar = current_calendar()
        context.update(
            steps=application.steps.select_related("user"),
            attachments=application.attachments.all(),
            feedback=application.feedback.select_related("officer"),
            overdue=application.is_open and application.due_on < today,
            due_soon=application.is_open and today <= application.due_on <= soon(calendar, today),
            likely_repeats=self.likely_repeats(),
            substantive_answers=services.repeats(application),
            routing=services.competent(application) if application.is_open else None,
            forward_by=forward_by(calendar, application.received_on),
        )
        if context["can_edit"]:
            context["actions"] = self.actions()
        return context

    def likely_repeats(self):
        """Other applications of the same applicant within reach: repeats and duplicates to look at."""
        application = self.object
        if not application.applicant_id_number:
            return Application.objects.none()
        return (
            Application.objects.visible_to(self.request.user)
            .filter(applicant_id_number=application.applicant_id_number)
            .exclude(pk=application.pk)
            .select_related("subject")[:20]
        )

    def actions(self) -> list[tuple[str, str, object]]:
        """The workflow steps open from the application's status, each with its form."""
        application, user = self.object, self.request.user
        allowed = services.MOVES[application.status]
        found = []
        if Status.ASSIGNED in allowed or application.status == Status.EXTENDED:
            found.append(("assign", _("Assign"), forms.AssignForm(application=application)))
        if Status.FORWARDED in allowed:
            found.append(("forward", _("Forward"), forms.ForwardForm()))
        if Status.EXTENDED in allowed and not application.extension_days:
            found.append(("extend", _("Extend the deadline"), forms.ExtendForm()))
        if Status.ANSWERED in allowed:
            found.append(
                ("answer", _("Answer"), forms.AnswerForm(initial={"answered_on": timezone.localdate()}))
            )
        if Status.CLOSED in allowed and (
            getattr(user, "is_chief", False) or user.pk == application.officer_id
        ):
            found.append(("close", _("Close"), forms.CloseForm()))
        if Status.NOT_CONSIDERED in allowed:
            found.append(("not-considered", _("Leave unconsidered"), forms.NotConsideredForm()))
        if application.status in (Status.ANSWERED, Status.CLOSED):
            found.append(("feedback", _("Record feedback"), forms.FeedbackForm()))
        return found


class ApplicationFormView(ServiceFormView):
    model = Application
    form_class = forms.ApplicationForm
    create = staticmethod(services.register)
    edit = staticmethod(services.edit)
    record_name = "application"
    audit_reads = True

    def get_initial(self):
        initial = super().get_initial()
        for name in ("channel", "reception_day", "body"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        return initial

    def extra(self, form) -> dict:
        return {"attachments": form.cleaned_data.get("attachments") or []}


class WorkflowView(LoginRequiredMixin, View):
    """One workflow step, posted from the application's page; refusals come back as messages."""

    def post(self, request, pk, step):
        if not can(request.user, "appeals", CHANGE):
            raise PermissionDenied
        if step not in STEPS:
            raise Http404
        application = get_object_or_404(Application.objects.editable_by(request.user), pk=pk)
        try:
            take_step(Actor.from_request(request), application, step, request.POST)
        except ValidationError as error:
            form = STEPS[step][0](application=application)
            for field, texts in error.message_dict.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(request, f"{label}: {' '.join(texts)}" if label else " ".join(texts))
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Done."))
        return redirect(application)


class AttachmentView(LoginRequiredMixin, View):
    """An attachment, served only within reach; opening it is a read of the application."""

    def get(self, request, pk):
        attachment = get_object_or_404(
            Attachment.objects.visible_to(request.user).select_related("application"), pk=pk
        )
        record_read(Actor.from_request(request), attachment.application, note=f"attachment {attachment.name}")
        return FileResponse(
            attachment.file.open("rb"), as_attachment=True, filename=attachment.name,
            content_type=attachment.content_type,
        )  # fmt: skip


class ReceptionDayListView(ObjectListView):
    model = ReceptionDay
    filterset_class = ReceptionDayFilterSet
    table_class = ReceptionDayTable
    create_url_name = "appeals:reception-day-new"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class ReceptionDayDetailView(ObjectDetailView):
    model = ReceptionDay
    template_name = "appeals/reception_day_detail.html"
    edit_url_name = "appeals:reception-day-edit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["received"] = (
            Application.objects.visible_to(self.request.user)
            .filter(reception_day=self.object)
            .select_related("subject")
        )
        return context


class ReceptionDayFormView(ServiceFormView):
    model = ReceptionDay
    form_class = forms.ReceptionDayForm
    create = staticmethod(services.save_reception_day)
    edit = staticmethod(services.save_reception_day)
    record_name = "reception_day"

    def extra(self, form) -> dict:
        return {"bodies": form.cleaned_data["bodies"]}


class FeedbackListView(ObjectListView):
    model = Feedback
    filterset_class = FeedbackFilterSet
    table_class = FeedbackTable

    def get_queryset(self):
        return super().get_queryset().select_related("application", "officer")
