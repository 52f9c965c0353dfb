"""The notary's API tokens: create (shown once, on this response only), list, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives.views.common import submit
from notaries import access, selectors, services
from notaries.forms import TokenForm


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "token.manage")
    access.notary_for(request.user)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST":
        ok, result = submit(form, lambda: services.api_token_create(actor=request.user, name=form.cleaned_data["name"]))
        if ok:
            created = result[1]
            form = TokenForm()
    rows = list(selectors.tokens_of(request.user))
    return render(
        request,
        "notaries/tokens.html",
        {"form": form, "tokens": rows, "created": created},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = access.token_get_for(user=request.user, pk=pk)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token “%(name)s” revoked: it no longer opens the API.") % {"name": token.name})
    return redirect("notaries:tokens")
