"""A limit on what the public may send from one address in an hour, kept in the database so that it
holds across every server process. Addresses are kept as keyed hashes and forgotten after the hour."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from precinct.appeals.models import IntakeAttempt
from precinct.core.addresses import client_address

WINDOW = datetime.timedelta(hours=1)


def address_key(request) -> str:
    address = client_address(request) or ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def allow(request, kind: str) -> bool:
    """Whether the address may make one more request; counts this one if so."""
    now = timezone.now()
    IntakeAttempt.objects.filter(at__lt=now - WINDOW).delete()
    key = address_key(request)
    if (
        IntakeAttempt.objects.filter(address=key, at__gte=now - WINDOW).count()
        >= settings.PUBLIC_INTAKE_PER_HOUR
    ):
        return False
    IntakeAttempt.objects.create(address=key, at=now, kind=kind)
    return True
