"""`precinct restore FILE [--yes]`: the database and the attachments put back as a backup holds them."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from precinct.core import backup
from precinct.core.audit import Actor, record
from precinct.core.models import Action
from precinct.organisation.models import Body


class Command(BaseCommand):
    help = (
        "Replace the database and the attachments with a backup's (stop the server first). Every member is "
        "checked against its digest before anything is replaced, and the audit chain is proved after."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing")

    def handle(self, *args, file: Path, yes: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No file {file}.")
        if not yes:
            answer = input(f"Replace this installation's database and attachments with {file}? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        steps = ["checking", "database", "attachments", "proving the audit chain"]
        with tqdm(total=len(steps), desc="Restoring", unit=" steps", file=sys.stderr,
                  disable=options["verbosity"] == 0) as bar:  # fmt: skip
            try:
                manifest = backup.restore(
                    file, progress=lambda step: (bar.set_postfix_str(step), bar.update(1))
                )
            except backup.BackupError as error:
                raise CommandError(str(error)) from None
        ministry = Body.objects.filter(parent=None).first()
        if ministry is not None:  # the restore itself, in the log it restored
            record(
                Actor.cli(None),
                Action.UPDATE,
                ministry,
                note=f"restored from {file.name} ({manifest['made_at']})",
            )
        self.stdout.write(self.style.SUCCESS(
            f"Restored from {file} (made {manifest['made_at']}): the audit chain is whole to "
            f"{manifest['audit_head']['seq']} and beyond."
        ))  # fmt: skip
