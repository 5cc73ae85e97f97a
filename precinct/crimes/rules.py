"""The crime register's rules, checked on every write whatever the interface."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.crimes.models import Crime, Status, Wanted


def today() -> datetime.date:
    return timezone.localdate()


def crime_errors(crime: Crime, now: datetime.date | None = None) -> dict[str, list[str]]:
    """Field → reasons the crime cannot be saved as it is (`now`: today, given by callers checking many)."""
    errors: dict[str, list[str]] = defaultdict(list)
    now = now or today()
    if crime.registered_on and crime.registered_on > now:
        errors["registered_on"].append(_("The registration date cannot be in the future."))
    if crime.solved_on:
        if crime.solved_on > now:
            errors["solved_on"].append(_("The date solved cannot be in the future."))
        if crime.registered_on and crime.solved_on < crime.registered_on:
            errors["solved_on"].append(_("The date solved cannot be before the registration date."))
        if crime.status in {Status.INVESTIGATION, Status.SUSPENDED}:
            errors["solved_on"].append(_("A crime under investigation or suspended has no date solved."))
    elif crime.status == Status.SOLVED:
        errors["solved_on"].append(_("A solved crime needs the date it was solved."))
    if crime.solved_with and not crime.solved_on:
        errors["solved_with"].append(_("Only a solved crime has partners in solving it."))
    if crime.damage is not None and crime.damage < 0:
        errors["damage"].append(_("The damage cannot be negative."))
    if crime.compensated is not None:
        if crime.compensated < 0:
            errors["compensated"].append(_("The compensation cannot be negative."))
        elif crime.damage is not None and crime.compensated > crime.damage:
            errors["compensated"].append(_("The compensation cannot exceed the damage."))
    if crime.number is not None and crime.number < 1:
        errors["number"].append(_("The registration number must be a positive whole number."))
    return errors


def wanted_errors(search: Wanted) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    now = today()
    if search.opened_on and search.opened_on > now:
        errors["opened_on"].append(_("The date the search opened cannot be in the future."))
    if search.arrested_on:
        if search.arrested_on > now:
            errors["arrested_on"].append(_("The arrest date cannot be in the future."))
        if search.opened_on and search.arrested_on < search.opened_on:
            errors["arrested_on"].append(_("The arrest date cannot be before the search opened."))
    return errors


def dated_errors(field: str, value: datetime.date | None, label: str) -> dict[str, list[str]]:
    """A single date that must not be in the future."""
    if value and value > today():
        return {field: [_("%(label)s cannot be in the future.") % {"label": label}]}
    return {}
