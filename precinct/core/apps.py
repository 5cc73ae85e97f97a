from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "precinct.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from precinct.core.discovery import load_reference_after_migrate
        from precinct.core.rollups import fill_empty_after_migrate

        post_migrate.connect(load_reference_after_migrate, sender=self)
        post_migrate.connect(fill_empty_after_migrate, sender=self)
