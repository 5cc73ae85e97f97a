"""API lists page by cursor, newest first, without counting the collection (50 M violations are never
counted to show 50 of them); the page size is the client's to choose, up to a bound that keeps any page,
however nested its rows, under 100 ms (a page of 500 nested detentions took a quarter of a second)."""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

CURSOR = re.compile(r"[A-Za-z0-9_=-]+")  # a cursor is URL-safe base64


class RecordCursorPagination(CursorPagination):
    ordering = "-pk"  # the primary key's index serves the order on every table
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request) -> int:
        """The size asked for, or the default; anything but a whole number from 1 to the bound is refused
        by name (DRF would fall back to the default in silence, or cut a size too large)."""
        asked = request.query_params.get(self.page_size_query_param)
        if asked is None:
            return self.page_size
        if not asked.isdigit() or not 1 <= int(asked) <= self.max_page_size:
            message = _("Enter a whole number from 1 to %(most)d.") % {"most": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return int(asked)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] |= {"minimum": 1, "maximum": self.max_page_size}
        return parameters

    def decode_cursor(self, request):
        """A cursor is the one a page gave; one made up or cut short is a bad parameter, not a missing
        page (DRF answers 404)."""
        given = request.query_params.get(self.cursor_query_param)
        try:
            if given is not None and not CURSOR.fullmatch(given):  # DRF would read junk as the first page
                raise NotFound
            return super().decode_cursor(request)
        except NotFound:
            raise ValidationError(
                {self.cursor_query_param: [_("This cursor was not given by a page.")]}
            ) from None
