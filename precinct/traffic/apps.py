from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrafficConfig(AppConfig):
    name = "precinct.traffic"
    label = "traffic"
    verbose_name = _("Road safety")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from precinct.core.discovery import load_reference_after_migrate

        post_migrate.connect(load_reference_after_migrate, sender=self)
