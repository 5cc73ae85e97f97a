"""Responses that may carry personal data are never kept by a browser or a proxy."""

from django.utils.cache import patch_cache_control


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
