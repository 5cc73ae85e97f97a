from django.urls import path

from precinct.appeals import views
from precinct.appeals.references import APPLICATION
from precinct.core.references import lookup_view

app_name = "appeals"

urlpatterns = [
    path("", views.ApplicationListView.as_view(), name="application-list"),
    path("new/", views.ApplicationFormView.as_view(), name="application-new"),
    path("lookup/applications/", lookup_view(APPLICATION), name="lookup-application"),
    path("<int:pk>/", views.ApplicationDetailView.as_view(), name="application"),
    path("<int:pk>/edit/", views.ApplicationFormView.as_view(), name="application-edit"),
    path("<int:pk>/<slug:step>/", views.WorkflowView.as_view(), name="step"),
    path("attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
    path("reception-days/", views.ReceptionDayListView.as_view(), name="reception-day-list"),
    path("reception-days/new/", views.ReceptionDayFormView.as_view(), name="reception-day-new"),
    path("reception-days/<int:pk>/", views.ReceptionDayDetailView.as_view(), name="reception-day"),
    path("reception-days/<int:pk>/edit/", views.ReceptionDayFormView.as_view(), name="reception-day-edit"),
    path("feedback/", views.FeedbackListView.as_view(), name="feedback-list"),
]
