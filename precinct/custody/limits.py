"""The legal time limits of a detention and what breaks them, as plain arithmetic on moments.

Every limit is counted in elapsed hours from the moment of actual detention: 48 hours are 48 hours across
midnight, a weekend or a change of the clock (the moments are compared in UTC, never as wall-clock times,
which a clock change would shift by an hour). A limit is kept when what it asks for is recorded by then;
it is broken when its moment passes while the person is still held without it, or when it is recorded
late. Nothing here reads the database: `Facts` are what the records say, `flags` what follows from them
at a moment.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

UTC = datetime.UTC


class Safeguard(models.TextChoices):
    RIGHTS = "rights", _("rights explained, notice signed")
    FAMILY = "family", _("family or a person of their choice told")
    LAWYER = "lawyer", _("defence lawyer present")
    INTERPRETER = "interpreter", _("interpreter present")
    MEDICAL = "medical", _("medical examination")
    PROSECUTOR = "prosecutor", _("prosecutor told")


# Rules broken (breaches) and rules about to be (warnings).
LIMIT_PASSED = "limit_passed"
LIMIT_NEAR = "limit_near"
MISSING = "missing"
LATE = "late"
UNRECORDED = "unrecorded_interrogation"
WITHOUT_LAWYER = "interrogation_without_lawyer"
WITHOUT_INTERPRETER = "interrogation_without_interpreter"

RULES = {
    LIMIT_PASSED: _("held past the 48-hour limit"),
    LIMIT_NEAR: _("the 48-hour limit is near"),
    MISSING: _("a safeguard is missing"),
    LATE: _("a safeguard came late"),
    UNRECORDED: _("an interrogation without a recording"),
    WITHOUT_LAWYER: _("an interrogation without the lawyer"),
    WITHOUT_INTERPRETER: _("an interrogation without the interpreter"),
}


# What is owed from the outset, however soon the person goes free: released before its hour without it,
# the detention still broke the rule. A medical examination or the prosecutor's notice, due later, is not
# owed to one released before it was due.
OWED_FROM_THE_OUTSET = ("rights", "family", "lawyer", "interpreter")


def after(moment: datetime.datetime, hours: float) -> datetime.datetime:
    """The moment `hours` of elapsed time after `moment` (in UTC: a clock change does not move it)."""
    return moment.astimezone(UTC) + datetime.timedelta(hours=hours)


@dataclass(frozen=True)
class Interview:
    started_at: datetime.datetime
    recorded: bool
    lawyer_present: bool
    interpreter_present: bool


@dataclass(frozen=True)
class Facts:
    """What the records of one detention say."""

    detained_at: datetime.datetime
    ended_at: datetime.datetime | None = None
    needs_interpreter: bool = False
    done: dict[str, datetime.datetime] = field(default_factory=dict)  # safeguard → when it was done
    interviews: tuple[Interview, ...] = ()


@dataclass(frozen=True)
class Flag:
    rule: str
    safeguard: str = ""  # the safeguard missing or late
    due: datetime.datetime | None = None

    @property
    def breach(self) -> bool:
        return self.rule != LIMIT_NEAR

    @property
    def label(self) -> str:
        rule = str(RULES[self.rule])
        return f"{rule}: {Safeguard(self.safeguard).label}" if self.safeguard else rule


def limit(facts: Facts) -> datetime.datetime:
    """The moment by which the person is released or brought to a court."""
    return after(facts.detained_at, settings.CUSTODY_LIMIT_HOURS)


def required(facts: Facts) -> list[str]:
    """The safeguards this detention needs (an interpreter only for one who needs one)."""
    return [
        kind for kind in settings.CUSTODY_SAFEGUARD_HOURS if kind != "interpreter" or facts.needs_interpreter
    ]


def due(facts: Facts, safeguard: str) -> datetime.datetime:
    return after(facts.detained_at, settings.CUSTODY_SAFEGUARD_HOURS[safeguard])


def flags(facts: Facts, now: datetime.datetime) -> list[Flag]:
    """Every rule the detention breaks, or is about to, at `now` (for an ended one: for good)."""
    held_until = (facts.ended_at or now).astimezone(UTC)
    found: list[Flag] = []
    ends = limit(facts)
    if held_until > ends:
        found.append(Flag(LIMIT_PASSED, due=ends))
    elif facts.ended_at is None and held_until > ends - datetime.timedelta(
        hours=settings.CUSTODY_WARNING_HOURS
    ):
        found.append(Flag(LIMIT_NEAR, due=ends))
    for safeguard in required(facts):
        deadline, done = due(facts, safeguard), facts.done.get(safeguard)
        if done is None and (held_until > deadline or (facts.ended_at and safeguard in OWED_FROM_THE_OUTSET)):
            found.append(Flag(MISSING, safeguard, deadline))
        elif done is not None and done.astimezone(UTC) > deadline:
            found.append(Flag(LATE, safeguard, deadline))
    for interview in facts.interviews:
        if not interview.recorded:
            found.append(Flag(UNRECORDED, due=interview.started_at))
        if not interview.lawyer_present:
            found.append(Flag(WITHOUT_LAWYER, due=interview.started_at))
        if facts.needs_interpreter and not interview.interpreter_present:
            found.append(Flag(WITHOUT_INTERPRETER, due=interview.started_at))
    return found


def standing(facts: Facts, safeguard: str, now: datetime.datetime) -> str:
    """How one safeguard stands: done, late, missing, pending (still held, not yet due) or not owed
    (released before it was due)."""
    deadline, done = due(facts, safeguard), facts.done.get(safeguard)
    if done is not None:
        return "late" if done.astimezone(UTC) > deadline else "done"
    if any(flag.rule == MISSING and flag.safeguard == safeguard for flag in flags(facts, now)):
        return "missing"
    return "not_owed" if facts.ended_at is not None else "pending"


def in_time(facts: Facts) -> bool:
    """An ended detention with every safeguard in time and no rule broken."""
    return facts.ended_at is not None and not any(f.breach for f in flags(facts, facts.ended_at))
