"""The only way to change custody records: validate, write and audit at once, within the actor's role and
reach; after every write the detention's standing against its time limits is worked out again from its
records (`settle`), so that the figures counted from them follow."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.core import services as core
from precinct.core.audit import Actor
from precinct.crimes.models import Person
from precinct.crimes.services import person_rules
from precinct.custody import limits
from precinct.custody.models import Detention, Ending, Interrogation, SafeguardRecord

CUSTODY = "custody"


def in_future(moment: datetime.datetime | None) -> bool:
    return moment is not None and moment > timezone.now() + datetime.timedelta(minutes=5)  # clock drift


def detention_errors(detention: Detention) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if in_future(detention.detained_at):
        errors["detained_at"] = [_("A moment in the future cannot be recorded yet.")]
    if detention.ended_at and in_future(detention.ended_at):
        errors["ended_at"] = [_("A moment in the future cannot be recorded yet.")]
    if detention.ended_at and detention.detained_at and detention.ended_at < detention.detained_at:
        errors["ended_at"] = [_("A detention ends after the moment of actual detention.")]
    if bool(detention.ended_at) != bool(detention.ending):
        field = "ending" if detention.ended_at else "ended_at"
        errors[field] = [_("Give both the moment the detention ended and how it ended.")]
    if detention.ending == Ending.ARRESTED and not detention.court_order:
        errors["court_order"] = [_("An arrest is by a court's order: give its number and date.")]
    if detention.court_order and detention.ending != Ending.ARRESTED:
        errors["court_order"] = [_("A court's order is given for an arrest by the court only.")]
    errors |= court_order_date_errors(detention)
    if detention.person_id and detention.detained_at and held_elsewhere(detention):
        errors["detained_at"] = [_("This person is recorded as held at this moment in another detention.")]
    if detention.needs_interpreter and not detention.language:
        errors["language"] = [_("Name the language the interpreter is needed for.")]
    if detention.pk and detention.ended_at:
        last = max(
            [s.at for s in detention.safeguards.all()] + [i.ended_at for i in detention.interrogations.all()],
            default=None,
        )
        if last and last > detention.ended_at:
            errors["ended_at"] = [
                _("A safeguard or an interrogation is recorded after this moment (%(at)s).")
                % {"at": f"{timezone.localtime(last):%d.%m.%Y %H:%M}"}
            ]
    return errors


def court_order_date_errors(detention: Detention) -> dict[str, list[str]]:
    """The court's order is dated with its number, on a day from the detention to the arrest."""
    day = detention.court_order_on
    if detention.court_order and day is None:
        return {"court_order_on": [_("Give the date of the court's order.")]}
    if day is None:
        return {}
    if not detention.court_order:
        return {"court_order_on": [_("A date is given with the court's order it dates.")]}
    detained = timezone.localdate(detention.detained_at) if detention.detained_at else None
    ended = timezone.localdate(detention.ended_at) if detention.ended_at else None
    if (detained and day < detained) or (ended and day > ended):
        return {
            "court_order_on": [
                _("The court's order is dated from the day of detention to the day of the arrest.")
            ]
        }
    return {}


def held_elsewhere(detention: Detention) -> bool:
    """Whether another detention of the person overlaps this one: nobody is held twice at once. (It is
    said whatever the reach, without naming the other detention or its body.)"""
    others = Detention.objects.filter(person_id=detention.person_id).exclude(pk=detention.pk)
    ends = detention.ended_at
    overlapping = others.filter(Q(ended_at__isnull=True) | Q(ended_at__gt=detention.detained_at))
    if ends is not None:
        overlapping = overlapping.filter(detained_at__lt=ends)
    return overlapping.exists()


def while_held(detention: Detention, field: str, moment: datetime.datetime | None) -> dict[str, list[str]]:
    """A moment of a safeguard or an interrogation: after the detention began, while it lasted."""
    if moment is None:
        return {}
    if in_future(moment):
        return {field: [_("A moment in the future cannot be recorded yet.")]}
    if moment < detention.detained_at:
        return {field: [_("This is before the moment of actual detention (%(at)s); it must come after it.")
                        % {"at": f"{timezone.localtime(detention.detained_at):%d.%m.%Y %H:%M}"}]}  # fmt: skip
    if detention.ended_at and moment > detention.ended_at:
        return {field: [_("This is after the detention ended (%(at)s); it must come before.")
                        % {"at": f"{timezone.localtime(detention.ended_at):%d.%m.%Y %H:%M}"}]}  # fmt: skip
    return {}


