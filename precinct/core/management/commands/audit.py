"""`precinct audit seal|verify|head|export`: keep the audit log's hash chain, prove it whole, export its
head, and take the entries out as JSON Lines."""

import argparse
import contextlib
import datetime
import json
import logging
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from precinct.core import chain
from precinct.core.audit import Actor, record_export
from precinct.core.audit_export import entries, lines
from precinct.core.models import AuditEntry
from precinct.core.whole_files import written_whole
from precinct.organisation.models import User

log = logging.getLogger("precinct.audit")


class Command(BaseCommand):
    help = (
        "seal: give the entries not yet chained their places; verify: prove the chain whole or name the "
        "first broken entry; head: seal, then append the chain's head to the heads file and the log; "
        "export: the entries (of the days --from … --to) as JSON Lines, to --output or the standard output."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["seal", "verify", "head", "export"])
        parser.add_argument("--from", dest="since", type=day, default=None, help="export: the first day")
        parser.add_argument("--to", dest="until", type=day, default=None, help="export: the last day")
        parser.add_argument("-o", "--output", default=None, help="export: the file to write (JSON Lines)")
        parser.add_argument("--user", default=None, help="export: who takes it (named in its audit entry)")
        parser.add_argument(
            "--heads-file", default=None, help="where `head` appends (default: AUDIT_HEADS_FILE)"
        )

    def handle(self, *args, action: str, heads_file: str | None, **options) -> None:
        if action == "export":
            self.export(options["since"], options["until"], options["output"], options["user"])
            return
        if action in ("seal", "head"):
            sealed = chain.seal(wait=True)
            self.stdout.write(f"{sealed} entries sealed")
        if action == "head":
            seq, digest = chain.head()
            line = json.dumps({"at": timezone.now().isoformat(), "seq": seq, "digest": digest})
            with open(heads_file or settings.AUDIT_HEADS_FILE, "a", encoding="utf-8") as heads:
                heads.write(line + "\n")
            log.warning("audit chain head %s", line)  # at the level production logs keep
            self.stdout.write(line)
        if action == "verify":
            proved, broken, pending = chain.verify()
            if broken is not None:
                raise CommandError(
                    f"The audit chain is broken at entry {broken.pk} (place {broken.seq}, "
                    f"{broken.at:%Y-%m-%d %H:%M:%S} {broken.username} {broken.action} "
                    f"{broken.model} {broken.object_id}): {proved} entries before it are whole."
                )
            self.stdout.write(
                self.style.SUCCESS(f"The audit chain is whole: {proved} entries; {pending} not yet sealed.")
            )

    def export(self, since, until, output: str | None, username: str | None) -> None:
        if since and until and until < since:
            raise CommandError(f"--to {until:%d.%m.%Y} is before --from {since:%d.%m.%Y}.")
        user = None
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user “{username}”.")
        found = entries(since, until)
        total = found.count()
        # Taking the log out is itself in the log, under the name given (or the command line's), before a
        # line is written: an export cut short is a read too.
        own = record_export(Actor.cli(user), AuditEntry, total, f"audit export {since or ''}..{until or ''}")
        found = found.exclude(pk=own.pk)
        with contextlib.ExitStack() as stack:
            # An export cut short leaves no file that looks whole.
            handle = stack.enter_context(written_whole(Path(output))) if output else None
            bar = stack.enter_context(
                tqdm(total=total, unit=" entries", desc="Exporting", file=sys.stderr, disable=not output)
            )
            for line in lines(found):
                if handle:
                    handle.write(line.encode())
                else:
                    self.stdout.write(line, ending="")
                bar.update(1)
        if output:
            self.stderr.write(f"{total} entries written to {output}")


def day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a day (YYYY-MM-DD)") from None
