"""Administrators see every token and may revoke any; nobody makes one for another user."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from precinct.accounts import lockout, tokens
from precinct.accounts.models import ApiToken, Lock
from precinct.core.admin import ReadOnlyAdmin
from precinct.core.audit import Actor


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "prefix", "scope", "created_at", "expires_at", "last_used_at", "state"]
    list_filter = ["scope", "ended_because"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = [
        "user", "name", "prefix", "scope", "domains", "created_at", "expires_at", "ended_at",
        "ended_because", "ended_by", "last_used_at", "last_address",
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset) -> None:
        actor = Actor.from_request(request)
        for token in queryset:
            tokens.revoke(actor, token)
        messages.success(request, _("The tokens are revoked."))


@admin.register(Lock)
class LockAdmin(ReadOnlyAdmin):
    list_display = ["user", "locked_at", "failures", "released_at", "released_by"]
    list_filter = [("released_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username"]
    readonly_fields = fields = ["user", "locked_at", "failures", "released_at", "released_by"]
    actions = ["release"]

    @admin.action(description=_("Release the selected accounts"))
    def release(self, request, queryset) -> None:
        actor = Actor.from_request(request)
        for lock in queryset:
            lockout.release(actor, lock)
        messages.success(request, _("The accounts are released."))
