from django.urls import path

from precinct.custody import views

app_name = "custody"

urlpatterns = [
    path("", views.DetentionListView.as_view(), name="detention-list"),
    path("watch/", views.WatchView.as_view(), name="watch"),
    path("new/", views.DetentionFormView.as_view(), name="detention-new"),
    path("<int:pk>/", views.DetentionDetailView.as_view(), name="detention"),
    path("<int:pk>/edit/", views.DetentionFormView.as_view(), name="detention-edit"),
    path("<int:pk>/safeguards/", views.record_safeguard, name="detention-safeguard"),
    path("<int:pk>/interrogations/", views.record_interrogation, name="detention-interrogation"),
]
