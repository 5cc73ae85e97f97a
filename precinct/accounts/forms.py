from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from precinct.accounts import lockout
from precinct.accounts.models import Scope
from precinct.accounts.tokens import api_domains


class CodeForm(forms.Form):
    """A code of the second factor: six digits from the authenticator, or a recovery code."""

    code = forms.CharField(
        label=_("Code"), max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
    )  # fmt: skip


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. the system that uses it.")
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices, initial=Scope.READ)
    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("None chosen: every domain your role may use."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, initial=30)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domains"].choices = sorted(api_domains().items(), key=lambda item: item[1])
        # The limit is a setting, read when the form is made rather than when the module is imported.
        self.fields["days"].validators.append(_max_days)
        self.fields["days"].widget.attrs["max"] = settings.API_TOKEN_MAX_DAYS


def _max_days(value: int) -> None:
    if value > settings.API_TOKEN_MAX_DAYS:
        raise forms.ValidationError(
            _("A token lasts at most %(most)s days."), params={"most": settings.API_TOKEN_MAX_DAYS}
        )


class LoginForm(AuthenticationForm):
    """Django's log-in form, which also refuses a locked account, once its password is right: only
    someone who knows the password learns that the account is locked."""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if lockout.is_locked(user):
            user_login_failed.send(
                sender=__name__, credentials={"username": user.username, "why": "account locked"},
                request=self.request,
            )  # fmt: skip
            raise forms.ValidationError(
                _("This account is locked after repeated failed log-ins; an administrator can release it."),
                code="locked",
            )
