"""Territorial reach as a queryset filter: every scoped model's manager offers `visible_to(user)`."""

from django.db import models
from django.db.models import Q

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


class ScopedModel(models.Model):
    """A record that belongs to a territorial body; `domain` names the permission domain."""

    domain = ""
    body_field = "body"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
