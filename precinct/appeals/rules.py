"""What makes an application valid, whichever interface it comes through."""

from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.appeals.models import Application, Channel


def application_errors(application: Application) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if application.received_on and application.received_on > timezone.localdate():
        errors["received_on"] = [_("An application cannot be received in the future.")]
    if not (application.text or "").strip():
        errors["text"] = [_("The application has no text.")]
    day = application.reception_day
    if application.channel == Channel.RECEPTION_DAY:
        if day is None:
            errors["reception_day"] = [_("Name the reception day the citizen was received at.")]
        elif application.received_on and application.received_on < (day.announced_on or day.date):
            errors["received_on"] = [_("A citizen signs up for a reception day once it is announced.")]
    elif day is not None:
        errors["reception_day"] = [_("Only an application received at a reception day names one.")]
    if application.answered_on and application.answered_on < application.received_on:
        errors["answered_on"] = [_("An answer cannot come before the application.")]
    if application.extension_days and not application.extension_reason.strip():
        errors["extension_reason"] = [_("An extension needs its reason.")]
    return errors
