"""The second factor every account logs in with: a time-based one-time code (TOTP, RFC 6238) from an
authenticator app, or one of ten recovery codes, each good once (django-otp keeps both).

A session is whole only once its second factor is verified: until then every page sends the user to
enrol an authenticator (the first log-in after this was introduced, or after an administrator reset it)
or to give a code. A wrong code counts as a failed log-in, so that five within the window lock the
account as five wrong passwords do. Enrolment, a reset, new recovery codes and every failure are audit
entries; the secrets themselves are never shown to anyone but the account's owner, once.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from precinct.accounts import lockout
from precinct.core.addresses import client_address
from precinct.core.audit import Actor, record
from precinct.core.models import Action, AuditEntry, Via

AUTHENTICATOR, RECOVERY = "authenticator", "recovery codes"


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def standing(user) -> dict:
    """For the account page: the authenticator (when it was set up) and how many recovery codes are left."""
    return {
        "authenticator": TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        "recovery_left": StaticToken.objects.filter(device__user=user).count(),
    }


def pending_device(user) -> TOTPDevice:
    """The authenticator being enrolled: one unconfirmed device per account, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def key_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The enrolment's otpauth:// address as an SVG QR code, drawn here (never sent to a service)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@transaction.atomic
def confirm(request, device: TOTPDevice, code: str) -> list[str] | None:
    """The first code from the app: the device is confirmed, the session verified, and the recovery codes
    made (returned, to be shown once); None if the code is wrong."""
    if not device.verify_token(code.replace(" ", "")):
        failed(request, "second factor: wrong code at enrolment")
        return None
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()  # an earlier one, reset
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    actor = Actor.from_request(request)
    record(actor, Action.ENROL, request.user, note="authenticator enrolled")
    return new_recovery_codes(actor, request.user)


def new_recovery_codes(actor: Actor, user) -> list[str]:
    """Ten new recovery codes in place of any before (which stop working at once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY)
    codes = [StaticToken.random_token() for _ in range(settings.MFA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    record(actor, Action.ENROL, user, note=f"{len(codes)} new recovery codes")
    return codes


def verify(request, code: str) -> bool:
    """A code from the authenticator or a recovery code (used up): the session is verified."""
    code = code.replace(" ", "").strip()
    user = request.user
    for device in [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user),
    ]:
        with transaction.atomic():
            if device.verify_token(code):
                otp_login(request, device)
                note = "second factor verified" if isinstance(device, TOTPDevice) else "recovery code used"
                record(Actor.from_request(request), Action.LOGIN, user, note=note)
                return True
    failed(request, "second factor: wrong code")
    return False


def failed(request, why: str) -> None:
    """A wrong code is a failed log-in: an entry, counted towards the lock."""
    user, address = request.user, client_address(request)
    AuditEntry.objects.create(
        user=None, username=user.username, via=Via.WEB, action=Action.FAILED, model=user._meta.label_lower,
        object_id=str(user.pk), object_repr=user.username, address=address, note=why,
    )  # fmt: skip
    lockout.after_failure(user, address)


@transaction.atomic
def reset(actor: Actor, user) -> None:
    """An administrator ends an account's second factor (a lost phone): it enrols anew at its next
    log-in. Never their own, so that no one lifts the second factor from the account they act with."""
    if not getattr(actor.user, "is_administrator", False) or actor.user.pk == user.pk:
        raise PermissionError("Only another administrator may reset an account's second factor.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record(actor, Action.RESET, user, note="second factor reset")


# Paths a session may reach before its second factor is verified: the steps themselves, the way out, and
# the interfaces that take no session at all (the API and Open311 take tokens or nothing).
OPEN_PATHS = (
    "/account/second-factor/", "/logout/", "/i18n/", "/accessibility/", "/static/", "/favicon.ico", "/api/",
    "/open311/",
)  # fmt: skip


class SecondFactorRequired:
    """Until the session's second factor is verified, every page leads to it (enrolment or a code)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PATHS)
        ):
            step = "accounts:mfa-verify" if enrolled(user) else "accounts:mfa-setup"
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
