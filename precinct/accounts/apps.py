from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "precinct.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from precinct.accounts import signals  # noqa: F401  (audits log-ins and ends tokens)
