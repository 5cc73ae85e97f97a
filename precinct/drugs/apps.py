from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DrugsConfig(AppConfig):
    name = "precinct.drugs"
    label = "drugs"
    verbose_name = _("Drugs")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from precinct.core.discovery import load_reference_after_migrate

        post_migrate.connect(load_reference_after_migrate, sender=self)
