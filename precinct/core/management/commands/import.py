"""`precinct import KIND FILE`: all-or-nothing import with a progress bar and a report of bad rows; or,
for a feed (violations), every good row written and the bad ones quarantined and listed."""

import sys
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from tqdm import tqdm

from precinct.core.audit import Actor
from precinct.core.discovery import app_modules
from precinct.core.import_files import rereading
from precinct.core.importing import FileKey, importers
from precinct.core.management.base import ActingCommand
from precinct.core.models import Via


def count_rows(path: Path) -> int | None:
    if path.suffix.lower() == ".xlsx":
        return None
    with path.open("rb") as handle:
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) - 1, 0)


def feeds() -> dict:
    """The high-volume feeds the apps declare (`FEEDS` in feeds.py): kind → run(actor, path, progress)."""
    found = {}
    for module in app_modules("feeds"):
        found |= module.FEEDS
    return found


SHOWN_PROBLEMS = 20


class Command(ActingCommand):
    help = (
        "Import records from a CSV or XLSX file; if any row is bad, nothing is written. Feeds (violations, "
        "CSV or JSON lines) write every good row and quarantine the bad ones."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=sorted([*importers(), *feeds()]), help="what the file holds")
        parser.add_argument("file", type=Path)
        super().add_arguments(parser)

    def handle(self, *args, kind: str, file: Path, user: str, **options) -> None:
        if not file.exists():
            raise CommandError(f"No file {file}.")
        actor = Actor(user=self.acting_user(user), via=Via.IMPORT)
        if kind in feeds():
            return self.feed(kind, file, actor, options["verbosity"])
        importer = importers()[kind](actor)
        total, quiet = count_rows(file), options["verbosity"] == 0
        shown = {"unit": " rows", "file": sys.stderr, "disable": quiet}
        # The second bar opens with the write, which is one transaction: all of it or nothing.
        with (
            tqdm(total=total, desc=f"Checking {file.name}", **shown) as checking,
            tqdm(total=total, desc="Writing", delay=0.01, **shown) as writing,
        ):
            report = importer.run(
                rereading(file), progress=checking.update, file=FileKey.of(file), writing=writing.update
            )
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"line {error.line}, {error.field}: {error.reason}")
            found = len(report.errors)
            raise CommandError(
                f"Nothing imported: {found} problem{'s' * (found != 1)} in {report.rows} rows."
            )
        self.stdout.write(self.style.SUCCESS(f"{report.written} {kind} imported from {file}."))

    def feed(self, kind: str, file: Path, actor: Actor, verbosity: int) -> None:
        with tqdm(
            total=count_rows(file) if file.suffix.lower() == ".csv" else None,
            unit=" rows",
            desc=f"Taking in {file.name}",
            file=sys.stderr,
            disable=verbosity == 0,
        ) as bar:
            try:
                report = feeds()[kind](actor, file, bar.update)
            except PermissionDenied as refusal:
                raise CommandError(f"{actor.user.username}: {refusal}") from None
            except ValueError as unreadable:  # a file the feed cannot read at all (its batch ends failed)
                raise CommandError(f"{file.name}: {unreadable}") from None
        for line, field, reason in report.problems[:SHOWN_PROBLEMS]:
            self.stderr.write(f"line {line}, {field}: {reason}")
        if report.quarantined > SHOWN_PROBLEMS:
            self.stderr.write(
                f"… {report.quarantined - SHOWN_PROBLEMS} more quarantined rows: batch {report.batch.pk}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.rows} rows: {report.written} {kind} written, {report.duplicates} duplicates "
                f"dropped, {report.quarantined} quarantined (batch {report.batch.pk})."
            )
        )
