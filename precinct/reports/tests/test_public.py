"""The public statistics page: open to all, national only, whole months, quarters and years, small counts
and what would give them back withheld, no personal data."""

import datetime

from django.test import override_settings
from django.urls import reverse

from precinct.conftest import body, register
from precinct.core.measures import Scope, Unit
from precinct.core.periods import Period
from precinct.crimes.models import Person


def figures(page) -> dict[str, tuple[str, str]]:
    """Each measure's published value and value a year before, as the page shows them."""
    import re

    cell = r"\s*<td[^>]*>(.*?)</td>"
    rows = re.findall(r'<tr data-measure="([^"]+)">\s*<td>[^<]*</td>' + cell + cell, page.content.decode())
    text = lambda html: re.sub(r"<[^>]+>", "", html).strip()  # noqa: E731
    return {name: (text(value), text(previous)) for name, value, previous in rows}


@override_settings(PUBLIC_MIN_COUNT=3)
def test_it_is_open_and_withholds_small_counts_and_the_shares_built_on_them(anonymous_client, nasimi_officer):
    for day in (1, 2, 3, 4):
        register(nasimi_officer, registered_on=datetime.date(2023, 2, day), status="solved",
                 solved_on=datetime.date(2023, 2, 20))  # fmt: skip
    register(nasimi_officer, registered_on=datetime.date(2023, 2, 1), firearm=True)
    page = anonymous_client.get(reverse("public-statistics"), {"period": "2023-Q1"})
    assert page.status_code == 200
    shown = figures(page)
    assert shown["crimes.registered"][0] == "5"
    assert shown["crimes.firearm"][0] == "withheld"
    assert shown["crimes.solved_share"][0] == "80.0 %"
    # 4 of 5 solved is published; 1 of 1 firearm crime's share would not be (both parts small).
    assert (
        shown["crimes.gravity.less_grave"][0] in {"withheld", "0", "—"}
        or "%" in shown["crimes.gravity.less_grave"][0]
    )


def test_a_count_that_says_nothing_of_persons_is_published():
    from precinct.appeals.measures import RECEPTION_PLACES
    from precinct.core.measures import Measure
    from precinct.reports.public import primary

    assert RECEPTION_PLACES.personal is False
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 1, 31))
    places = Measure("places", {"en": "places"}, Unit.COUNT, lambda period, scope: 1, personal=False)
    people = Measure("people", {"en": "people"}, Unit.COUNT, lambda period, scope: 1)
    assert not primary(places, period, Scope(None), 3) and primary(people, period, Scope(None), 3)


def test_only_whole_months_quarters_and_years_can_be_asked_for(anonymous_client, nasimi_officer):
    register(nasimi_officer, registered_on=datetime.date(2023, 5, 4))
    days = anonymous_client.get(reverse("public-statistics"), {"start": "2023-01-01", "end": "2023-05-05"})
    assert days.status_code == 200 and "05.05.2023" not in days.content.decode()
    choices = days.context["form"].fields["period"].choices
    assert (
        ("2023-05", "05.2023") in choices
        and ("2023-Q2", "2023, Q2") in choices
        and ("2023", "2023") in choices
    )
    refused = anonymous_client.get(reverse("public-statistics"), {"period": "2023-05-05"})
    assert refused.status_code == 200 and refused.context["form"].errors["period"]


@override_settings(PUBLIC_MIN_COUNT=3)
def test_a_withheld_month_cannot_be_had_by_subtraction(anonymous_client, nasimi_officer):
    for month, count in ((1, 5), (2, 7), (3, 1)):  # March alone is small
        for day in range(1, count + 1):
            register(nasimi_officer, registered_on=datetime.date(2023, month, day))
    page = lambda key: figures(anonymous_client.get(reverse("public-statistics"), {"period": key}))  # noqa: E731
    assert page("2023-Q1")["crimes.registered"][0] == "13"
    assert page("2023-03")["crimes.registered"][0] == "withheld"
    # Q1 − January − February would give March: the smaller of the two is withheld as well.
    assert page("2023-01")["crimes.registered"][0] == "withheld"
    assert page("2023-02")["crimes.registered"][0] == "7"


