from django.urls import path

from precinct.core.references import lookup_view
from precinct.personnel import views
from precinct.personnel.references import EMPLOYEE

app_name = "personnel"

urlpatterns = [
    path("", views.EmployeeListView.as_view(), name="employee-list"),
    path("<int:pk>/", views.EmployeeDetailView.as_view(), name="employee"),
    path("<int:pk>/service/", views.record_move, name="employee-move"),
    path("<int:pk>/service/take-back/", views.take_back_step, name="employee-take-back"),
    path("<int:pk>/awards/", views.grant_award, name="employee-award"),
    path("investigations/", views.InvestigationListView.as_view(), name="investigation-list"),
    path("investigations/new/", views.InvestigationFormView.as_view(), name="investigation-new"),
    path("investigations/<int:pk>/", views.InvestigationDetailView.as_view(), name="investigation"),
    path("investigations/<int:pk>/edit/", views.InvestigationFormView.as_view(), name="investigation-edit"),
    path("courses/", views.CourseListView.as_view(), name="course-list"),
    path("courses/new/", views.CourseFormView.as_view(), name="course-new"),
    path("courses/<int:pk>/", views.CourseDetailView.as_view(), name="course"),
    path("courses/<int:pk>/edit/", views.CourseFormView.as_view(), name="course-edit"),
    path("courses/<int:pk>/participants/", views.enrol, name="course-enrol"),
    path("casualties/new/", views.CasualtyFormView.as_view(), name="casualty-new"),
    path("casualties/<int:pk>/edit/", views.CasualtyFormView.as_view(), name="casualty-edit"),
    path("memorial/", views.MemorialView.as_view(), name="memorial"),
    path("lookup/employees/", lookup_view(EMPLOYEE), name="lookup-employee"),
]
