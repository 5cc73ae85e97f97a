from django.urls import path

from precinct.core.references import lookup_view
from precinct.custody import views
from precinct.organisation.references import EMPLOYEE

app_name = "custody"

urlpatterns = [
    path("", views.DetentionListView.as_view(), name="detention-list"),
    path("watch/", views.WatchView.as_view(), name="watch"),
    path("new/", views.DetentionFormView.as_view(), name="detention-new"),
    path("lookup/employees/", lookup_view(EMPLOYEE), name="lookup-employee"),
    path("<int:pk>/", views.DetentionDetailView.as_view(), name="detention"),
    path("<int:pk>/edit/", views.DetentionFormView.as_view(), name="detention-edit"),
    path("<int:pk>/safeguards/", views.record_safeguard, name="detention-safeguard"),
    path("<int:pk>/interrogations/", views.record_interrogation, name="detention-interrogation"),
]
