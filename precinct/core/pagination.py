"""API lists page by cursor, newest first, without counting the collection (50 M violations are never
counted to show 50 of them); the page size is the client's to choose, up to a bound."""

from rest_framework.pagination import CursorPagination


class RecordCursorPagination(CursorPagination):
    ordering = "-pk"  # the primary key's index serves the order on every table
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
