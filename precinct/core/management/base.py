"""What commands share: the acting user (writes from the command line are audited too), and a bar for
work done in named steps."""

import os
import sys
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class ActingCommand(BaseCommand):
    """A command that writes records on behalf of a user given by --user or PRECINCT_USER."""

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--user",
            default=os.environ.get("PRECINCT_USER", ""),
            help="the user on whose behalf records are written (default: $PRECINCT_USER)",
        )

    def acting_user(self, username: str):
        if not username:
            raise CommandError("Name the acting user with --user USERNAME (or set PRECINCT_USER).")
        try:
            user = get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no active user “{username}”.") from None
        return user


def in_steps(title: str, steps: int, verbosity: int, work: Callable[[Callable[[str], None]], object]):
    """Run `work`, which names each step as it begins, under a progress bar of `steps` steps; a backup's
    refusal (a file that is not one, a digest that does not match) becomes the command's error."""
    from tqdm import tqdm

    from precinct.core.backup import BackupError

    with tqdm(total=steps, desc=title, unit=" steps", file=sys.stderr, disable=verbosity == 0) as bar:
        try:
            return work(lambda step: (bar.set_postfix_str(step), bar.update(1)))
        except BackupError as error:
            raise CommandError(str(error)) from None
