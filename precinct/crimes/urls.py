from django.urls import path

from precinct.core.references import lookup_view
from precinct.crimes import views
from precinct.crimes.importers import CrimeImportView
from precinct.crimes.references import CRIME, PERSON

app_name = "crimes"

urlpatterns = [
    path("", views.CrimeListView.as_view(), name="crime-list"),
    path("new/", views.CrimeFormView.as_view(), name="crime-new"),
    path("import/", CrimeImportView.as_view(), name="crime-import"),
    path("lookup/crimes/", lookup_view(CRIME), name="lookup-crime"),
    path("lookup/persons/", lookup_view(PERSON), name="lookup-person"),
    path("<int:pk>/", views.CrimeDetailView.as_view(), name="crime"),
    path("<int:pk>/edit/", views.CrimeFormView.as_view(), name="crime-edit"),
    path("<int:pk>/parties/", views.PartyAddView.as_view(), name="party-add"),
    path("parties/<int:pk>/remove/", views.PartyRemoveView.as_view(), name="party-remove"),
    path("persons/", views.PersonListView.as_view(), name="person-list"),
    path("persons/new/", views.PersonFormView.as_view(), name="person-new"),
    path("persons/<int:pk>/", views.PersonDetailView.as_view(), name="person"),
    path("persons/<int:pk>/edit/", views.PersonFormView.as_view(), name="person-edit"),
    path("wanted/", views.WantedListView.as_view(), name="wanted-list"),
    path("wanted/new/", views.WantedFormView.as_view(), name="wanted-new"),
    path("wanted/<int:pk>/", views.WantedDetailView.as_view(), name="wanted"),
    path("wanted/<int:pk>/edit/", views.WantedFormView.as_view(), name="wanted-edit"),
    path("groups/", views.CriminalGroupListView.as_view(), name="group-list"),
    path("groups/new/", views.CriminalGroupFormView.as_view(), name="group-new"),
    path("groups/<int:pk>/", views.CriminalGroupDetailView.as_view(), name="group"),
    path("groups/<int:pk>/edit/", views.CriminalGroupFormView.as_view(), name="group-edit"),
]
