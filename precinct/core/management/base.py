"""What commands that write share: the acting user (writes from the command line are audited too)."""

import os

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
