"""`precinct backup [-o FILE]`: a consistent copy of the database and the attachments in one file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from precinct.core import backup
from precinct.core.audit import Actor, record_export
from precinct.core.management.base import in_steps
from precinct.core.models import AuditEntry


class Command(BaseCommand):
    help = "Write a consistent copy of the database and the attachments to one tar file (see core.backup)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("-o", "--output", default=None, help="the file (default: var/backups/…)")

    def handle(self, *args, output: str | None, **options) -> None:
        target = Path(output) if output else default_target()
        target.parent.mkdir(parents=True, exist_ok=True)
        manifest = in_steps(
            "Backing up", 2, options["verbosity"], lambda progress: backup.make(target, progress=progress)
        )
        # Everything was read: the copy is an export of every record, and the log says so.
        record_export(Actor.cli(None), AuditEntry, len(manifest["members"]), f"backup {target.name}")
        self.stdout.write(self.style.SUCCESS(
            f"Backup written to {target}: the {manifest['database']} database and "
            f"{len(manifest['members']) - 1} attachments, audit chain at {manifest['audit_head']['seq']}."
        ))  # fmt: skip


def default_target() -> Path:
    return Path(settings.DATA_DIR) / "backups" / f"precinct-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
