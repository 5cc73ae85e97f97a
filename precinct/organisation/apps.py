from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "precinct.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from precinct.core.discovery import load_reference_after_migrate

        post_migrate.connect(load_reference_after_migrate, sender=self)
