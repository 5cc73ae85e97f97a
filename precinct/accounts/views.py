"""The account page (the user's own API tokens, made and revoked by themselves, and new recovery codes),
and the second step of every log-in (see `accounts.mfa`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from precinct.accounts import mfa, tokens
from precinct.accounts.forms import CodeForm, TokenForm
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
        {"title": _("Your account"), "form": form, "issued": issued, "tokens": own}
        | mfa.standing(request.user),
    )


@login_required
@require_POST
def revoke(request, pk: int):
    # Another user's token is "not found": nobody learns which tokens exist.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke(Actor.from_request(request), token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:account")


def safe_next(request) -> str:
    """The page the session asked for before its second factor, if it is one of ours; else nothing."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return ""


def after_second_factor(request):
    return redirect(safe_next(request) or "dashboard")


@login_required
def mfa_setup(request):
    """Enrolling an authenticator: its QR code and key, and the first code it shows; then the recovery
    codes, shown once. An account already enrolled gives its code instead."""
    if mfa.enrolled(request.user):
        return redirect(f"{reverse('accounts:mfa-verify')}?{urlencode({'next': safe_next(request)})}")
    device = mfa.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.confirm(request, device, form.cleaned_data["code"])
        if codes is not None:
            return TemplateResponse(
                request, "accounts/mfa_codes.html",
                {"title": _("Your recovery codes"), "codes": codes, "next": safe_next(request)},
            )  # fmt: skip
        form.add_error("code", _("This is not the code the app shows now: try the next one."))
    return TemplateResponse(
        request,
        "accounts/mfa_setup.html",
        {"title": _("Set up your second factor"), "form": form, "qr": mark_safe(mfa.qr_svg(device)),  # noqa: S308 - drawn here
         "key": mfa.key_text(device), "next": safe_next(request)},
    )  # fmt: skip


@login_required
def mfa_verify(request):
    """The second step of every log-in: a code from the authenticator, or a recovery code."""
    if not mfa.enrolled(request.user):
        return redirect("accounts:mfa-setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.verify(request, form.cleaned_data["code"]):
            return after_second_factor(request)
        form.add_error("code", _("This code is not right. Five wrong codes or passwords lock the account."))
    return TemplateResponse(
        request,
        "accounts/mfa_verify.html",
        {"title": _("Your second factor"), "form": form, "next": safe_next(request)},
    )


@login_required
@require_POST
def mfa_new_codes(request):
    """New recovery codes in place of the old ones, from the account page."""
    codes = mfa.new_recovery_codes(Actor.from_request(request), request.user)
    return TemplateResponse(
        request, "accounts/mfa_codes.html", {"title": _("Your recovery codes"), "codes": codes}
    )
