"""`precinct rollups rebuild|verify`: recompute the rollups from the records, or prove they agree."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from precinct.core.rollups import one_snapshot, rollups


class Command(BaseCommand):
    help = "Rebuild the rollups from the records, or verify that they agree with them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "verify"])

    def handle(self, *args, action: str, **options) -> None:
        failed = False
        shown = {"desc": action.capitalize(), "unit": " rollups", "file": sys.stderr}
        for rollup in tqdm(rollups(), disable=options["verbosity"] == 0, **shown):
            name = rollup.model._meta.label
            if action == "rebuild":
                self.stdout.write(f"{name}: {rollup.rebuild()} cells rebuilt from the records")
                continue
            with one_snapshot():  # the records and the cells as at one moment, though writes go on
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
