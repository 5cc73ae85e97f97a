"""Shared base models and the audit log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """A record that knows when it was created and last changed, and its edit version.

    The version lets an edit made from a stale form be refused instead of silently overwriting
    a colleague's change.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class Via(models.TextChoices):
    """The interface a change or read came through."""

    WEB = "web", _("web")
    API = "api", _("API")
    CLI = "cli", _("command line")
    IMPORT = "import", _("import")


class Action(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    READ = "read", _("opened")
    # What happens to accounts: log-ins, their failures, and the use of a token from a new address.
    LOGIN = "login", _("logged in")
    LOGOUT = "logout", _("logged out")
    FAILED = "failed", _("log-in failed")
    USE = "use", _("used")
    LOCK = "lock", _("locked")
    RELEASE = "release", _("released")
    ENROL = "enrol", _("second factor enrolled")
    RESET = "reset", _("second factor reset")


class AppendOnlyQuerySet(models.QuerySet):
    """Entries are added, never changed or removed through the ORM (the chain would show it anyway)."""

    def bulk_create(self, objs, *args, **kwargs):
        from precinct.core import chain

        created = super().bulk_create(objs, *args, **kwargs)
        chain.seal_after_commit()
        return created

    def delete(self):
        raise PermissionError("Audit entries are never deleted.")


AppendOnlyManager = models.Manager.from_queryset(AppendOnlyQuerySet)


class AuditEntry(models.Model):
    """Who did what to which record, when, through which interface, with the values before and after.
    Append-only and hash-chained: `precinct audit verify` proves that no entry was changed or removed."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    via = models.CharField(_("interface"), max_length=10, choices=Via.choices)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    model = models.CharField(_("record type"), max_length=60)
    object_id = models.CharField(_("record"), max_length=64)
    object_repr = models.CharField(_("description"), max_length=200, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    # The entry's place in the chain and the digest of its content with the digest before it (see
    # core.chain): given just after its transaction commits, never changed afterwards.
    seq = models.BigIntegerField(_("place in the chain"), null=True, blank=True, unique=True)
    digest = models.CharField(_("digest"), max_length=64, blank=True)

    objects = AppendOnlyManager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["model", "object_id"]),
            models.Index(fields=["username", "at"]),
            # The entries waiting for their place: found at once however long the chain.
            models.Index(fields=["id"], condition=models.Q(seq__isnull=True), name="audit_unsealed"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.model} {self.object_id}"

    def save(self, *args, **kwargs) -> None:
        from precinct.core import chain

        if self.pk is not None and not self._state.adding:
            raise PermissionError("Audit entries are never changed.")
        super().save(*args, **kwargs)
        chain.seal_after_commit()

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are never deleted.")

    def changes(self) -> list[tuple[str, object, object]]:
        """The fields whose values differ between before and after."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
        return [(key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("public holiday")
    REST = "rest", _("rest day carried over or transferred")
    WORKING = "working", _("Saturday or Sunday worked")


class CalendarDay(Timestamped):
    """An exception to the Monday-to-Friday week that deadlines in working days are counted in: a public
    holiday, a rest day the Labour Code carries over or the Cabinet of Ministers transfers, or a weekend
    day declared a working day. Reference data that administrators keep as the government announces."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=DayKind.choices)
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["holiday", "rest", "working"]), name="calendar_day_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.name_en}"


class Generation(models.Model):
    """A counter that every change of the figures' rollups advances (see core.rollups): what is cached
    from the figures is keyed by it, so that a cache in any process is stale the moment the records
    change and never after."""

    name = models.CharField(max_length=40, unique=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


class ImportedFile(models.Model):
    """A file an importer wrote, known by the SHA-256 of its bytes: the same file imported again (by
    mistake, or retried after it went through) is refused with the day it was imported, and changes
    nothing. Written in the import's own transaction, so that a failed import leaves no mark."""

    importer = models.CharField(_("import"), max_length=40)
    digest = models.CharField(_("SHA-256"), max_length=64)
    name = models.CharField(_("file"), max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(_("user name"), max_length=150, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    written = models.PositiveIntegerField(_("records written"), default=0)

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")
        constraints = [models.UniqueConstraint(fields=["importer", "digest"], name="imported_once")]

    def __str__(self) -> str:
        return f"{self.name} ({self.at:%d.%m.%Y %H:%M})"
