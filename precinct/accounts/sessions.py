"""Sessions opened without the log-in pages, as a log-in with both factors leaves them: for the tests, and
for the load benchmark, which signs hundreds of people in at once (a TOTP code serves one log-in only)."""

from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator (TOTP); one is enrolled if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_now(user) -> str:
    """The six digits the user's authenticator app shows now."""
    device = authenticator(user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def second_factor_given(client: Client, user) -> Client:
    """The client's session as it is once its second factor is given: the user's authenticator (enrolled
    if they have none) is the session's verified device."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
    return client


def signed_in(user) -> str:
    """A new session of the user, both factors given: the value of its cookie."""
    client = Client()
    client.force_login(user)
    second_factor_given(client, user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value
