from django.urls import path

from precinct.drugs import views

app_name = "drugs"

urlpatterns = [
    path("", views.SeizureListView.as_view(), name="seizure-list"),
    path("new/", views.SeizureFormView.as_view(), name="seizure-new"),
    path("<int:pk>/", views.SeizureDetailView.as_view(), name="seizure"),
    path("<int:pk>/edit/", views.SeizureFormView.as_view(), name="seizure-edit"),
    path("events/", views.PreventionEventListView.as_view(), name="event-list"),
    path("events/new/", views.PreventionEventFormView.as_view(), name="event-new"),
    path("events/<int:pk>/", views.PreventionEventDetailView.as_view(), name="event"),
    path("events/<int:pk>/edit/", views.PreventionEventFormView.as_view(), name="event-edit"),
]
