"""API authentication for systems: tokens that expire."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


class ExpiringTokenAuthentication(TokenAuthentication):
    """Token authentication; a token older than API_TOKEN_HOURS is refused (and removed)."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if timezone.now() - token.created > timedelta(hours=settings.API_TOKEN_HOURS):
            token.delete()
            raise AuthenticationFailed(_("The token has expired; ask for a new one."))
        return user, token
