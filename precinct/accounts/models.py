"""What an account holds besides its password: the API tokens its user made."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class Ended(models.TextChoices):
    """Why a token stopped working before it expired."""

    REVOKED = "revoked", _("revoked")
    PASSWORD = "password", _("the password changed")
    ACCOUNT = "account", _("the account was locked or closed")


class ApiToken(models.Model):
    """A key a user made for a system to call the API as them. Only its digest is kept: the token is shown
    once, when it is made, and cannot be had again, by the user or by an administrator."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The token's first part, public: it finds the token and tells a user's tokens apart in lists.
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(max_length=64)  # SHA-256 of the whole token
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.READ)
    # The domains (app labels) it may call; empty: every domain of the user's role.
    domains = models.JSONField(_("domains"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    # Of the user's password when the token was made: once the password changes, the token is refused.
    password_stamp = models.CharField(max_length=64)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_because = models.CharField(_("ended because"), max_length=10, choices=Ended.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    last_address = models.GenericIPAddressField(_("last address"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return not self.ended_at and self.expires_at > timezone.now()

    def state(self) -> str:
        if self.ended_at:
            return str(self.get_ended_because_display())
        if self.expires_at <= timezone.now():
            return str(_("expired"))
        return str(_("in use"))


class Lock(models.Model):
    """An account locked after repeated failed log-ins. It stays locked, whatever the password tried,
    until an administrator releases it; the lock and its release stay on record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="locks"
    )
    locked_at = models.DateTimeField(_("locked"), default=timezone.now)
    failures = models.PositiveIntegerField(_("failed log-ins"))
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("account lock")
        verbose_name_plural = _("account locks")
        ordering = ["-locked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(released_at__isnull=True), name="one_open_lock_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.locked_at:%d.%m.%Y %H:%M}"
