"""The audit log taken out whole: JSON Lines, one entry a line, in the order of the chain, each with its
place and digest, so that what was exported can be proved against the chain's heads kept outside the
database. Entries are never deleted by any interface; the export is how they are kept beyond it."""

import datetime
import json
from collections.abc import Iterator

from django.db.models import F, QuerySet

from precinct.core.chain import FIELDS
from precinct.core.models import AuditEntry

COLUMNS = ["seq", "digest", *FIELDS]


def entries(since: datetime.date | None = None, until: datetime.date | None = None) -> QuerySet:
    """The entries of the days from `since` to `until` (both included), sealed first in their places,
    then those not yet sealed in the order they were written."""
    found = AuditEntry.objects.all()
    if since is not None:
        found = found.filter(at__date__gte=since)
    if until is not None:
        found = found.filter(at__date__lte=until)
    return in_chain_order(found)


def in_chain_order(queryset: QuerySet) -> QuerySet:
    """Sealed entries in their places, then those not yet sealed as they were written (a NULL place sorts
    first on SQLite and last on PostgreSQL unless told)."""
    return queryset.order_by(F("seq").asc(nulls_last=True), "pk")


def lines(queryset: QuerySet) -> Iterator[str]:
    """Each entry as one line of JSON, read in chunks so that a year of entries never sits in memory."""
    for row in queryset.values_list(*COLUMNS).iterator(chunk_size=5000):
        entry = dict(zip(COLUMNS, row, strict=True))
        entry["at"] = entry["at"].astimezone(datetime.UTC).isoformat()
        yield json.dumps(entry, ensure_ascii=False, default=str) + "\n"
