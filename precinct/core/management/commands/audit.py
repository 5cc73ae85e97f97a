"""`precinct audit seal|verify|head`: keep the audit log's hash chain, prove it whole, export its head."""

import json
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from precinct.core import chain

log = logging.getLogger("precinct.audit")


class Command(BaseCommand):
    help = (
        "seal: give the entries not yet chained their places; verify: prove the chain whole or name the "
        "first broken entry; head: seal, then append the chain's head to the heads file and the log."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["seal", "verify", "head"])
        parser.add_argument(
            "--heads-file", default=None, help="where `head` appends (default: AUDIT_HEADS_FILE)"
        )

    def handle(self, *args, action: str, heads_file: str | None, **options) -> None:
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