def settle(detention: Detention) -> Detention:
    """Work out the detention's limit and standing from its records and keep them on it. An open one is
    not yet in time or past it: that is judged when it ends; until then its flags are shown live. The
    fields are derived from audited records, so their change is not audited again."""
    detention = Detention.objects.prefetch_related("safeguards", "interrogations").get(pk=detention.pk)
    facts = detention.facts()
    final = limits.flags(facts, facts.ended_at) if facts.ended_at else []
    derived = {
        "limit_at": limits.limit(facts),
        "in_time": bool(facts.ended_at) and not any(flag.breach for flag in final),
        "overran": any(flag.rule == limits.LIMIT_PASSED for flag in final),
        "breaches": sum(flag.breach for flag in final),
    }
    Detention.objects.filter(pk=detention.pk).update(**derived)
    for name, value in derived.items():
        setattr(detention, name, value)
    return detention


def linked(actor: Actor, detention: Detention) -> None:
    """The person, crime and officer named must be within the actor's reach; the article follows the
    crime unless one is given."""
    core.ensure_visible(actor, "person", [detention.person])
    core.ensure_visible(actor, "crime", [detention.crime])
    if detention.crime_id and not detention.article_id:
        detention.article = detention.crime.article


@transaction.atomic
def detain(*, actor: Actor, values: dict, new_person: dict | None = None) -> Detention:
    """A detention recorded by the actor, who keeps it as its custody officer; a person not in the crime
    register yet (`new_person`: surname, given name…) is added to the body's register with it, audited."""
    detention = Detention(**values)
    core.ensure_allowed(actor, CUSTODY, detention.body.path)
    if new_person:
        detention.person = core.create(actor, Person(body=detention.body, **new_person), person_rules)
    linked(actor, detention)
    detention.keeper = actor.user if getattr(actor.user, "is_authenticated", False) else None
    if detention.detained_at:
        detention.limit_at = limits.limit(limits.Facts(detention.detained_at))
    detention = core.create(actor, detention, detention_errors)
    return settle(detention)


@transaction.atomic
def edit_detention(*, actor: Actor, detention: Detention, values: dict,
                   expected_version: int | None = None) -> Detention:  # fmt: skip
    """Any change, the end of the detention included (`ended_at`, `ending`, a court's order)."""
    core.ensure_allowed(actor, CUSTODY, detention.body.path)
    if "body" in values:
        core.ensure_allowed(actor, CUSTODY, values["body"].path)
    probe = Detention(**{**{f: getattr(detention, f) for f in Detention.ENTERED_FIELDS}, **values})
    linked(actor, probe)
    values = values | {"article": probe.article}
    detention = core.update(actor, detention, values, detention_errors, expected_version)
    return settle(detention)


@transaction.atomic
def record_safeguard(*, actor: Actor, detention: Detention, values: dict) -> SafeguardRecord:
    """A safeguard given; one of a kind per detention, so a second record of the same kind corrects the
    first."""
    detention = Detention.objects.select_for_update().get(pk=detention.pk)
    core.ensure_allowed(actor, CUSTODY, detention.body.path)

    def rules(step: SafeguardRecord) -> dict[str, list[str]]:
        errors = while_held(detention, "at", step.at)
        if step.kind == "interpreter" and not detention.needs_interpreter:
            errors["kind"] = [_("The detention does not record that an interpreter is needed.")]
        return errors

    existing = detention.safeguards.filter(kind=values.get("kind")).first()
    if existing:
        step = core.update(actor, existing, values, rules)
    else:
        step = core.create(actor, SafeguardRecord(detention=detention, **values), rules)
    settle(detention)
    return step


def interrogation_errors(detention: Detention, interrogation: Interrogation) -> dict[str, list[str]]:
    errors = while_held(detention, "started_at", interrogation.started_at)
    errors |= while_held(detention, "ended_at", interrogation.ended_at)
    if (
        interrogation.ended_at
        and interrogation.started_at
        and interrogation.ended_at <= interrogation.started_at
    ):
        errors["ended_at"] = [_("An interrogation ends after it starts.")]
    elif interrogation.started_at and interrogation.ended_at:
        # One person is questioned in one interrogation at a time.
        overlapping = detention.interrogations.exclude(pk=interrogation.pk).filter(
            started_at__lt=interrogation.ended_at, ended_at__gt=interrogation.started_at
        )
        if overlapping.exists():
            errors["started_at"] = [_("Another interrogation of this person was going on at this time.")]
    return errors


@transaction.atomic
def record_interrogation(*, actor: Actor, detention: Detention, values: dict) -> Interrogation:
    detention = Detention.objects.select_for_update().get(pk=detention.pk)
    core.ensure_allowed(actor, CUSTODY, detention.body.path)
    interrogation = Interrogation(detention=detention, **values)
    interrogation = core.create(actor, interrogation, lambda i: interrogation_errors(detention, i))
    settle(detention)
    return interrogation


def flags_now(detention: Detention) -> list[limits.Flag]:
    """The detention's flags at this moment (its safeguards and interrogations prefetched)."""
    return limits.flags(detention.facts(), timezone.now())
