"""`precinct rollups rebuild|verify`: recompute the rollups from the records, or prove they agree."""

from django.core.management.base import BaseCommand, CommandError

from precinct.core.rollups import rollups


class Command(BaseCommand):
    help = "Rebuild the rollups from the records, or verify that they agree with them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "verify"])

    def handle(self, *args, action: str, **options) -> None:
        failed = False
        for rollup in rollups():
            name = rollup.model._meta.label
            if action == "rebuild":
                self.stdout.write(f"{name}: {rollup.rebuild()} cells rebuilt from the records")
                continue
            differences = rollup.differences()
            if differences:
                failed = True
                for key, expected, stored in differences[:20]:
                    self.stderr.write(f"{name} {key}: records give {expected}, rollup holds {stored}")
                self.stderr.write(f"{name}: {len(differences)} cells disagree with the records")
            else:
                self.stdout.write(self.style.SUCCESS(f"{name}: agrees with the records"))
        if failed:
            raise CommandError("The rollups disagree with the records; run `precinct rollups rebuild`.")
