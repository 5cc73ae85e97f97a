"""The API's authentication: a bearer token, within what its scope allows."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import SAFE_METHODS, BasePermission

from precinct.accounts import tokens
from precinct.accounts.models import ApiToken, Scope
from precinct.core.addresses import client_address


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer prc_…`: a live token of an active account."""

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != b"bearer":
            return None
        if len(words) != 2:
            raise AuthenticationFailed(_("Give the token after “Bearer” and a single space."))
        try:
            token = tokens.check(words[1].decode("ascii", errors="replace"), client_address(request))
        except tokens.TokenRefused as refused:
            raise AuthenticationFailed(str(refused)) from None
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class WithinTokenScope(BasePermission):
    """A read-only token reads; a token limited to some domains calls only their endpoints."""

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return True
        if request.method not in SAFE_METHODS and token.scope != Scope.WRITE:
            self.message = _("This token may only read.")
            return False
        domain = type(view).__module__.split(".")[1]
        if token.domains and domain not in token.domains:
            self.message = _("This token is not for this domain.")
            return False
        return True


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The schema tells how to authenticate, and the documentation page offers to enter a token."""

    target_class = ApiTokenAuthentication
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A token made on the account page."}
