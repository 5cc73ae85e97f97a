"""The statistics through the API: the standard windows of a body in reach."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from precinct.core.roles import can
from precinct.organisation.models import Body
from precinct.reports.windows import as_of_default, windows


def chosen_body(user, code: str | None) -> Body:
    """The body asked for, within reach ("not found" for one out of reach); the broadest in reach
    when none is named."""
    bodies = Body.objects.visible_to(user).order_by("path")
    body = bodies.filter(code=code).first() if code else bodies.first()
    if body is None:
        raise Http404
    return body


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
        as_of = request.query_params.get("as_of")
        try:
            day = datetime.date.fromisoformat(as_of) if as_of else as_of_default()
        except ValueError:
            raise ValidationError({"as_of": [_("Enter a date as YYYY-MM-DD.")]}) from None
        body = chosen_body(request.user, request.query_params.get("body"))
        return Response(windows(body, day, request.user))
