"""Locking an account after repeated failed log-ins, and releasing it.

The failures are the audit log's own entries: a good log-in erases nothing, and what locked an account
can be read afterwards. Failures before the last release do not count again.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.accounts.models import Ended, Lock
from precinct.core.audit import Actor, record
from precinct.core.models import Action, AuditEntry, Via


def is_locked(user) -> bool:
    return Lock.objects.filter(user=user, released_at__isnull=True).exists()


def failures_counted(user) -> int:
    """The failed log-ins within the window, since the account was last released."""
    since = timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_MINUTES)
    released = Lock.objects.filter(user=user, released_at__isnull=False).order_by("-released_at").first()
    if released and released.released_at > since:
        since = released.released_at
    return AuditEntry.objects.filter(
        action=Action.FAILED, model=user._meta.label_lower, object_id=str(user.pk), at__gt=since
    ).count()


def after_failure(user, address: str | None) -> Lock | None:
    """Lock the account when this failure makes the limit; the lock it is under, if any."""
    from precinct.accounts import tokens

    if is_locked(user):
        return None
    failures = failures_counted(user)
    if failures < settings.LOGIN_FAILURE_LIMIT:
        return None
    try:
        with transaction.atomic():
            lock = Lock.objects.create(user=user, failures=failures)
    except IntegrityError:  # another process locked it at the same moment
        return None
    record(Actor(user=None, via=Via.WEB, address=address), Action.LOCK, user,
           note=f"locked after {failures} failed log-ins")  # fmt: skip
    tokens.end_all(user, Ended.ACCOUNT)
    return lock


@transaction.atomic
def release(actor: Actor, lock: Lock) -> None:
    if not getattr(actor.user, "is_administrator", False):
        raise PermissionError(_("Only an administrator may release a locked account."))
    if lock.released_at:
        return
    lock.released_at, lock.released_by = timezone.now(), actor.user
    lock.save(update_fields=["released_at", "released_by"])
    record(actor, Action.RELEASE, lock.user, note="released from its lock")
