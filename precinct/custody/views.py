"""Custody's pages, declared over the generic views of `core.views`: the custody register of the bodies in
reach (a page and an audited export), a detention's record with its time limits, safeguards and
interrogations (every opening audited), and the watch list of those held now, the custody officer's and
the chief's, with each limit approaching or passed flagged."""

import datetime

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from precinct.core.audit import Actor, record_export
from precinct.core.filters import YesNoField
from precinct.core.roles import CHANGE, can
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView, posted
from precinct.custody import limits, services
from precinct.custody.filtersets import DetentionFilterSet
from precinct.custody.forms import DetentionForm, InterrogationForm, SafeguardForm
from precinct.custody.models import Detention, Safeguard
from precinct.custody.tables import DetentionTable


class DetentionListView(ObjectListView):
    """The custody register: the page names detained persons, so each page shown is an audited read."""

    model = Detention
    filterset_class = DetentionFilterSet
    table_class = DetentionTable
    create_url_name = "custody:detention-new"
    export_audited = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "person", "article")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = context["object_list"]
        record_export(Actor.from_request(self.request), Detention, len(shown), self.request.GET.urlencode())
        return context


def safeguard_steps(detention: Detention, now) -> list[dict]:
    """Each safeguard the detention needs: when it is due, when it was given, and how it stands."""
    facts, given = detention.facts(), {step.kind: step for step in detention.safeguards.all()}
    return [
        {
            "kind": Safeguard(kind).label,
            "due": limits.due(facts, kind),
            "step": given.get(kind),
            "status": limits.standing(facts, kind, now),
        }
        for kind in limits.required(facts)
    ]


class DetentionDetailView(ObjectDetailView):
    model = Detention
    template_name = "custody/detention_detail.html"
    edit_url_name = "custody:detention-edit"
    audit_reads = True
    history_parts = ("safeguards", "interrogations")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("body", "person", "article", "crime", "officer", "keeper")
            .prefetch_related("safeguards", "interrogations")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        detention, now = self.object, timezone.now()
        context["flags"] = services.flags_now(detention)
        context["steps"] = safeguard_steps(detention, now)
        if context["can_edit"]:
            context["safeguard_form"] = SafeguardForm(user=self.request.user, prefix="safeguard")
            context["interrogation_form"] = InterrogationForm(user=self.request.user, prefix="interrogation")
        return context


class DetentionFormView(ServiceFormView):
    model = Detention
    form_class = DetentionForm
    create = staticmethod(services.detain)
    edit = staticmethod(services.edit_detention)
    record_name = "detention"
    audit_reads = True

    def extra(self, form) -> dict:
        return {"new_person": form.new_person()} if self.get_object() is None else {}


@login_required
@require_POST
def record_safeguard(request, pk: int):
    detention = get_object_or_404(Detention.objects.editable_by(request.user), pk=pk)
    form = SafeguardForm(request.POST, user=request.user, prefix="safeguard")

    earlier = detention.safeguards.filter(kind=request.POST.get("safeguard-kind", "")).first()

    def write(actor, data):
        services.record_safeguard(actor=actor, detention=detention, values=form.cleaned_values())

    done = (
        _("The safeguard was corrected: it had been recorded at %(at)s; the change is in the audit log.")
        % {"at": f"{timezone.localtime(earlier.at):%d.%m.%Y %H:%M}"}
        if earlier
        else _("The safeguard was recorded.")
    )
    return posted(request, form, write, done, detention, DetentionDetailView, "safeguard_form")


@login_required
@require_POST
def record_interrogation(request, pk: int):
    detention = get_object_or_404(Detention.objects.editable_by(request.user), pk=pk)
    form = InterrogationForm(request.POST, user=request.user, prefix="interrogation")

    def write(actor, data):
        services.record_interrogation(actor=actor, detention=detention, values=form.cleaned_values())

    return posted(
        request,
        form,
        write,
        _("The interrogation was recorded."),
        detention,
        DetentionDetailView,
        "interrogation_form",
    )


class WatchView(LoginRequiredMixin, TemplateView):
    """Those held now in the bodies in reach, the nearest limit first, each with its flags; and the
    detentions ended in the last day with a rule broken. A custody officer may keep to their own; a chief
    sees every custody officer's, with the count of each."""

    template_name = "custody/watch.html"
    refused: dict = {}

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=400 if self.refused else 200, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, now = self.request.user, timezone.now()
        if not can(user, "custody"):
            raise PermissionDenied(_("Your role does not reach custody records."))
        held = Detention.objects.visible_to(user).filter(ended_at__isnull=True)
        try:
            mine = bool(YesNoField(required=False).clean(self.request.GET.get("mine")))
        except ValidationError as error:
            mine, self.refused = False, {"mine": error.messages}
            context["refused"] = [f"{_('Mine')}: {' '.join(error.messages)}"]
        if mine:
            held = held.filter(keeper=user)
        held = held.select_related("person", "body", "keeper").prefetch_related(
            "safeguards", "interrogations"
        )
        rows = []
        for detention in held.order_by("limit_at"):
            found = services.flags_now(detention)
            rows.append({"detention": detention, "flags": found, "left": detention.limit_at - now})
        context["rows"] = rows
        context["flagged"] = sum(1 for row in rows if row["flags"])
        context["breached"] = sum(1 for row in rows if any(flag.breach for flag in row["flags"]))
        recent = Detention.objects.visible_to(user).filter(
            ended_at__gte=now - datetime.timedelta(days=1), breaches__gt=0
        )
        if mine:
            recent = recent.filter(keeper=user)
        context["recent"] = recent.select_related("person", "body").order_by("-ended_at")
        if getattr(user, "is_chief", False):
            keepers: dict[str, list[int]] = {}
            for row in rows:
                keeper = row["detention"].keeper
                name = (keeper.get_full_name() or keeper.username) if keeper else _("not assigned")
                counts = keepers.setdefault(name, [0, 0])
                counts[0] += 1
                counts[1] += bool(row["flags"])
            context["keepers"] = sorted(keepers.items())
        context["mine"] = mine
        context["can_record"] = can(user, "custody", CHANGE)
        record_export(Actor.from_request(self.request), Detention, len(rows), "watch list")
        return context
