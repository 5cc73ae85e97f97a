"""`precinct demo-data`: the national demonstration dataset, written through the domains' own code paths."""

import random
import sys

from django.core.management.base import CommandError
from django.db import transaction
from tqdm import tqdm

from precinct.core.audit import Actor
from precinct.core.discovery import app_modules
from precinct.core.management.base import ActingCommand
from precinct.core.models import AuditEntry, Via


class Command(ActingCommand):
    help = (
        "Generate the demonstration dataset for 2022 and 2023 (skipped if the database already has records)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2023, help="random seed (default 2023)")
        parser.add_argument("--scale", type=float, default=1.0, help="size relative to the national default")
        super().add_arguments(parser)

    def handle(self, *args, seed: int, scale: float, user: str, **options) -> None:
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        if AuditEntry.objects.filter(via=Via.CLI, note="demo-data").exists():
            self.stdout.write("The demonstration data is already loaded; nothing to do.")
            return
        actor = Actor(user=self.acting_user(user), via=Via.CLI)
        rng = random.Random(seed)
        totals: dict[str, int] = {}
        # One transaction, the marker included: a run cut short leaves nothing, and the next starts clean.
        with transaction.atomic():
            with tqdm(
                unit=" records", desc="Demonstration data", file=sys.stderr, disable=options["verbosity"] == 0
            ) as bar:
                for module in app_modules("demo"):
                    totals |= module.generate(actor, rng, scale, bar.update)
                # Then what links one domain's records to another's written after it (a complaint's
                # investigation to the citizen's application), from a stream of its own.
                links = random.Random(seed + 1)
                for module in app_modules("demo"):
                    if hasattr(module, "finish"):
                        totals |= module.finish(actor, links, scale)
            AuditEntry.objects.create(
                user=actor.user,
                username=actor.user.username,
                via=Via.CLI,
                action="create",
                model="core.dataset",
                object_id=str(seed),
                note="demo-data",
                object_repr=f"demonstration data, seed {seed}, scale {scale}",
            )
        self.stdout.write(", ".join(f"{count} {name}" for name, count in totals.items()))
