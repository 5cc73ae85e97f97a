"""Responses that may carry personal data are never kept by a browser or a proxy; parameters with a NUL
character are refused."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _


class NoStoreMiddleware:
    """Every response to a logged-in user, and every API response, says `Cache-Control: no-store`: a page,
    an export or an API answer names people, and a shared computer or a proxy must not keep it. Public
    pages (statistics, the appeal form) keep their own caching."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            patch_cache_control(response, no_store=True, private=True)
        return response


def with_nul(values) -> list[str]:
    """The names among a QueryDict's keys and values that carry a NUL character."""
    return sorted({key for key, found in values.lists() if "\x00" in key or any("\x00" in v for v in found)})


class RefuseNulCharacters:
    """A parameter or a form field with a NUL character is refused by name with 400: no record keeps one,
    and PostgreSQL refuses it in any text (a lookup by it would be a server error). Bodies sent to the API
    are checked by its serializers (`core.api.ServiceSerializer`), which read them themselves."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        found = with_nul(request.GET)
        if not request.path.startswith("/api/") and request.method == "POST":
            found += with_nul(request.POST)
        if found:
            reasons = {name.replace("\x00", "\\0"): [str(NUL_REFUSED)] for name in found}
            if request.path.startswith("/api/"):
                return JsonResponse(reasons, status=400)
            lines = [f"{name}: {' '.join(reason)}" for name, reason in reasons.items()]
            return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
        return self.get_response(request)


NUL_REFUSED = _("A NUL character is not allowed.")
