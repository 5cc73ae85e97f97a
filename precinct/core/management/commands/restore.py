"""`precinct restore FILE [--yes]`: the database and the attachments put back as a backup holds them."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from precinct.core import backup
from precinct.core.audit import Actor, record
from precinct.core.management.base import in_steps
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
        # checking, the database, the attachments, proving the audit chain
        manifest = in_steps(
            "Restoring", 4, options["verbosity"], lambda progress: backup.restore(file, progress=progress)
        )
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
