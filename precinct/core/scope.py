"""Territorial reach as a queryset filter: every scoped model's manager offers `visible_to(user)`; and the
life of a body, which the records of its days must fall in."""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from precinct.core.periods import LOCAL
from precinct.core.roles import CHANGE, VIEW, can


def reach_filter(user, body_field: str) -> Q | None:
    """A filter on `body_field` for the bodies in the user's reach (a body includes those under it).

    None means the user reaches nothing.
    """
    paths = user.reach_paths()
    if not paths:
        return None
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{body_field}__path__startswith": path})
    return condition


class ScopedQuerySet(models.QuerySet):
    """A queryset of records that belong to a territorial body and to a domain."""

    def visible_to(self, user, action: str = VIEW) -> "ScopedQuerySet":
        model = self.model
        if not can(user, model.domain, action):
            return self.none()
        condition = reach_filter(user, model.body_field)
        return self.none() if condition is None else self.filter(condition)

    def editable_by(self, user) -> "ScopedQuerySet":
        return self.visible_to(user, CHANGE)

    def dated_before(self, day: datetime.date) -> "ScopedQuerySet":
        return self.filter(**{f"{self.model.day_field}__lt": day_start(self.model, day)})

    def dated_after(self, day: datetime.date) -> "ScopedQuerySet":
        return self.filter(
            **{f"{self.model.day_field}__gte": day_start(self.model, day + datetime.timedelta(1))}
        )


class ScopedModel(models.Model):
    """A record that belongs to a territorial body; `domain` names the permission domain."""

    domain = ""
    body_field = "body"
    # The field of the day a record happened in its body (a crime's registration, a detention's start), for
    # a record its body owns directly: a body has no record of a day before its founding or after its
    # closing. Blank for records of no day (a person) or placed by another record (a party to a crime).
    day_field = ""

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


def is_moment(model: type[models.Model]) -> bool:
    return isinstance(model._meta.get_field(model.day_field), models.DateTimeField)


def day_start(model: type[models.Model], day: datetime.date) -> datetime.date | datetime.datetime:
    """The day as the model's day field holds it: a date, or the moment the day begins in Baku."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=LOCAL) if is_moment(model) else day


def dated_models() -> list[type[ScopedModel]]:
    """The models whose records are dated in their body's life."""
    return [model for model in apps.get_models() if issubclass(model, ScopedModel) and model.day_field]


def outside_its_body(record: ScopedModel) -> dict[str, list[str]]:
    """A reason, by the day's field, if the record is dated outside its body's life."""
    field = record.day_field
    body, day = (
        getattr(record, "body", None) if field else None,
        getattr(record, field, None) if field else None,
    )
    if body is None or day is None:
        return {}
    if isinstance(day, datetime.datetime):
        day = day.astimezone(LOCAL).date()
    reason = outside_life(str(body), day, body.founded, body.closed)
    return {field: [reason]} if reason else {}


def outside_life(name: str, day: datetime.date, founded, closed) -> str | None:
    """Why a record of the day cannot be a body's (founded later, or closed before), or None."""
    if founded and day < founded:
        return _("“%(body)s” was founded on %(founded)s, after this day.") % {
            "body": name, "founded": f"{founded:%d.%m.%Y}"
        }  # fmt: skip
    if closed and day > closed:
        return _("“%(body)s” closed on %(closed)s, before this day.") % {
            "body": name, "closed": f"{closed:%d.%m.%Y}"
        }  # fmt: skip
    return None
