"""The demonstration users: one per persona, so that every role can be tried at once."""

from django.contrib.auth import get_user_model

from precinct.core.roles import Role
from precinct.organisation.models import Body

# user name → (given name, surname, role, bodies in reach)
DEMO_USERS = {
    "admin": ("Demo", "Administrator", Role.ADMINISTRATOR, ["mia"]),
    "analyst": ("Leyla", "Analyst", Role.ANALYST, ["mia"]),
    "nasimi": ("Rashad", "Nasimi Officer", Role.OFFICER, ["baku-nasimi"]),
    "ganja": ("Elvin", "Ganja Officer", Role.OFFICER, ["ganja"]),
    "appeals": ("Aysel", "Appeals Officer", Role.APPEALS_OFFICER, ["baku-nasimi"]),
    "appeals-chief": ("Kamran", "Appeals Chief", Role.APPEALS_OFFICER, ["baku-nasimi"]),
    "inspector": ("Farid", "Inspector", Role.INSPECTOR, ["mia"]),
    "inspector-chief": ("Samira", "Inspection Chief", Role.INSPECTOR, ["mia"]),
    "custody": ("Nigar", "Custody Officer", Role.CUSTODY_OFFICER, ["baku-nasimi"]),
    "custody-chief": ("Tural", "Custody Chief", Role.CUSTODY_OFFICER, ["baku-nasimi"]),
}
CHIEFS = {"appeals-chief", "custody-chief", "inspector-chief"}


def ensure_demo_users(password: str) -> list[str]:
    """Create the demonstration users that are missing; existing ones are left as they are."""
    User = get_user_model()
    created = []
    for username, (given, surname, role, reach) in DEMO_USERS.items():
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username, first_name=given, last_name=surname, role=role, is_chief=username in CHIEFS
        )
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
        user.reach.set(Body.objects.filter(code__in=reach))
        created.append(username)
    return created
