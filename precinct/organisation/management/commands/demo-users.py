from django.core.management.base import BaseCommand

from precinct.organisation.demo_users import DEMO_USERS, ensure_demo_users


class Command(BaseCommand):
    help = "Create the demonstration users (administrator, analyst, two district officers) if missing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--password", required=True, help="password given to the users created now")

    def handle(self, *args, password: str, **options) -> None:
        created = ensure_demo_users(password)
        self.stdout.write("Log in at http://127.0.0.1:8000/login/ as:")
        for username, (_given, _surname, role, reach) in DEMO_USERS.items():
            state = f"password {password}" if username in created else "already there, password unchanged"
            self.stdout.write(f"  {username:<10} {role.label:<15} reach {', '.join(reach):<12} ({state})")
