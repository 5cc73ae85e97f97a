"""Changes of the organisation: a body founded, renamed, moved under another parent, closed.

Every change is audited, the bodies under a moved one included, and every figure follows it in the same
transaction: the rollups count a record in the cells of its body and of every body above it, so a move
takes the moved body's cells (which hold its whole subtree) out of the bodies it leaves and into those it
joins (`core.rollups.move_cells`). Nothing is kept per process, so every running process sees the new
organisation at its next write or report. A move is never refused for the figures' sake.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from precinct.core import services
from precinct.core.audit import Actor, record, snapshot
from precinct.core.models import Action
from precinct.core.rollups import move_cells, read_chains
from precinct.core.scope import dated_models
from precinct.organisation.models import Body

EDITABLE = {"code", "name_az", "name_en", "name_ru", "kind", "parent", "founded", "closed"}


def body_rules(body: Body) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {"parent": [], "code": [], "closed": [], "founded": []}
    parent = body.parent
    if parent is None and Body.objects.filter(parent=None).exclude(pk=body.pk).exists():
        errors["parent"].append(_("Only the ministry stands above every other body: choose a parent."))
    if parent is not None and parent.closed and not body.closed:
        errors["parent"].append(_("“%(parent)s” is closed: an open body cannot be placed under it.")
                                % {"parent": parent})  # fmt: skip
    if body.pk and parent is not None and parent.path.startswith(Body.objects.get(pk=body.pk).path):
        errors["parent"].append(_("A body cannot be placed under itself or a body under it."))
    if Body.objects.filter(code=body.code).exclude(pk=body.pk).exists():
        errors["code"].append(_("Another body has the code “%(code)s”.") % {"code": body.code})
    if body.closed and body.pk and Body.objects.filter(parent=body, closed__isnull=True).exists():
        errors["closed"].append(_("Bodies under it are still open: move or close them first."))
    if body.closed and body.founded and body.closed < body.founded:
        errors["closed"].append(_("A body cannot close before it was founded."))
    if body.pk and (body.founded or body.closed):
        for field, reason in records_outside_life(body):
            errors[field].append(reason)
    return errors


def records_outside_life(body: Body) -> list[tuple[str, str]]:
    """Its own records that a body's founding or closing day would leave outside its life (a change of
    its life moves no record), as a reason by field for each kind of record."""
    found = []
    for model in dated_models():
        records = model._default_manager.filter(body=body)
        kind = model._meta.verbose_name_plural
        if body.founded and records.dated_before(body.founded).exists():
            reason = _("Some of its %(kind)s are dated before this day.") % {"kind": kind}
            found.append(("founded", reason))
        if body.closed and records.dated_after(body.closed).exists():
            reason = _("Some of its %(kind)s are dated after this day.") % {"kind": kind}
            found.append(("closed", reason))
    return found


def found_body(*, actor: Actor, values: dict) -> Body:
    """A new territorial body, under the parent the values name."""
    services.ensure_allowed(actor, "organisation")
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError({name: [_("Not a field of a body.")] for name in sorted(unknown)})
    return services.create(actor, Body(**values), rules=body_rules)


@transaction.atomic
def edit_body(*, actor: Actor, body: Body, values: dict) -> Body:
    """Rename, re-code, move or close a body; the bodies under it move with it, and every figure too."""
    services.ensure_allowed(actor, "organisation")
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError({name: [_("Not a field of a body.")] for name in sorted(unknown)})
    current = Body.objects.select_for_update().get(pk=body.pk)
    old_path = current.path
    # The moved subtree is locked before its cells are read: writes under way in it finish first, and
    # writes that come after wait and then read the new chain (core.rollups.read_chains).
    below = list(Body.objects.select_for_update().filter(path__startswith=old_path).exclude(pk=current.pk))
    old_chain = read_chains([current.pk])[current.pk]
    before = snapshot(current)
    for name, value in values.items():
        setattr(current, name, value)
    services.ensure_valid(body_rules(current))
    current.relocating = True
    current.save()
    if current.path != old_path:
        moved_with = _("moved with “%(body)s”") % {"body": current.code}
        for other in below:
            other_before = snapshot(other)
            other.path = current.path + other.path[len(old_path) :]
            Body.objects.filter(pk=other.pk).update(path=other.path)
            record(actor, Action.UPDATE, other, other_before, snapshot(other), note=moved_with)
    new_chain = read_chains([current.pk])[current.pk]
    if new_chain != old_chain:
        move_cells(current.pk, old_chain, new_chain)
    after = snapshot(current)
    if after != before:
        record(actor, Action.UPDATE, current, before, after)
    return current


def move_body(*, actor: Actor, body: Body, parent: Body) -> Body:
    return edit_body(actor=actor, body=body, values={"parent": parent})


def close_body(*, actor: Actor, body: Body, on: datetime.date) -> Body:
    """A body closed keeps its records and its place in every figure of the periods it worked in."""
    return edit_body(actor=actor, body=body, values={"closed": on})
