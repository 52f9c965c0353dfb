"""Stage moves (a step forward, or a correction back) and the history tab with the timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives import access, selectors, services
from cooperatives.forms import CorrectionForm
from cooperatives.services import ConflictError
from cooperatives.views.common import load, posted_version, tab_page
from registry.errors import ApplicationError
from registry.stages import Stage


@login_required
@require_POST
def stage(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action")
    needed = "cooperative.correct_stage" if action == "correct" else "cooperative.change"
    coop = access.cooperative_get_for(user=request.user, pk=pk, action=needed)
    version = posted_version(request)
    try:
        if version is None:
            raise ApplicationError(_("The page was opened without a version: reload it and try again."))
        if action == "correct":
            form = CorrectionForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Choose an earlier stage and write the reason."))
            services.cooperative_correct_stage(
                actor=request.user,
                cooperative=coop,
                to_stage=form.cleaned_data["to_stage"],
                reason=form.cleaned_data["reason"],
                expected_version=version,
            )
            messages.success(request, _("Stage corrected."))
        else:
            coop = services.cooperative_advance(actor=request.user, cooperative=coop, expected_version=version)
            messages.success(request, _("Stage: %(stage)s.") % {"stage": Stage(coop.stage).label})
    except ConflictError as exc:
        messages.error(request, exc.message + " " + _("Reload the page to see the current state."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("cooperatives:detail", pk=coop.pk)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk)
    return tab_page(
        request,
        coop,
        "cooperatives/history.html",
        "history",
        entries=selectors.history(coop),
        transitions=list(selectors.transitions(coop)),
    )
