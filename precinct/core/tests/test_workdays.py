"""The working-day calendar of appeal deadlines: its arithmetic, and the Azerbaijani data it is fed."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from precinct.core.workdays import DEFAULT_DATA, Calendar, load_default

CALENDAR = load_default()
RAW = json.loads(DEFAULT_DATA.read_text(encoding="utf-8"))
YEARS = range(2018, 2028)


def d(text: str) -> date:
    return date.fromisoformat(text)


def naive_add(calendar: Calendar, start: date, count: int) -> date:
    """The deadline counted one day at a time, as a person with a wall calendar would."""
    day = start
    if count == 0:
        while not calendar.is_working(day):
            day += timedelta(days=1)
    while count:
        day += timedelta(days=1)
        count -= calendar.is_working(day)
    return day


# The arithmetic, on any calendar --------------------------------------------------------------------------

days = st.dates(min_value=date(2021, 1, 1), max_value=date(2028, 12, 31))
counts = st.integers(min_value=1, max_value=400)
weekend_days = st.builds(
    lambda day, sunday: day + timedelta(days=5 - day.weekday() + sunday), days, st.integers(0, 1)
)
calendars = st.builds(
    Calendar,
    holidays=st.frozensets(days, max_size=300),
    working_weekends=st.frozensets(weekend_days, max_size=40),
)
any_calendar = st.one_of(st.just(CALENDAR), calendars)


@given(any_calendar, days, st.integers(min_value=0, max_value=400))
def test_a_deadline_is_a_working_day(calendar, start, count):
    assert calendar.is_working(calendar.add_working_days(start, count))


@given(any_calendar, days, counts)
def test_a_deadline_leaves_exactly_its_count_of_working_days(calendar, start, count):
    deadline = calendar.add_working_days(start, count)
    assert deadline > start
    assert calendar.working_days_between(start, deadline) == count
    assert calendar.working_days_between(start, deadline - timedelta(days=1)) == count - 1


@given(any_calendar, days, counts, counts)
def test_a_longer_period_ends_later(calendar, start, count, other):
    shorter, longer = sorted((count, other))
    first = calendar.add_working_days(start, shorter)
    second = calendar.add_working_days(start, longer)
    assert first < second if shorter < longer else first == second
    assert calendar.add_working_days(start, 0) <= first


@given(calendars, days, st.integers(min_value=0, max_value=120))
def test_the_deadline_agrees_with_counting_day_by_day(calendar, start, count):
    assert calendar.add_working_days(start, count) == naive_add(calendar, start, count)


@given(any_calendar, days, days, days)
def test_working_days_add_up_across_consecutive_spans(calendar, a, b, c):
    a, b, c = sorted((a, b, c))
    assert calendar.working_days_between(a, b) + calendar.working_days_between(b, c) == (
        calendar.working_days_between(a, c)
    )
    assert calendar.working_days_between(c, a) == 0
    counted = sum(calendar.is_working(a + timedelta(days=i)) for i in range(1, (c - a).days + 1))
    assert calendar.working_days_between(a, c) == counted


@given(any_calendar, days)
def test_the_next_working_day_is_the_first_after(calendar, day):
    following = calendar.next_working_day(day)
    assert following > day
    assert calendar.is_working(following)
    assert not any(calendar.is_working(day + timedelta(days=i)) for i in range(1, (following - day).days))
    assert following == calendar.add_working_days(day, 1)


@given(any_calendar, days)
def test_a_period_of_no_days_ends_on_the_day_of_receipt_or_the_next_working_day(calendar, day):
    deadline = calendar.add_working_days(day, 0)
    assert deadline == (day if calendar.is_working(day) else calendar.next_working_day(day))


def test_a_declared_working_weekend_works_and_a_weekday_holiday_rests():
    saturday, monday = d("2030-01-05"), d("2030-01-07")
    calendar = Calendar(holidays=frozenset({monday}), working_weekends=frozenset({saturday}))
    assert calendar.is_working(saturday)
    assert not calendar.is_working(d("2030-01-06"))
    assert not calendar.is_working(monday)
    assert calendar.add_working_days(d("2030-01-04"), 2) == d("2030-01-08")


def test_nonsense_is_refused():
    with pytest.raises(ValueError, match="Saturdays or Sundays"):
        Calendar(holidays=frozenset(), working_weekends=frozenset({d("2030-01-07")}))
    with pytest.raises(ValueError, match="zero or more"):
        CALENDAR.add_working_days(d("2023-01-10"), -1)


def test_long_periods_are_counted_without_walking_the_calendar():
    start = d("2022-01-01")
    assert CALENDAR.add_working_days(start, 5000) == naive_add(CALENDAR, start, 5000)


def test_the_default_calendar_is_read_once():
    assert load_default() is load_default()


# Deadlines checked by hand against the data -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "count", "deadline"),
    [
        # 29, 30 Dec; 31 Dec-4 Jan rest (3-4 Jan carried over); 20 Jan mourning; 15th is 24 Jan.
        ("2022-12-28", 15, "2023-01-24"),
        # 16, 17 Mar; Novruz 20-24 Mar; from 27 Mar on, 13 more.
        ("2023-03-15", 15, "2023-04-12"),
        # Forwarding: 19 Mar; Novruz and Ramazan together rest 20-30 Mar 2026; then 31 Mar and 1 Apr.
        ("2026-03-18", 3, "2026-04-01"),
        # 10 Mar and 1 Apr 2025 were worked in exchange for 27-28 Mar; rest 20-31 Mar.
        ("2025-03-07", 15, "2025-04-09"),
        # 15-19 Jun 2024 (Salvation Day, Qurban, two carried over) and 26 Jun rest.
        ("2024-06-10", 30, "2024-07-26"),
        # 8-13 Nov 2024 rest (COP29 exchange); Saturday 16 Nov worked.
        ("2024-11-07", 3, "2024-11-16"),
        # Saturday 28 and Sunday 29 Dec 2024 worked; 30 Dec-5 Jan rest.
        ("2024-12-27", 1, "2024-12-28"),
        ("2024-12-27", 3, "2025-01-06"),
        # 2027 is statutory only: 8 Mar, 9-10 Mar Ramazan (estimated), 20-26 Mar Novruz and carry-overs.
        ("2027-03-05", 5, "2027-03-17"),
        ("2027-03-19", 1, "2027-03-29"),
        # A period of no days from a rest day ends on the first working day after it.
        ("2023-03-20", 0, "2023-03-27"),
        ("2023-03-15", 0, "2023-03-15"),
    ],
)
def test_known_deadlines(received, count, deadline):
    assert CALENDAR.add_working_days(d(received), count) == d(deadline)
    if count:
        assert CALENDAR.working_days_between(d(received), d(deadline)) == count


def test_an_answer_within_fifteen_days_extended_by_thirty():
    answer_due = CALENDAR.add_working_days(d("2023-03-15"), 15)
    # 21 and 24 Apr (Ramazan), 9 May and 29 May (Independence Day carried over) rest.
    assert CALENDAR.add_working_days(answer_due, 30) == d("2023-05-30")


# The Azerbaijani data ---------------------------------------------------------------------------------------


def test_the_data_file_is_well_formed():
    holidays = [d(entry["date"]) for entry in RAW["holidays"]]
    assert len(holidays) == len(set(holidays))
    assert all(entry["kind"] in {"holiday", "transferred"} for entry in RAW["holidays"])
    assert all(entry["name_en"] and entry["name_az"] for entry in RAW["holidays"])
    assert min(holidays) == d("2018-01-01") and max(holidays) == d("2027-12-31")
    assert all(d(entry["date"]).weekday() < 5 for entry in RAW["holidays"] if entry["kind"] == "transferred")
    assert all(entry["note_en"] for entry in RAW["working_weekends"])
    assert RAW["_notes"]


@pytest.mark.parametrize("year", YEARS)
def test_the_fixed_holidays_rest_every_year(year):
    for month, day in [(1, 1), (1, 2), (1, 20), (3, 8), (5, 9), (5, 28), (6, 15), (6, 26), (11, 9)]:
        assert date(year, month, day) in CALENDAR.holidays
    # Victory Day is a holiday from 2021 (the Labour Code as amended in December 2020).
    assert (date(year, 11, 8) in CALENDAR.holidays) == (year >= 2021)
    for day in range(20, 25):
        assert date(year, 3, day) in CALENDAR.holidays
    assert date(year, 12, 31) in CALENDAR.holidays


@pytest.mark.parametrize("year", YEARS)
def test_commemorative_days_stay_working_days(year):
    holidays = {d(entry["date"]) for entry in RAW["holidays"] if entry["kind"] == "holiday"}
    for month, day in [(9, 20), (9, 27), (10, 18), (11, 12), (11, 17)]:
        assert date(year, month, day) not in holidays


@pytest.mark.parametrize(
    ("year", "ramazan", "qurban"),
    [
        (2018, "2018-06-15", "2018-08-22"),
        (2019, "2019-06-05", "2019-08-12"),
        (2020, "2020-05-24", "2020-07-31"),
        (2021, "2021-05-13", "2021-07-20"),
        (2022, "2022-05-02", "2022-07-09"),
        (2023, "2023-04-21", "2023-06-28"),
        (2024, "2024-04-10", "2024-06-16"),
        (2025, "2025-03-30", "2025-06-06"),
        (2026, "2026-03-20", "2026-05-27"),
        (2027, "2027-03-09", "2027-05-16"),
    ],
)
def test_ramazan_and_qurban_are_two_days_each(year, ramazan, qurban):
    for first in (d(ramazan), d(qurban)):
        assert {first, first + timedelta(days=1)} <= CALENDAR.holidays


@pytest.mark.parametrize(
    ("year", "carried_over"),
    [
        # The five-day-week rest days of the Ministry of Labour's production calendar for each year.
        (2022, ["01-03", "01-04", "03-25", "05-30", "06-27", "07-11", "07-12"]),
        (2023, ["01-03", "01-04", "04-24", "05-29"]),
        (2024, ["01-03", "01-04", "01-05", "03-25", "03-26", "06-18", "06-19", "11-11"]),
        (2025, ["01-03", "03-25", "03-26", "06-09", "06-16", "11-10", "11-11"]),
        (2026, ["03-09", "03-25", "03-26", "03-27", "03-30", "05-11", "05-29", "11-10"]),
    ],
)
def test_the_production_calendars_rest_days(year, carried_over):
    for month_day in carried_over:
        assert not CALENDAR.is_working(d(f"{year}-{month_day}"))


def test_the_cabinet_exchanges_of_working_and_rest_days():
    exchanges = {
        "2020-01-03": "2019-12-28",
        "2020-01-06": "2019-12-29",
        "2020-03-27": "2020-03-29",
        "2020-05-27": "2020-05-31",
        "2021-05-11": "2021-05-08",
        "2021-05-12": "2021-05-16",
        "2021-07-19": "2021-07-17",
        "2022-03-07": "2022-03-05",
        "2022-11-07": "2022-11-05",
        "2023-06-27": "2023-06-24",
        "2023-06-30": "2023-06-25",
        "2023-11-10": "2023-11-04",
        "2024-01-04": "2023-12-30",
        "2024-01-05": "2024-01-07",
        "2024-04-12": "2024-04-06",
        "2024-11-12": "2024-11-16",
        "2024-11-13": "2024-11-23",
        "2024-12-30": "2024-12-28",
        "2025-01-03": "2024-12-29",
        "2025-06-27": "2025-06-21",
    }
    for rest, work in exchanges.items():
        assert not CALENDAR.is_working(d(rest))
        assert CALENDAR.is_working(d(work))
    assert CALENDAR.working_weekends == {d(work) for work in exchanges.values()}
    # Carried-over rest days given back for 27-28 March 2025.
    assert CALENDAR.is_working(d("2025-03-10")) and CALENDAR.is_working(d("2025-04-01"))
    assert not CALENDAR.is_working(d("2025-03-27")) and not CALENDAR.is_working(d("2025-03-28"))


def test_voting_days_rest():
    assert not CALENDAR.is_working(d("2024-02-07"))
    assert not CALENDAR.is_working(d("2025-01-29"))


def test_mourning_day_on_a_weekend_is_not_carried_over():
    assert d("2024-01-20").weekday() == 5
    assert CALENDAR.is_working(d("2024-01-22"))


@pytest.mark.parametrize(("year", "working_days"), [(2022, 241), (2026, 241)])
def test_working_days_in_a_year_match_the_production_calendar(year, working_days):
    assert CALENDAR.working_days_between(date(year - 1, 12, 31), date(year, 12, 31)) == working_days
