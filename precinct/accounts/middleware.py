"""The limits of a session: it ends a fixed time after its log-in however active it is (it ends after
idle minutes by the cookie's own age), and the moment its account is locked."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils import timezone
from django.utils.translation import gettext as _

SESSION_STARTED = "precinct.login_at"
LOCK_CHECKED = "precinct.lock_checked_at"
# A lock is looked for at most this often in one session: a query per request would cost every page.
LOCK_CHECK_SECONDS = 30


class SessionLimits:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ended = self.why_ended(request)
            if ended:
                logout(request)
                messages.info(request, ended)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)

    def why_ended(self, request) -> str | None:
        from precinct.accounts.lockout import is_locked

        now = timezone.now().timestamp()
        started = request.session.setdefault(SESSION_STARTED, now)
        if now - started > settings.SESSION_MAX_HOURS * 3600:
            return _("Your session ended %(hours)s hours after you logged in; log in again.") % {
                "hours": settings.SESSION_MAX_HOURS
            }
        if now - request.session.get(LOCK_CHECKED, 0) > LOCK_CHECK_SECONDS:
            request.session[LOCK_CHECKED] = now
            if is_locked(request.user):
                return _("Your account is locked; an administrator can release it.")
        return None
