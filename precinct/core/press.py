"""The pieces a domain writes its press-release paragraphs with: text, and numbers that stay tied to the
figure they come from, so that the draft can link each number to the records behind it.

A section's `press(result, language)` returns paragraphs, each a list of pieces (str or `Number`). The
report writes them as a web page or as Markdown; a domain never formats a link itself.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats, translation

from precinct.core.measures import Figure, Unit
from precinct.core.periods import Period
from precinct.core.units import mass_text

VALUE, PREVIOUS, CHANGE = "value", "previous", "change"


@dataclass(frozen=True)
class Number:
    """One number of a figure: its value, its value a year before, or the size of its change."""

    figure: Figure
    which: str = VALUE

    @property
    def amount(self):
        if self.which == CHANGE:
            return None if self.figure.change is None else abs(self.figure.change)
        return getattr(self.figure, self.which)

    @property
    def previous(self) -> bool:
        """Whether its records are those of last year's period."""
        return self.which == PREVIOUS

    def text(self, language: str) -> str:
        """Shares in percent without the sign (the sentence says "percent"), counts grouped by thousands,
        both in the language's own way: 86.8 and 26,778 in English, 86,8 and 26 778 in Azerbaijani."""
        amount, unit = self.amount, self.figure.measure.unit
        if amount is None:
            return "—"
        with translation.override(language):
            if unit == Unit.SHARE:
                # Rounded as the report's tables round (half to even), not cut as number_format cuts.
                percent = (Decimal(amount) * 100).quantize(Decimal("0.1"))
                return formats.number_format(percent, 1, use_l10n=True)
            if unit == Unit.MASS:
                return mass_text(Decimal(amount), language)
            places = 2 if unit == Unit.MONEY else 0
            return formats.number_format(amount, places, use_l10n=True, force_grouping=True)


Piece = str | Number
Paragraph = list[Piece]

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def ordinal_suffix_az(number: int) -> str:
    """The Azerbaijani ordinal ending of a number, by the vowel harmony of its last spoken word:
    2023-cü, 2022-ci, 2026-cı, 2029-cu, 2030-cu."""
    last_digit = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
    tens = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}
    if number % 10:
        return last_digit[number % 10]
    if number % 100:
        return tens[number // 10 % 10]
    if number % 1000:
        return "cü"  # yüz
    return "ci"  # min


def day_text(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_text(period: Period, language: str) -> str:
    """How the ministry names a period: "the first nine months of 2023", "2023-cü ilin 9 ayı"."""
    months = len(period.months())
    from_new_year = period.start == datetime.date(period.start.year, 1, 1)
    if from_new_year and period.whole_months and period.end.year == period.start.year:
        year = period.start.year
        if language == "az":
            return f"{year}-{ordinal_suffix_az(year)} ilin {months} ayı"
        if months == 12:
            return f"the year {year}"
        if months == 1:
            return f"January {year}"
        words = ["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
        return f"the first {words[months]} months of {year}"
    if period.start == period.end:
        return f"{period.start:%d.%m.%Y}" if language == "az" else day_text(period.start)
    if language == "az":
        return f"{period.start:%d.%m.%Y}–{period.end:%d.%m.%Y} dövrü"
    return f"the period from {day_text(period.start)} to {day_text(period.end)}"


def in_period(period: Period, language: str) -> str:
    """The period as a sentence opens with it: "In the first nine months of 2023", "On 19 September
    2023"; "2023-cü ilin 9 ayı ərzində", "19.09.2023 tarixində"."""
    named, one_day = period_text(period, language), period.start == period.end
    if language == "az":
        return f"{named} tarixində" if one_day else f"{named[0].upper()}{named[1:]} ərzində"
    return f"On {named}" if one_day else f"In {named}"


def listing(items: list[Paragraph], language: str) -> Paragraph:
    """Items joined as a list is in prose: "a, b and c" / "a, b və c"."""
    joined: Paragraph = []
    conjunction = " and " if language == "en" else " və "
    for index, item in enumerate(items):
        if index:
            joined.append(conjunction if index == len(items) - 1 else ", ")
        joined += item
    return joined


def lowered(text: str, language: str) -> str:
    """A name in lower case as the language writes it: Azerbaijani "İ" and "I" are "i" and "ı" (Python's
    rule would leave a dot above: "i̇nsan alveri")."""
    if language == "az":
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def table_figure(result, name: str) -> Figure:
    """A figure of one of the section's tables, by its measure's name."""
    return next(
        figure for table in result.tables for _label, row in table.rows for figure in row
        if figure.measure.name == name
    )  # fmt: skip


def said(figure, one: str, many: str) -> str:
    """The words after a count, agreeing with it in English: "1 person was", "3 persons were"."""
    return one if figure.value == 1 else many
