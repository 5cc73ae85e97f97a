"""The drugs' pages, declared over the generic views of `core.views`."""

from precinct.core.audit import Actor, record_named
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView
from precinct.crimes.models import Crime, Person
from precinct.drugs import services
from precinct.drugs.filtersets import PreventionEventFilterSet, SeizureFilterSet
from precinct.drugs.forms import PreventionEventForm, SeizureForm
from precinct.drugs.models import PreventionEvent, Seizure
from precinct.drugs.tables import PreventionEventTable, SeizureTable


class SeizureListView(ObjectListView):
    model = Seizure
    filterset_class = SeizureFilterSet
    table_class = SeizureTable
    create_url_name = "drugs:seizure-new"
    template_name = "drugs/seizure_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("body", "substance")


class SeizureDetailView(ObjectDetailView):
    model = Seizure
    template_name = "drugs/seizure_detail.html"
    edit_url_name = "drugs:seizure-edit"

    def get_queryset(self):
        return super().get_queryset().select_related("body", "substance")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["persons"] = self.object.persons.filter(pk__in=Person.objects.visible_to(user))
        record_named(Actor.from_request(self.request), context["persons"], self.object)
        # A crime of a body out of the user's reach is said to exist, and not named.
        context["crime"] = Crime.objects.visible_to(user).filter(pk=self.object.crime_id).first()
        return context


class SeizureFormView(ServiceFormView):
    model = Seizure
    form_class = SeizureForm
    create = staticmethod(services.register_seizure)
    edit = staticmethod(services.edit_seizure)
    record_name = "seizure"

    def extra(self, form) -> dict:
        return {"persons": form.cleaned_data["persons"]}


class PreventionEventListView(ObjectListView):
    model = PreventionEvent
    filterset_class = PreventionEventFilterSet
    table_class = PreventionEventTable
    create_url_name = "drugs:event-new"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class PreventionEventDetailView(ObjectDetailView):
    model = PreventionEvent
    template_name = "drugs/event_detail.html"
    edit_url_name = "drugs:event-edit"


class PreventionEventFormView(ServiceFormView):
    model = PreventionEvent
    form_class = PreventionEventForm
    create = staticmethod(services.save_event)
    edit = staticmethod(services.save_event)
    record_name = "event"
