from django.core.management.base import BaseCommand

from precinct.core.discovery import app_modules


class Command(BaseCommand):
    help = "Load the reference data that is missing (territorial bodies, ranks, articles…); edits are kept."

    def handle(self, *args, **options) -> None:
        for module in app_modules("reference"):
            for name, created in module.load().items():
                self.stdout.write(f"{name}: {created} added")
