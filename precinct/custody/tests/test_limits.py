"""The time limits of a detention, tried on moments drawn across midnight, weekends and changes of the
clock: 48 hours are 48 elapsed hours, a safeguard recorded by its moment is in time and one a second later
is not, and an open detention is flagged as its limit comes near and once it has passed."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from precinct.custody import limits

# Baku keeps no summer time since 2016; Berlin and New York change their clocks twice a year, so that a
# wall-clock reading of "48 hours later" would be an hour off across the change.
ZONES = [ZoneInfo("Asia/Baku"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")]

moments = st.builds(
    lambda zone, start, minutes: (start + datetime.timedelta(minutes=minutes)).replace(tzinfo=zone),
    st.sampled_from(ZONES),
    st.just(datetime.datetime(2015, 1, 1)),
    st.integers(min_value=0, max_value=12 * 365 * 24 * 60),
).map(lambda local: local.astimezone(local.tzinfo))  # a real local reading (gaps of a clock change folded)


def elapsed(start: datetime.datetime, end: datetime.datetime) -> float:
    return end.timestamp() - start.timestamp()


@hypothesis_settings(max_examples=400, deadline=None)
@given(moments)
def test_the_limit_is_48_elapsed_hours_whatever_the_day_or_the_clock(detained_at):
    ends = limits.limit(limits.Facts(detained_at))
    assert elapsed(detained_at, ends) == settings.CUSTODY_LIMIT_HOURS * 3600
    for kind, hours in settings.CUSTODY_SAFEGUARD_HOURS.items():
        assert elapsed(detained_at, limits.due(limits.Facts(detained_at), kind)) == hours * 3600


@hypothesis_settings(max_examples=400, deadline=None)
@given(moments, st.integers(min_value=-600, max_value=600))
def test_a_detention_ended_by_its_limit_is_in_time_and_one_ended_after_it_is_not(detained_at, seconds):
    ends = limits.limit(limits.Facts(detained_at)) + datetime.timedelta(seconds=seconds)
    done = {kind: detained_at for kind in settings.CUSTODY_SAFEGUARD_HOURS}
    facts = limits.Facts(detained_at, ended_at=ends, done=done)
    passed = [f for f in limits.flags(facts, ends) if f.rule == limits.LIMIT_PASSED]
    assert bool(passed) == (seconds > 0)
    assert limits.in_time(facts) == (seconds <= 0)


@hypothesis_settings(max_examples=400, deadline=None)
@given(moments, st.sampled_from(sorted(settings.CUSTODY_SAFEGUARD_HOURS)), st.integers(-3600, 3600))
def test_a_safeguard_is_late_one_second_after_its_moment(detained_at, kind, seconds):
    facts = limits.Facts(detained_at, needs_interpreter=True)
    at = limits.due(facts, kind) + datetime.timedelta(seconds=seconds)
    done = {other: detained_at for other in settings.CUSTODY_SAFEGUARD_HOURS} | {kind: at}
    ended = limits.limit(facts)
    found = limits.flags(limits.Facts(detained_at, ended, True, done), ended)
    assert [(f.rule, f.safeguard) for f in found] == ([(limits.LATE, kind)] if seconds > 0 else [])


@hypothesis_settings(max_examples=300, deadline=None)
@given(moments, st.floats(min_value=0, max_value=60))
def test_an_open_detention_is_flagged_as_its_limit_nears_and_once_it_passes(detained_at, hours_held):
    now = limits.after(detained_at, hours_held)
    done = {kind: detained_at for kind in settings.CUSTODY_SAFEGUARD_HOURS}
    rules = {f.rule for f in limits.flags(limits.Facts(detained_at, done=done), now)}
    limit, warning = settings.CUSTODY_LIMIT_HOURS, settings.CUSTODY_WARNING_HOURS
    assert (limits.LIMIT_PASSED in rules) == (hours_held > limit)
    assert (limits.LIMIT_NEAR in rules) == (limit - warning < hours_held <= limit)


def test_a_missing_safeguard_is_flagged_once_its_moment_passes_while_the_person_is_held():
    detained_at = datetime.datetime(2023, 3, 25, 23, 30, tzinfo=ZoneInfo("Asia/Baku"))  # a Saturday night
    family_due = limits.after(detained_at, settings.CUSTODY_SAFEGUARD_HOURS["family"])
    assert family_due.astimezone(ZoneInfo("Asia/Baku")).date() == datetime.date(2023, 3, 26)
    done = {"rights": detained_at}

    def missing(now):
        return {
            f.safeguard
            for f in limits.flags(limits.Facts(detained_at, done=done), now)
            if f.rule == "missing"
        }

    assert "family" not in missing(family_due)
    assert "family" in missing(family_due + datetime.timedelta(seconds=1))
    # Released within the hour: what is owed from the outset (the family told, a lawyer) was still owed,
    # what falls due later (the medical examination, the prosecutor's notice) was not.
    ended = limits.after(detained_at, 0.5)
    quick = limits.Facts(detained_at, ended_at=ended, done=done)
    assert {f.safeguard for f in limits.flags(quick, ended) if f.rule == "missing"} == {"family", "lawyer"}
    assert limits.standing(quick, "medical", ended) == "not_owed"
    owed = limits.Facts(detained_at, ended_at=ended, done=dict.fromkeys(limits.OWED_FROM_THE_OUTSET, ended))
    assert limits.in_time(owed)


def test_interrogations_without_a_recording_the_lawyer_or_a_needed_interpreter_are_breaches():
    detained_at = datetime.datetime(2023, 5, 1, 10, tzinfo=datetime.UTC)
    done = {kind: detained_at for kind in settings.CUSTODY_SAFEGUARD_HOURS}
    interview = limits.Interview(limits.after(detained_at, 2), recorded=False, lawyer_present=False,
                                 interpreter_present=False)  # fmt: skip
    facts = limits.Facts(detained_at, limits.after(detained_at, 10), True, done, (interview,))
    rules = sorted(f.rule for f in limits.flags(facts, facts.ended_at))
    assert rules == sorted([limits.UNRECORDED, limits.WITHOUT_LAWYER, limits.WITHOUT_INTERPRETER])
    assert not limits.in_time(facts)