def test_it_opens_on_the_latest_complete_period_with_records(anonymous_client, nasimi_officer):
    from django.utils import timezone

    register(nasimi_officer, registered_on=datetime.date(2023, 8, 4))
    register(nasimi_officer, registered_on=timezone.localdate())  # this quarter has not ended
    page = anonymous_client.get(reverse("public-statistics"))
    assert page.context["published"].key == "2023-Q3"
    assert "01.07.2023–30.09.2023" in page.content.decode()


def test_the_cached_figures_change_when_the_records_do(anonymous_client, nasimi_officer):
    for day in range(1, 12):
        register(nasimi_officer, registered_on=datetime.date(2023, 8, day))
    first = figures(anonymous_client.get(reverse("public-statistics"), {"period": "2023-Q3"}))
    assert first["crimes.registered"][0] == "11"
    register(nasimi_officer, registered_on=datetime.date(2023, 8, 20))
    again = figures(anonymous_client.get(reverse("public-statistics"), {"period": "2023-Q3"}))
    assert again["crimes.registered"][0] == "12"


def test_it_shows_no_body_choice_and_no_personal_data(anonymous_client, nasimi_officer):
    from precinct.core.audit import Actor
    from precinct.crimes.services import register_person

    register(nasimi_officer, registered_on=datetime.date(2023, 2, 1))
    register_person(
        actor=Actor.cli(nasimi_officer),
        values={"body": body("baku-nasimi"), "surname": "Qurbanov", "given_name": "Elchin"},
    )
    page = anonymous_client.get(reverse("public-statistics"), {"period": "2023", "body": "baku-nasimi"})
    page = page.content.decode()
    assert 'name="body"' not in page and "Qurbanov" not in page and Person.objects.count() == 1
    assert "The whole country" in page


@override_settings(PUBLIC_MIN_COUNT=3)
def test_the_parts_of_a_whole_cannot_be_had_by_subtraction(anonymous_client, nasimi_officer):
    """The four gravity shares add up to every crime: when one is withheld, the others are too. And the
    crimes registered less those of the MIA and the prosecutor's office are the other agencies': when
    that is small, the part is withheld."""
    from precinct.crimes.models import Article

    minor = Article.objects.filter(gravity="minor").first()
    grave = Article.objects.filter(gravity="grave").first()
    for day in range(1, 9):
        register(nasimi_officer, registered_on=datetime.date(2023, 2, day), article=minor, agency="police")
    register(nasimi_officer, registered_on=datetime.date(2023, 2, 10), article=grave, agency="other")
    shown = figures(anonymous_client.get(reverse("public-statistics"), {"period": "2023-02"}))
    assert shown["crimes.registered"][0] == "9"
    gravity = {
        name: value for name, (value, _previous) in shown.items() if name.startswith("crimes.gravity.")
    }
    assert len(gravity) == 4 and all(value == "withheld" for value in gravity.values()), gravity
    # 9 registered, 8 by the police: the one crime of another agency would be 9 − 8.
    assert shown["crimes.registered_mia_po"][0] == "withheld"


@override_settings(PUBLIC_MIN_COUNT=3)
def test_a_share_is_withheld_with_the_count_it_is_a_share_of(anonymous_client, nasimi_officer):
    """The crimes of the MIA and the prosecutor's office are withheld beside all crimes (the one of
    another agency would be the difference), though there are eight of them: their solving rate, 4 of 8,
    would tell their number, and is withheld with it. The rate of all crimes, 4 of 9, is shown."""
    solved = {"status": "solved", "solved_on": datetime.date(2023, 2, 20)}
    for day in range(1, 9):
        register(nasimi_officer, registered_on=datetime.date(2023, 2, day), agency="police",
                 **(solved if day <= 4 else {}))  # fmt: skip
    register(nasimi_officer, registered_on=datetime.date(2023, 2, 10), agency="other")
    shown = figures(anonymous_client.get(reverse("public-statistics"), {"period": "2023-02"}))
    assert shown["crimes.registered"][0] == "9"
    assert shown["crimes.registered_mia_po"][0] == "withheld"
    assert shown["crimes.solved_share_mia_po"][0] == "withheld"
    assert "44" in shown["crimes.solved_share"][0]


