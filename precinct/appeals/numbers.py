"""Application numbers that the applicant tracks with: YYYY-NNNNNN-CC, where CC are ISO 7064 MOD 97-10
check digits (as in an IBAN), so that a mistyped or made-up number is told apart from one not found."""

import re

from django.db import transaction
from django.db.models import F

from precinct.appeals.models import Counter

PATTERN = re.compile(r"^(\d{4})-(\d{6})-(\d{2})$")


def check_digits(year: int, sequence: int) -> str:
    return f"{98 - (year * 10**6 + sequence) * 100 % 97:02d}"


def format_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:06d}-{check_digits(year, sequence)}"


def valid(number: str) -> bool:
    """Whether a number is well formed and its check digits agree."""
    return problem(number) is None


def problem(number: str) -> str | None:
    """What is wrong with a number as typed, or None: not of the form, or a digit mistyped (the check
    digits disagree), told apart so that the applicant knows to look again rather than to give up."""
    from django.utils.translation import gettext as _

    match = PATTERN.match(number.strip())
    if not match:
        return _("A tracking number reads like 2023-000123-45: the year, six digits and two check digits.")
    year, sequence, check = match.groups()
    if check_digits(int(year), int(sequence)) != check:
        return _("The last two digits do not agree with the rest: a digit is probably mistyped.")
    return None


@transaction.atomic
def take(year: int, count: int = 1) -> list[str]:
    """The next `count` numbers of a year. The counter's row is locked until the transaction ends, so
    two registrations never take the same number."""
    Counter.objects.get_or_create(year=year)
    Counter.objects.filter(year=year).update(last=F("last") + count)
    last = Counter.objects.select_for_update().get(year=year).last
    return [format_number(year, sequence) for sequence in range(last - count + 1, last + 1)]
