"""Where the records lie, as the rollups' cells tell it: the first and last day of a domain's records and
the months that hold some (what "no data" is decided by, see `Measure.has_data`), the last day with
records, and whether a model's records have cells at all. Each is kept while the figures' generation
stands (`rollups.kept`)."""

import datetime
from functools import cache

from django.db import models

from precinct.core.rollups import DAY, ChainedRollup, kept, rollups


def ministry_id() -> int | None:
    """The ministry's id (the body over all others)."""
    from precinct.organisation.models import Body

    ministry = Body.objects.filter(parent=None).values_list("pk", flat=True)
    return kept(("ministry",), ministry.first)


def span(domain: str | None = None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day with records in a domain, or in any (the ministry's cells hold every
    body's): the days where some rollup keeps days, else the first day of the first month and the first
    of the last."""
    bounds = []
    ministry = ministry_id()
    sources = set()
    for rollup in rollups():
        source = (rollup.source, rollup.grain)  # one model's records span the same in all its rollups
        if not isinstance(rollup, ChainedRollup) or domain not in (None, rollup.model._meta.app_label):
            continue
        if source not in sources:
            sources.add(source)
            # Two seeks on the (body, month or day, …) index: MIN and MAX in one query scan all between.
            field = rollup.keys[1]
            cells = rollup.model._default_manager.filter(body_id=ministry).values_list(field, flat=True)
            first = cells.order_by(field).first()
            if first:
                bounds.append((rollup.grain == DAY, first, cells.order_by(f"-{field}").first()))
    if not bounds:
        return None
    exact = [bound for bound in bounds if bound[0]] or bounds
    return min(first for _exact, first, _last in exact), max(last for _exact, _first, last in exact)


def months_with_records(domain: str | None = None) -> frozenset[datetime.date]:
    """The months in which a domain (or any) has records, from the ministry's monthly cells; kept while
    the figures' generation stands."""

    def read() -> frozenset[datetime.date]:
        ministry = ministry_id()
        found: set[datetime.date] = set()
        for rollup in rollups():
            if isinstance(rollup, ChainedRollup) and domain in (None, rollup.model._meta.app_label):
                # Months from the monthly cells; from the daily ones too, where a rollup keeps only days
                # (crimes solved, by the day they were solved).
                field = rollup.keys[1]
                cells = rollup.model._default_manager.filter(body_id=ministry)
                found.update(day.replace(day=1) for day in cells.values_list(field, flat=True).distinct())
        return frozenset(found)

    return kept(("months", domain), read)


def last_day() -> datetime.date | None:
    """The last day with records in any domain, from the ministry's daily cells."""
    ministry = ministry_id()
    days = [
        rollup.model._default_manager.filter(body_id=ministry).aggregate(last=models.Max("day"))["last"]
        for rollup in rollups()
        if isinstance(rollup, ChainedRollup) and rollup.grain == DAY
    ]
    days = [day for day in days if day]
    return max(days) if days else None


@cache
def rolled_up(model: type[models.Model]) -> bool:
    """Whether some rollup sums this model's records (its proxies' included); found once per process."""
    concrete = model._meta.concrete_model
    return any(rollup.source._meta.concrete_model is concrete for rollup in rollups())


def domain_months(domain: str) -> frozenset[datetime.date] | None:
    """The months with a domain's records, or None when it keeps no rollup to tell."""
    if not any(isinstance(r, ChainedRollup) and r.model._meta.app_label == domain for r in rollups()):
        return None
    return months_with_records(domain)


def domain_span(domain: str) -> tuple[datetime.date, datetime.date] | None:
    """A domain's span of records, or None when it keeps no rollup to tell (kept between reports)."""
    if not any(isinstance(r, ChainedRollup) and r.model._meta.app_label == domain for r in rollups()):
        return None
    return kept(("span", domain), lambda: span(domain) or (datetime.date.max, datetime.date.max))