def test_a_share_names_the_count_it_is_a_share_of(nasimi_officer):
    """Each `Measure.of` is a measure of the board report, whose value is the share's denominator."""
    from precinct.reports.engine import board_report

    for day in (1, 2, 3):
        register(nasimi_officer, registered_on=datetime.date(2023, 2, day), agency="police")
    period = Period(datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
    scope = Scope(body("mia"))
    measures = {
        f.measure.name: f.measure for s in board_report(period, body("mia")).sections for f in s.figures
    }
    linked = [measure for measure in measures.values() if measure.of]
    assert len(linked) >= 7
    for measure in linked:
        assert measure.counts(period, scope)[1] == measures[measure.of].value(period, scope), measure.name


@override_settings(PUBLIC_MIN_COUNT=3)
def test_a_withheld_share_of_a_month_cannot_be_had_from_its_quarter(anonymous_client, nasimi_officer):
    """A share gives back its numerator with its whole: when March's share of grave crimes is withheld,
    so is another month's, or the quarter's less January's and February's would give March's count."""
    from precinct.crimes.models import Article

    minor = Article.objects.filter(gravity="minor").first()
    grave = Article.objects.filter(gravity="grave").first()
    for month, graves in ((1, 4), (2, 5), (3, 1)):
        for day in range(1, 7):
            register(nasimi_officer, registered_on=datetime.date(2023, month, day), article=minor)
        for day in range(10, 10 + graves):
            register(nasimi_officer, registered_on=datetime.date(2023, month, day), article=grave)
    page = lambda key: figures(anonymous_client.get(reverse("public-statistics"), {"period": key}))  # noqa: E731
    assert "%" in page("2023-Q1")["crimes.gravity.grave"][0]
    assert page("2023-03")["crimes.gravity.grave"][0] == "withheld"
    assert page("2023-01")["crimes.gravity.grave"][0] == "withheld"  # the smaller of the two shown
    assert "%" in page("2023-02")["crimes.gravity.grave"][0]


@override_settings(PUBLIC_MIN_COUNT=3)
def test_no_sum_of_the_years_tree_gives_a_withheld_figure_back(anonymous_client, nasimi_officer):
    """April alone is small, and with it its quarter (May and June had none): the quarter withheld beside
    the year needs another quarter withheld, and that one a month of its own, or the year less the
    other quarters' months would give April back."""
    from precinct.reports.public import relations

    counts = {1: 6, 2: 6, 3: 6, 4: 1, 5: 0, 6: 0, 7: 4, 8: 5, 9: 6, 10: 6, 11: 6, 12: 6}
    for month, count in counts.items():
        for day in range(1, count + 1):
            register(nasimi_officer, registered_on=datetime.date(2023, month, day))
    shown = {}  # a month without records (May, June) is not published: as good as withheld
    for key in ["2023"] + [f"2023-Q{n}" for n in range(1, 5)] + [f"2023-{n:02}" for n in range(1, 13)]:
        page = figures(anonymous_client.get(reverse("public-statistics"), {"period": key}))
        shown[key] = page["crimes.registered"][0] if page else "withheld"
    assert shown["2023-04"] == shown["2023-Q2"] == "withheld"
    assert shown["2023-Q3"] == shown["2023-07"] == "withheld"  # the smallest quarter, its smallest month
    assert shown["2023"] == "52" and shown["2023-Q1"] == "18"
    for total, parts in relations(2023):  # in every sum, none withheld or two or more
        assert [shown[cell] for cell in [total, *parts]].count("withheld") != 1, total


@override_settings(PUBLIC_MIN_COUNT=5)
def test_the_figures_withheld_beside_a_total_shown_do_not_add_up_to_a_small_count(
    anonymous_client, nasimi_officer
):
    """March (1) and February (2) withheld beside a quarter shown would tell that they make 3, itself
    fewer than 5: a third month is withheld with them."""
    for month, count in ((1, 9), (2, 2), (3, 1)):
        for day in range(1, count + 1):
            register(nasimi_officer, registered_on=datetime.date(2023, month, day))
    page = lambda key: figures(anonymous_client.get(reverse("public-statistics"), {"period": key}))  # noqa: E731
    assert page("2023-Q1")["crimes.registered"][0] == "12"
    assert [page(f"2023-{n:02}")["crimes.registered"][0] for n in (1, 2, 3)] == ["withheld"] * 3
