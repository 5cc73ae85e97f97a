from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path
from django.views.defaults import page_not_found
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from precinct.accounts.forms import LoginForm
from precinct.appeals import open311
from precinct.appeals import public as appeals_public
from precinct.appeals.api import views as appeals_api
from precinct.core.audit_views import AuditLogView
from precinct.core.pages import favicon, toggle_accessible_mode
from precinct.crimes.api import views as crimes_api
from precinct.custody.api import views as custody_api
from precinct.drugs.api import views as drugs_api
from precinct.organisation.api import BodyViewSet
from precinct.personnel.api import views as personnel_api
from precinct.reports.api import WindowsView
from precinct.reports.public import statistics as public_statistics
from precinct.reports.views import dashboard
from precinct.traffic.api import views as traffic_api

router = DefaultRouter()
router.register("bodies", BodyViewSet, basename="body")
router.register("articles", crimes_api.ArticleViewSet, basename="article")
router.register("crimes", crimes_api.CrimeViewSet, basename="crime")
router.register("persons", crimes_api.PersonViewSet, basename="person")
router.register("participations", crimes_api.ParticipationViewSet, basename="participation")
router.register("wanted", crimes_api.WantedViewSet, basename="wanted")
router.register("groups", crimes_api.CriminalGroupViewSet, basename="group")
router.register("seizures", drugs_api.SeizureViewSet, basename="seizure")
router.register("prevention-events", drugs_api.PreventionEventViewSet, basename="prevention-event")
router.register("substances", drugs_api.SubstanceViewSet, basename="substance")
router.register("employees", personnel_api.EmployeeViewSet, basename="employee")
router.register("investigations", personnel_api.InvestigationViewSet, basename="investigation")
router.register("courses", personnel_api.CourseViewSet, basename="course")
router.register("casualties", personnel_api.CasualtyViewSet, basename="casualty")
router.register("detentions", custody_api.DetentionViewSet, basename="detention")
router.register("violations", traffic_api.ViolationViewSet, basename="violation")
router.register("accidents", traffic_api.AccidentViewSet, basename="accident")
router.register("devices", traffic_api.DeviceViewSet, basename="device")
router.register("applications", appeals_api.ApplicationViewSet, basename="application")
router.register("reception-days", appeals_api.ReceptionDayViewSet, basename="reception-day")
router.register("feedback", appeals_api.FeedbackViewSet, basename="feedback")

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("favicon.ico", favicon),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("precinct.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accessibility/", toggle_accessible_mode, name="accessibility"),
    path("crimes/", include("precinct.crimes.urls")),
    path("drugs/", include("precinct.drugs.urls")),
    path("personnel/", include("precinct.personnel.urls")),
    path("custody/", include("precinct.custody.urls")),
    path("traffic/", include("precinct.traffic.urls")),
    path("appeals/", include("precinct.appeals.urls")),
    # Open without log-in: citizens' applications, tracking, reception days, Open311.
    path("apply/", appeals_public.submit, name="appeal-submit"),
    path("apply/track/", appeals_public.track, name="appeal-track"),
    path("reception-days/", appeals_public.reception_days, name="public-reception-days"),
    path("reception-days.ics", appeals_public.reception_days_ical, name="public-reception-days-ical"),
    path("open311/v2/services.json", open311.services, name="open311-services"),
    path("open311/v2/services/<slug:code>.json", open311.service_definition, name="open311-service"),
    path("open311/v2/requests.json", open311.requests, name="open311-requests"),
    path("open311/v2/requests/<str:number>.json", open311.request_detail, name="open311-request"),
    path("audit/", AuditLogView.as_view(), name="audit-log"),
    path("reports/", include("precinct.reports.urls")),
    path("api/windows/", WindowsView.as_view(), name="api-windows"),
    path("statistics/", public_statistics, name="public-statistics"),
    path("admin/", admin.site.urls),
    path("api/violations/batch/", traffic_api.ViolationBatchView.as_view(), name="violation-batch"),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI sets inline styles; its scripts stay under the strict policy.
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema")
        ),
        name="api-docs",
    ),
]


def not_found(request, exception):
    """A path that names nothing: JSON under the API, as every other answer there; the page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)


handler404 = not_found
