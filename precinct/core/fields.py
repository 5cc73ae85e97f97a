"""Model fields the domains share."""

from django.db import models


class RowIdField(models.BigAutoField):
    """A primary key for high-volume records that are never deleted (violations from the feeds): on
    SQLite a plain rowid, without AUTOINCREMENT's bookkeeping on every insert."""

    def db_type_suffix(self, connection):
        return None if connection.vendor == "sqlite" else super().db_type_suffix(connection)
