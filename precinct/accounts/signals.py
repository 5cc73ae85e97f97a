"""What happens to an account, whichever interface it happens through: log-ins, log-outs and failures are
audit entries; a new password, or an account closed, ends the account's tokens."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from precinct.accounts import lockout, tokens
from precinct.accounts.middleware import SESSION_STARTED
from precinct.accounts.models import Ended
from precinct.core.addresses import client_address
from precinct.core.audit import Actor, record
from precinct.core.models import Action, AuditEntry, Via

User = get_user_model()


def _actor(request, user) -> Actor:
    return Actor(user=user, via=Via.WEB, address=client_address(request) if request else None)


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs) -> None:
    record(_actor(request, user), Action.LOGIN, user)
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED] = timezone.now().timestamp()


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record(_actor(request, user), Action.LOGOUT, user)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs) -> None:
    # The name tried is kept as typed (it may be no account at all); the password never is.
    tried = str(credentials.get("username", ""))[:150]
    known = User.objects.filter(username=tried).first()
    address = client_address(request) if request else None
    AuditEntry.objects.create(
        user=None, username=tried, via=Via.WEB, action=Action.FAILED, model=User._meta.label_lower,
        object_id=str(known.pk) if known else "", object_repr=tried[:200], address=address,
        note=str(credentials.get("why", ""))[:200],
    )  # fmt: skip
    if known:
        lockout.after_failure(known, address)


@receiver(pre_save, sender=User)
def notice_account_changes(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    instance._account_changes = []
    if raw or instance.pk is None or (update_fields and not {"password", "is_active"} & set(update_fields)):
        return
    stored = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if stored is None:
        return
    if stored["password"] != instance.password:
        instance._account_changes.append(Ended.PASSWORD)
    if stored["is_active"] and not instance.is_active:
        instance._account_changes.append(Ended.ACCOUNT)


@receiver(post_save, sender=User)
def end_tokens_of_changed_accounts(sender, instance, **kwargs) -> None:
    for because in getattr(instance, "_account_changes", []):
        if because == Ended.PASSWORD:
            record(Actor(user=instance, via=Via.WEB), Action.UPDATE, instance, note="password changed")
        tokens.end_all(instance, because)
    instance._account_changes = []
