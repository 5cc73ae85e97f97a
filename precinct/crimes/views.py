"""The crime register's pages, declared over the generic views of `core.views`."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from precinct.core.audit import Actor, record_named
from precinct.core.roles import CHANGE, can
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView
from precinct.crimes import services
from precinct.crimes.filtersets import (
    CrimeFilterSet,
    CriminalGroupFilterSet,
    PersonFilterSet,
    WantedFilterSet,
)
from precinct.crimes.forms import CrimeForm, CriminalGroupForm, ParticipationForm, PersonForm, WantedForm
from precinct.crimes.models import Crime, CriminalGroup, Participation, Person, Wanted
from precinct.crimes.tables import CrimeTable, CriminalGroupTable, PersonTable, WantedTable


class CrimeListView(ObjectListView):
    model = Crime
    filterset_class = CrimeFilterSet
    table_class = CrimeTable
    create_url_name = "crimes:crime-new"
    template_name = "crimes/crime_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article__category")


class CrimeDetailView(ObjectDetailView):
    model = Crime
    template_name = "crimes/crime_detail.html"
    edit_url_name = "crimes:crime-edit"

    def get_queryset(self):
        return super().get_queryset().select_related("body", "article__category")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # Linked records are shown only where the user could open them too.
        context["parties"] = (
            Participation.objects.visible_to(user)
            .filter(crime=self.object)
            .filter(person__in=Person.objects.visible_to(user))
            .select_related("person")
        )
        context["searches"] = (
            Wanted.objects.visible_to(user).filter(crime=self.object).select_related("person")
        )
        context["groups"] = CriminalGroup.objects.visible_to(user).filter(crimes=self.object)
        actor = Actor.from_request(self.request)
        record_named(actor, {p.person for p in context["parties"]} | {s.person for s in context["searches"]},
                     self.object)  # fmt: skip
        if context["can_edit"]:
            context["party_form"] = ParticipationForm(user=self.request.user)
        return context


class CrimeFormView(ServiceFormView):
    model = Crime
    form_class = CrimeForm
    create = staticmethod(services.register_crime)
    edit = staticmethod(services.edit_crime)
    record_name = "crime"


class PartyAddView(LoginRequiredMixin, View):
    """Adds a person to a crime as accused, suspect or victim (a form on the crime's page)."""

    def post(self, request, pk):
        crime = get_object_or_404(Crime.objects.editable_by(request.user), pk=pk)
        form = ParticipationForm(request.POST, user=request.user)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
            return redirect(crime)
        try:
            services.add_party(actor=Actor.from_request(request), crime=crime, **form.cleaned_values())
        except (ValidationError, IntegrityError):
            messages.error(request, _("This person already has this role in the crime."))
        return redirect(crime)


class PartyRemoveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        if not can(request.user, "crimes", CHANGE):
            raise PermissionDenied
        participation = get_object_or_404(Participation.objects.editable_by(request.user), pk=pk)
        services.remove_party(actor=Actor.from_request(request), participation=participation)
        return redirect(participation.crime)


class PersonListView(ObjectListView):
    model = Person
    filterset_class = PersonFilterSet
    table_class = PersonTable
    create_url_name = "crimes:person-new"
    export_audited = True

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class PersonDetailView(ObjectDetailView):
    model = Person
    template_name = "crimes/person_detail.html"
    edit_url_name = "crimes:person-edit"
    audit_reads = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reach = Participation.objects.visible_to(self.request.user)
        context["parties"] = reach.filter(person=self.object).select_related("crime__body", "crime__article")
        return context


class PersonFormView(ServiceFormView):
    model = Person
    form_class = PersonForm
    audit_reads = True
    create = staticmethod(services.register_person)
    edit = staticmethod(services.edit_person)
    record_name = "person"


class WantedListView(ObjectListView):
    model = Wanted
    filterset_class = WantedFilterSet
    table_class = WantedTable
    create_url_name = "crimes:wanted-new"
    export_audited = True

    def get_queryset(self):
        return super().get_queryset().select_related("body", "person", "crime__body")


class WantedDetailView(ObjectDetailView):
    model = Wanted
    template_name = "crimes/wanted_detail.html"
    edit_url_name = "crimes:wanted-edit"
    audit_reads = True  # a wanted person's search


class WantedFormView(ServiceFormView):
    model = Wanted
    form_class = WantedForm
    create = staticmethod(services.open_search)
    edit = staticmethod(services.edit_search)
    record_name = "search"

    def get_initial(self):
        return {key: self.request.GET[key] for key in ("crime", "person", "body") if key in self.request.GET}


class CriminalGroupListView(ObjectListView):
    model = CriminalGroup
    filterset_class = CriminalGroupFilterSet
    table_class = CriminalGroupTable
    create_url_name = "crimes:group-new"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class CriminalGroupDetailView(ObjectDetailView):
    model = CriminalGroup
    template_name = "crimes/group_detail.html"
    edit_url_name = "crimes:group-edit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["members"] = Person.objects.visible_to(user).filter(groups=self.object)
        record_named(Actor.from_request(self.request), context["members"], self.object)
        context["crimes"] = Crime.objects.visible_to(user).filter(groups=self.object).select_related("body")
        context["hidden"] = (
            self.object.members.count()
            - len(context["members"])
            + self.object.crimes.count()
            - len(context["crimes"])
        )
        return context


class CriminalGroupFormView(ServiceFormView):
    model = CriminalGroup
    form_class = CriminalGroupForm
    create = staticmethod(services.register_group)
    edit = staticmethod(services.edit_group)
    record_name = "group"

    def extra(self, form) -> dict:
        return {"members": form.cleaned_data["members"], "crimes": form.cleaned_data["crimes"]}
