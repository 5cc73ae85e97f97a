"""Values every page needs: the accessibility mode and the user's permissions."""

from precinct.core.roles import CHANGE, can


def interface(request) -> dict:
    user = request.user
    return {
        "accessible_mode": request.session.get("accessible_mode", False)
        if hasattr(request, "session")
        else False,
        "can_view_crimes": can(user, "crimes"),
        "can_change_crimes": can(user, "crimes", CHANGE),
        "can_view_audit": can(user, "audit"),
        "can_view_appeals": can(user, "appeals"),
        "can_view_drugs": can(user, "drugs"),
        "can_view_traffic": can(user, "traffic"),
        "can_change_traffic": can(user, "traffic", CHANGE),
        "can_view_reports": can(user, "reports"),
        "can_view_personnel": can(user, "personnel"),
        "can_view_discipline": can(user, "discipline"),
        "can_view_custody": can(user, "custody"),
    }
