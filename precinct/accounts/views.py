"""The account page: the user's own API tokens, made and revoked by themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from precinct.accounts import tokens
from precinct.accounts.forms import TokenForm
from precinct.accounts.models import ApiToken
from precinct.core.audit import Actor


@login_required
def account(request):
    """The tokens, and a form for a new one; a new token is shown on the answer to its form, once."""
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        token, raw = tokens.issue(
            Actor.from_request(request), values["name"], values["scope"], values["domains"], values["days"]
        )
        issued = {"token": token, "raw": raw}
        form = TokenForm()
    domains = tokens.api_domains()
    own = [
        (token, [domains.get(label, label) for label in token.domains])
        for token in ApiToken.objects.filter(user=request.user).select_related("ended_by")
    ]
    return TemplateResponse(
        request,
        "accounts/account.html",
        {"title": _("Your account"), "form": form, "issued": issued, "tokens": own},
    )


@login_required
@require_POST
def revoke(request, pk: int):
    # Another user's token is "not found": nobody learns which tokens exist.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke(Actor.from_request(request), token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:account")
