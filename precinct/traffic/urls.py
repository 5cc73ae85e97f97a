from django.urls import path

from precinct.traffic import views

app_name = "traffic"

urlpatterns = [
    path("", views.ViolationListView.as_view(), name="violation-list"),
    path("<int:pk>/", views.ViolationDetailView.as_view(), name="violation"),
    path("<int:pk>/payment/", views.PaymentView.as_view(), name="payment"),
    path("import/", views.ViolationImportView.as_view(), name="import"),
    path("batches/", views.FeedBatchListView.as_view(), name="batch-list"),
    path("batches/<int:pk>/", views.FeedBatchDetailView.as_view(), name="batch"),
    path("accidents/", views.AccidentListView.as_view(), name="accident-list"),
    path("accidents/new/", views.AccidentFormView.as_view(), name="accident-new"),
    path("accidents/<int:pk>/", views.AccidentDetailView.as_view(), name="accident"),
    path("accidents/<int:pk>/edit/", views.AccidentFormView.as_view(), name="accident-edit"),
    path("devices/", views.DeviceListView.as_view(), name="device-list"),
    path("devices/new/", views.DeviceFormView.as_view(), name="device-new"),
    path("devices/<int:pk>/", views.DeviceDetailView.as_view(), name="device"),
    path("devices/<int:pk>/edit/", views.DeviceFormView.as_view(), name="device-edit"),
]
