"""The board and supervisors tab."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives import rules, selectors, services
from cooperatives.forms import OfficerForm
from cooperatives.views.common import load, read_or_write, submit, tab_page
from registry.errors import ApplicationError


@login_required
def officers(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, read_or_write(request))
    form = OfficerForm(request.POST or None, cooperative=coop)
    if request.method == "POST":
        ok, _seat = submit(
            form,
            lambda: services.officer_assign(
                actor=request.user,
                cooperative=coop,
                position=form.cleaned_data["position"],
                member=form.cleaned_data["member"],
                name=form.cleaned_data["name"],
            ),
        )
        if ok:
            messages.success(request, _("Seat saved."))
            return redirect("cooperatives:officers", pk=coop.pk)
    seats = selectors.seats(coop)
    return tab_page(
        request,
        coop,
        "cooperatives/officers.html",
        "officers",
        status=400 if form.errors else 200,
        form=form,
        board=seats.board,
        supervisors=seats.supervisors,
        problems=rules.board_problems(seats.all),
        flags=rules.board_flags(seats.all),
    )


@login_required
@require_POST
def officer_remove(request: HttpRequest, pk: int, officer_pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    officer = next((o for o in coop.officers.all() if o.pk == officer_pk), None)
    if officer is None:
        raise Http404(_("Seat not found."))
    try:
        services.officer_remove(actor=request.user, officer=officer)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Seat removed."))
    return redirect("cooperatives:officers", pk=coop.pk)
