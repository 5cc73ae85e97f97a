from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "precinct.appeals"
    label = "appeals"
    verbose_name = _("Citizens' appeals")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from precinct.appeals.services import recount_deadlines
        from precinct.core.discovery import load_reference_after_migrate
        from precinct.core.signals import calendar_changed

        post_migrate.connect(load_reference_after_migrate, sender=self)
        calendar_changed.connect(recount_deadlines, dispatch_uid="appeals.recount_deadlines")
