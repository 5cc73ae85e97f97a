"""Small pages of the interface itself: the accessibility mode, the icon."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


@require_POST
def toggle_accessible_mode(request):
    """Larger type and high contrast for the visually impaired, kept for the session."""
    request.session["accessible_mode"] = not request.session.get("accessible_mode", False)
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


def favicon(request):
    # Looked up per request: the hashed name exists only once static files are collected.
    return redirect(static("precinct/favicon.svg"), permanent=True)
