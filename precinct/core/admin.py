"""The admin site writes through the audited service path like every other interface."""

from django.contrib import admin

from precinct.core import services
from precinct.core.audit import Actor, record, snapshot
from precinct.core.models import Action, AuditEntry, CalendarDay
from precinct.core.signals import calendar_changed


class AdministratorsOnly:
    """The admin site is the administrators' tool, whatever model permissions a staff account holds."""

    def has_module_permission(self, request) -> bool:
        return getattr(request.user, "is_administrator", False)

    def has_view_permission(self, request, obj=None) -> bool:
        return getattr(request.user, "is_administrator", False)

    def has_add_permission(self, request) -> bool:
        return getattr(request.user, "is_administrator", False)

    def has_change_permission(self, request, obj=None) -> bool:
        return getattr(request.user, "is_administrator", False)

    def has_delete_permission(self, request, obj=None) -> bool:
        return getattr(request.user, "is_administrator", False)


class ReadOnlyAdmin(AdministratorsOnly, admin.ModelAdmin):
    """Records kept for the trail (audit entries, tokens, locks): administrators read them, and act on
    them only through the admin actions each declares; nobody adds, edits or deletes one here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AuditedAdmin(AdministratorsOnly, admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes leave audit entries (many-to-many changes included)."""

    def save_model(self, request, obj, form, change) -> None:
        actor = Actor.from_request(request)
        if change:
            concrete = {field.name for field in obj._meta.concrete_fields}
            services.update(
                actor, obj, {name: getattr(obj, name) for name in form.changed_data if name in concrete}
            )
        else:
            services.create(actor, obj)

    def save_related(self, request, form, formsets, change) -> None:
        """Many-to-many fields are saved after the record: their change gets an entry of its own."""
        before = snapshot(form.instance)
        super().save_related(request, form, formsets, change)
        after = snapshot(form.instance)
        if after != before:
            record(Actor.from_request(request), Action.UPDATE, form.instance, before, after)

    def delete_model(self, request, obj) -> None:
        services.delete(Actor.from_request(request), obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "username", "via", "action", "model", "object_id", "object_repr"]
    list_filter = ["via", "action", "model"]
    search_fields = ["username", "object_id", "object_repr"]


@admin.register(CalendarDay)
class CalendarDayAdmin(AuditedAdmin):
    """The working-day calendar; a change counts the open deadlines again."""

    list_display = ["date", "kind", "name_en", "name_az"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["name_en", "name_az"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        calendar_changed.send(sender=CalendarDay, actor=Actor.from_request(request))

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        calendar_changed.send(sender=CalendarDay, actor=Actor.from_request(request))
