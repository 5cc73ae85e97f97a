"""`precinct body found|move|rename|close`: organisation changes from the command line, audited, with every
figure following at once (the same service as the admin's)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError

from precinct.core.audit import Actor
from precinct.core.management.base import ActingCommand
from precinct.organisation import services
from precinct.organisation.models import Body, BodyKind


def found(code: str) -> Body:
    try:
        return Body.objects.get(code=code)
    except Body.DoesNotExist:
        raise CommandError(f"There is no territorial body “{code}”.") from None


class Command(ActingCommand):
    help = (
        "Found a territorial body (--parent, --name, --kind, --on), move it (--parent), rename or re-code it "
        "(--name, --name-az, --name-ru, --new-code) or close it (--on)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["found", "move", "rename", "close"])
        parser.add_argument("code", help="the body's code")
        parser.add_argument("--parent", help="the body it is (to be) under")
        parser.add_argument("--kind", choices=BodyKind.values, default=BodyKind.DISTRICT_DEPARTMENT)
        parser.add_argument("--name", help="its name in English (founded: in the others too, unless given)")
        parser.add_argument("--name-az")
        parser.add_argument("--name-ru")
        parser.add_argument(
            "--new-code", help="rename: the body's new code (its path and those below follow)"
        )
        parser.add_argument(
            "--on", type=datetime.date.fromisoformat, help="founded or closed on (YYYY-MM-DD)"
        )
        super().add_arguments(parser)

    def handle(self, *args, action: str, code: str, user: str, **options) -> None:
        actor = Actor.cli(self.acting_user(user))
        # Renamed, a body changes only the names given; founded, it takes the English for those not given.
        fallback = options["name"] if action == "found" else None
        names = {
            key: value
            for key, value in (
                ("name_en", options["name"]),
                ("name_az", options["name_az"] or fallback),
                ("name_ru", options["name_ru"] or fallback),
            )
            if value
        }
        try:
            if action == "found":
                if not options["parent"] or not options["name"]:
                    raise CommandError("A body is founded with --parent and --name.")
                values = {"code": code, "parent": found(options["parent"]), "kind": options["kind"]}
                body = services.found_body(actor=actor, values=values | names | {"founded": options["on"]})
            elif action == "move":
                if not options["parent"]:
                    raise CommandError("Say where with --parent.")
                body = services.move_body(actor=actor, body=found(code), parent=found(options["parent"]))
            elif action == "rename":
                recoded = {"code": options["new_code"]} if options["new_code"] else {}
                if not names and not recoded:
                    raise CommandError("Give the new names (--name, --name-az, --name-ru) or --new-code.")
                body = services.edit_body(actor=actor, body=found(code), values=names | recoded)
            else:
                body = services.close_body(
                    actor=actor, body=found(code), on=options["on"] or datetime.date.today()
                )
        except ValidationError as error:
            reasons = [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
            raise CommandError("; ".join(reasons)) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{body.code}: {body.path}")
