"""Quantities of drugs as entered, normalized to grams where the unit allows it, graded against the
legal thresholds, and said the way the ministry says them ("4 tons 18 kilograms"). Exact decimal
arithmetic throughout: a sum of masses never drifts, whatever the units they were entered in.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuantityUnit(models.TextChoices):
    MILLIGRAM = "mg", _("mg")
    GRAM = "g", _("g")
    KILOGRAM = "kg", _("kg")
    TON = "t", _("t")
    MILLILITRE = "ml", _("ml")
    LITRE = "l", _("l")
    TABLET = "tablet", _("tablets or doses")
    PLANT = "plant", _("plants")


# grams in one unit of mass
MASS = {"mg": Decimal("0.001"), "g": Decimal(1), "kg": Decimal(1000), "t": Decimal(1_000_000)}
# millilitres in one unit of volume
VOLUME = {"ml": Decimal(1), "l": Decimal(1000)}
GRAM_PLACES = Decimal("0.001")  # masses are kept to the milligram


def grams(quantity: Decimal, unit: str, density: Decimal | None = None) -> Decimal | None:
    """The quantity in grams: exact for units of mass; for volumes only where the substance's density is
    known; never for tablets, doses or plants, which are counted, not weighed."""
    quantity = Decimal(quantity)
    if unit in MASS:
        return (quantity * MASS[unit]).quantize(GRAM_PLACES)
    if unit in VOLUME and density:
        return (quantity * VOLUME[unit] * Decimal(density)).quantize(GRAM_PLACES)
    return None


class Grade(models.TextChoices):
    """The legal grading of a quantity (Criminal Code, art. 234 and 206: small, large, especially large)."""

    SMALL = "small", _("small")
    ABOVE_SMALL = "above_small", _("above small")
    LARGE = "large", _("large")
    ESPECIALLY_LARGE = "especially_large", _("especially large")


def grade(mass: Decimal | None, small, large, especially_large) -> str:
    """The grade of a mass against a substance's thresholds (in grams); "" where it cannot be graded."""
    if mass is None or small is None:
        return ""
    if especially_large is not None and mass >= especially_large:
        return Grade.ESPECIALLY_LARGE
    if large is not None and mass >= large:
        return Grade.LARGE
    return Grade.ABOVE_SMALL if mass > small else Grade.SMALL
