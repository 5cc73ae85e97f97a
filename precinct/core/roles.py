"""Roles and what each may do in each domain; territorial reach is applied on top by `visible_to`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer")
    APPEALS_OFFICER = "appeals_officer", _("Appeals officer")
    INSPECTOR = "inspector", _("Inspector")
    CUSTODY_OFFICER = "custody_officer", _("Custody officer")
    COOPERATION_OFFICER = "cooperation_officer", _("Cooperation officer")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


VIEW, CHANGE = "view", "change"

# Domain → role → actions. A domain not listed for a role is invisible to it.
GRANTS: dict[str, dict[str, set[str]]] = {
    "organisation": {role: {VIEW} for role in Role.values} | {Role.ADMINISTRATOR: {VIEW, CHANGE}},
    "crimes": {
        Role.OFFICER: {VIEW, CHANGE},
        Role.CUSTODY_OFFICER: {VIEW},  # the persons and crimes a detention is linked to
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    "drugs": {
        Role.OFFICER: {VIEW, CHANGE},
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    "traffic": {
        Role.OFFICER: {VIEW, CHANGE},
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    "appeals": {
        Role.APPEALS_OFFICER: {VIEW, CHANGE},
        Role.INSPECTOR: {VIEW},  # a citizen's complaint is where an investigation may begin
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    # Employees, their service, training and casualties: kept by inspectors (the personnel service).
    "personnel": {
        Role.INSPECTOR: {VIEW, CHANGE},
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    # Disciplinary records: inspectors and administrators only; analysts see the figures, not the files.
    "discipline": {
        Role.INSPECTOR: {VIEW, CHANGE},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    # Detentions: kept by duty and custody officers of the body; inspectors oversee them (unlawful
    # detention is a disciplinary matter); analysts see the figures, never a detained person's record.
    "custody": {
        Role.OFFICER: {VIEW, CHANGE},
        Role.CUSTODY_OFFICER: {VIEW, CHANGE},
        Role.INSPECTOR: {VIEW},
        Role.ADMINISTRATOR: {VIEW, CHANGE},
    },
    "audit": {Role.ADMINISTRATOR: {VIEW}},
    # Reports of the bodies in reach; the records behind a figure are listed only where the domain allows.
    "reports": {
        Role.OFFICER: {VIEW},
        Role.INSPECTOR: {VIEW},
        Role.CUSTODY_OFFICER: {VIEW},
        Role.APPEALS_OFFICER: {VIEW},
        Role.ANALYST: {VIEW},
        Role.ADMINISTRATOR: {VIEW},
    },
}


def can(user, domain: str, action: str = VIEW) -> bool:
    """Whether the user's role allows the action in the domain (reach is checked separately)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    role = Role.ADMINISTRATOR if user.is_superuser else getattr(user, "role", None)
    return action in GRANTS.get(domain, {}).get(role, set())
