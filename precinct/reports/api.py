"""The statistics through the API: the standard windows of a body in reach."""

import datetime

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from precinct.core.roles import can
from precinct.reports.forms import WindowsForm
from precinct.reports.windows import windows


class WindowsView(APIView):
    """GET /api/windows/?body=CODE&as_of=YYYY-MM-DD: the last 7 and 28 days, the year to date and the
    last 365 days, each against the same days a year before."""

    @extend_schema(
        parameters=[
            OpenApiParameter("body", str, description="a body's code (default: the broadest in reach)"),
            OpenApiParameter("as_of", datetime.date, description="the last day (default: yesterday)"),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        if not can(request.user, "reports"):
            raise Http404
        form = WindowsForm(request.query_params, user=request.user)
        if not form.is_valid():  # a body out of reach is refused as one that does not exist: same words
            raise ValidationError(form.errors)
        if form.chosen_body() is None:  # a reach of no body
            raise Http404
        return Response(windows(form.chosen_body(), form.day(), request.user))
