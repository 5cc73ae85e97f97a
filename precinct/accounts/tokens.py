"""Issuing, checking and ending API tokens.

A token reads `prc_<prefix>_<secret>`: the prefix finds its row, the SHA-256 of the whole token is
compared in constant time. The secret has 256 bits of randomness, so a fast digest is enough (a slow
password hash defends guessable secrets, and would cost every API call a fifth of a second).
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.accounts.models import ApiToken, Ended, Scope
from precinct.core.audit import Actor, record, snapshot
from precinct.core.models import Action, Via

PREFIX = "prc"
# A use is written down at most this often for one address; a new address is written at once.
USE_GRANULARITY = datetime.timedelta(minutes=5)


class TokenRefused(Exception):
    """The token cannot be used; the message says why, without telling whether such a token exists."""


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def password_stamp(user) -> str:
    """A digest of the user's password hash as it is now (the hash itself stays where it is)."""
    return hmac.new(settings.SECRET_KEY.encode(), user.password.encode(), hashlib.sha256).hexdigest()


def api_domains() -> dict[str, str]:
    """The domains a token may be limited to: every app that has an API, by label and name."""
    from django.apps import apps

    from precinct.core.discovery import app_modules

    # core's `api` holds what the others' APIs share, and no endpoint of its own.
    labels = [module.__name__.split(".")[1] for module in app_modules("api")]
    labels = [label for label in labels if label != "core"]
    return {label: str(apps.get_app_config(label).verbose_name) for label in labels}


@transaction.atomic
def issue(actor: Actor, name: str, scope: str, domains: list[str], days: int) -> tuple[ApiToken, str]:
    """A new token of the acting user's own, and the token itself, to be shown once."""
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise ValueError(_("A token lasts from 1 to %(most)s days.") % {"most": settings.API_TOKEN_MAX_DAYS})
    if scope not in Scope.values:
        raise ValueError(_("Unknown scope: %(scope)s.") % {"scope": scope})
    unknown = sorted(set(domains) - set(api_domains()))
    if unknown:
        raise ValueError(_("Unknown domains: %(domains)s.") % {"domains": ", ".join(unknown)})
    user = actor.user
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    raw = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=prefix, digest=digest(raw), scope=scope,
        domains=sorted(set(domains)), created_at=now, expires_at=now + datetime.timedelta(days=days),
        password_stamp=password_stamp(user),
    )  # fmt: skip
    record(actor, Action.CREATE, token, after=snapshot(token))
    return token, raw


def check(raw: str, address: str | None) -> ApiToken:
    """The live token `raw` is, its use recorded; TokenRefused otherwise."""
    parts = raw.split("_", 2)  # the secret itself may hold "_"
    if len(parts) != 3 or parts[0] != PREFIX:
        raise TokenRefused(_("The token is not valid."))
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    # Compared even when no token has the prefix, so that the time taken does not tell.
    expected = token.digest if token else "0" * 64
    if not hmac.compare_digest(expected, digest(raw)) or token is None:
        raise TokenRefused(_("The token is not valid."))
    user = token.user
    if token.ended_at:
        raise TokenRefused(
            _("The token has been ended: %(why)s.") % {"why": token.get_ended_because_display()}
        )
    if not user.is_active:
        end(token, Ended.ACCOUNT)
        raise TokenRefused(_("The token's account is closed."))
    if not hmac.compare_digest(token.password_stamp, password_stamp(user)):
        end(token, Ended.PASSWORD)
        raise TokenRefused(_("The token was ended when its user's password changed; make a new one."))
    now = timezone.now()
    if token.expires_at <= now:
        raise TokenRefused(_("The token has expired; make a new one."))
    if address != token.last_address:
        record(
            Actor(user=user, via=Via.API, address=address), Action.USE, token, note="used from a new address"
        )
    if address != token.last_address or not token.last_used_at or now - token.last_used_at > USE_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_address=address)
        token.last_used_at, token.last_address = now, address
    return token


def end(token: ApiToken, because: str, actor: Actor | None = None) -> None:
    """End a token before it expires: revoked by its user or an administrator, or by what happened to
    its account."""
    if token.ended_at:
        return
    before = snapshot(token)
    token.ended_at, token.ended_because = timezone.now(), because
    token.ended_by = actor.user if actor and getattr(actor.user, "is_authenticated", False) else None
    token.save(update_fields=["ended_at", "ended_because", "ended_by"])
    who = actor or Actor(user=token.user, via=Via.CLI)
    record(who, Action.UPDATE, token, before, snapshot(token), note=f"ended: {because}")


def revoke(actor: Actor, token: ApiToken) -> None:
    """Revoke a token: its own user may, and an administrator may revoke anyone's."""
    if token.user_id != actor.user.pk and not getattr(actor.user, "is_administrator", False):
        raise PermissionError(_("Only the token's user or an administrator may revoke it."))
    end(token, Ended.REVOKED, actor)


def end_all(user, because: str, actor: Actor | None = None) -> int:
    """End every live token of a user (their password changed, their account was locked)."""
    live = list(ApiToken.objects.filter(user=user, ended_at__isnull=True))
    for token in live:
        end(token, because, actor)
    return len(live)
