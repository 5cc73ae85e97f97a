from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from precinct.core.admin import AuditedAdmin
from precinct.core.audit import Actor, record
from precinct.core.models import Action
from precinct.organisation.models import Body, Employee, Position, Rank, User
from precinct.organisation.services import EDITABLE, body_rules, edit_body, found_body


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["code", "name_az", "name_en", "name_ru", "kind", "parent", "founded", "closed"]

    def _post_clean(self) -> None:
        super()._post_clean()  # the instance now holds the values entered
        for name, reasons in body_rules(self.instance).items():
            for reason in reasons:
                self.add_error(name, reason)


@admin.register(Body)
class BodyAdmin(AuditedAdmin):
    """Founding, renaming, moving and closing bodies: through the organisation's services, so that the
    bodies below and every figure follow at once."""

    form = BodyForm
    list_display = ["code", "name_en", "kind", "parent", "founded", "closed"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_az", "name_ru"]

    def save_model(self, request, obj, form, change) -> None:
        actor = Actor.from_request(request)
        if change:
            values = {name: form.cleaned_data[name] for name in form.changed_data if name in EDITABLE}
            edit_body(actor=actor, body=obj, values=values)
        else:
            form.instance = found_body(actor=actor, values=dict(form.cleaned_data))


@admin.register(Rank)
class RankAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "seniority"]


@admin.register(Position)
class PositionAdmin(AuditedAdmin):
    list_display = ["code", "name_en"]


@admin.register(Employee)
class EmployeeAdmin(AuditedAdmin):
    list_display = ["personnel_number", "surname", "given_name", "rank", "position", "body"]
    list_filter = ["rank", "position"]
    search_fields = ["personnel_number", "surname", "given_name"]
    autocomplete_fields = ["body"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, AuditedAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    # Access is the role and the territorial reach: Django's groups and permissions are not offered, so
    # that no grant exists outside them (and none is made or removed without an audit entry).
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
        (_("Precinct"), {"fields": ["employee", "role", "reach"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["reach"]
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the second factor of the selected accounts"))
    def reset_second_factor(self, request, queryset) -> None:
        """A lost phone: the account enrols an authenticator anew at its next log-in (audited)."""
        from precinct.accounts import mfa

        actor = Actor.from_request(request)
        done = 0
        for user in queryset:
            try:
                mfa.reset(actor, user)
                done += 1
            except PermissionError as refusal:
                messages.error(request, f"{user.username}: {refusal}")
        if done:
            messages.success(request, _("%(n)s accounts will set up their second factor anew.") % {"n": done})

    def user_change_password(self, request, id, form_url=""):
        """A password set by an administrator is a change to the user: audited (without the hash)."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            record(Actor.from_request(request), Action.UPDATE, user, None, None, note="password set")
        return response


# Groups grant nothing in Precinct (see UserAdmin): not kept in the admin at all.
admin.site.unregister(Group)


# The authenticators' secrets are their owners' alone: django-otp's own admin pages (which show a device's
# key and QR code) are not kept.
def _without_device_admins() -> None:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_without_device_admins()
