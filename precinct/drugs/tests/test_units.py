"""Quantities normalized to grams, graded, summed exactly and said as the ministry says them."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from precinct.core.units import mass_text
from precinct.drugs.units import MASS, Grade, grade, grams

quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("5000"), places=3)


@given(st.lists(st.tuples(quantities, st.sampled_from(list(MASS))), min_size=1, max_size=30))
def test_summing_in_any_units_gives_the_same_grams(entries):
    """The same seizures entered in any mix of units add up to the same mass, to the milligram."""
    in_grams = sum(grams(quantity * MASS[unit], "g") for quantity, unit in entries)
    as_entered = sum(grams(quantity, unit) for quantity, unit in entries)
    in_milligrams = sum(grams(quantity * MASS[unit] * 1000, "mg") for quantity, unit in entries)
    assert as_entered == in_grams == in_milligrams


@given(quantities)
def test_a_ton_is_a_million_grams_and_kilograms_a_thousand(quantity):
    assert grams(quantity, "t") == grams(quantity * 1000, "kg") == grams(quantity * 1_000_000, "g")


densities = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("2"), places=3)


@given(quantities, densities)
def test_a_litre_weighs_a_thousand_millilitres_by_the_substances_density(quantity, density):
    assert grams(quantity, "l", density) == grams(quantity * 1000, "ml", density)
    assert grams(quantity, "ml", density) == (quantity * density).quantize(Decimal("0.001"))


def test_counted_units_are_never_weighed():
    assert grams(Decimal(20), "tablet") is None and grams(Decimal(3), "plant") is None
    assert grams(Decimal(10), "ml") is None  # a volume without the substance's density
    assert grams(Decimal(10), "ml", Decimal("1.082")) == Decimal("10.820")


def test_grading_against_the_thresholds():
    small, large, especially = Decimal(5), Decimal(100), Decimal(1000)
    assert grade(Decimal(5), small, large, especially) == Grade.SMALL
    assert grade(Decimal("5.001"), small, large, especially) == Grade.ABOVE_SMALL
    assert grade(Decimal(100), small, large, especially) == Grade.LARGE
    assert grade(Decimal(1000), small, large, especially) == Grade.ESPECIALLY_LARGE
    assert grade(None, small, large, especially) == ""


def test_masses_are_said_as_the_ministry_says_them():
    assert mass_text(Decimal(4_018_000)) == "4 tons 18 kilograms"
    assert mass_text(Decimal(343_000)) == "343 kilograms"
    assert mass_text(Decimal(1_019_000)) == "1 ton 19 kilograms"
    assert mass_text(Decimal(12_300)) == "12 kilograms 300 grams"
    assert mass_text(Decimal("250.4")) == "250 grams"
    assert mass_text(Decimal(1_999_999_600)) == "2000 tons"
    assert mass_text(Decimal(4_018_000), "az") == "4 ton 18 kiloqram"
    assert mass_text(Decimal(-1_019_000)) == "-1 ton 19 kilograms"
    assert mass_text(Decimal(0)) == "0 grams"
