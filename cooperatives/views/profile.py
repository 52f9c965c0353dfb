"""Registering a cooperative, its profile and business units, and taking it out of the count or moving its seat."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives import access, selectors, services
from cooperatives.forms import BusinessUnitForm, CooperativeForm, DeactivateForm, ReseatForm
from cooperatives.services import ConflictError
from cooperatives.views.common import conflict_page, load, posted_version, submit, tab_page


@login_required
def create(request: HttpRequest, code: str) -> HttpResponse:
    village = access.village_get_for_change(user=request.user, code=code)
    form = CooperativeForm(request.POST or None, village=village, initial={"name": services.proposed_name(village)})
    if request.method == "POST":
        ok, coop = submit(
            form,
            lambda: services.cooperative_register(
                actor=request.user, village=village, profile=form.profile(), covered_villages=form.covered()
            ),
        )
        if ok:
            messages.success(request, _("The cooperative is registered."))
            for warning in selectors.name_warnings(coop):
                messages.warning(request, warning)
            return redirect("cooperatives:detail", pk=coop.pk)
    return render(
        request,
        "cooperatives/create.html",
        {"form": form, "village": village, "existing": selectors.active_in_village(village)},
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk)
    return tab_page(request, coop, "cooperatives/profile.html", "profile", unit_form=BusinessUnitForm())


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    form = CooperativeForm(request.POST or None, instance=coop, village=coop.village)
    if request.method == "POST":
        old_name = coop.name
        try:
            ok, saved = submit(
                form,
                lambda: services.cooperative_update(
                    actor=request.user,
                    cooperative=coop,
                    expected_version=posted_version(request),
                    profile=form.profile(),
                    covered_villages=form.covered(),
                ),
            )
        except ConflictError as exc:
            return conflict_page(request, coop, exc, form)
        if ok:
            messages.success(request, _("Saved."))
            for warning in selectors.name_warnings(saved, renamed_from=old_name):
                messages.warning(request, warning)
            return redirect("cooperatives:detail", pk=coop.pk)
    return tab_page(request, coop, "cooperatives/edit.html", "profile", form=form, version=coop.version)


@login_required
@require_POST
def unit_set(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    form = BusinessUnitForm(request.POST)
    ok, _unit = submit(
        form,
        lambda: services.business_unit_set(
            actor=request.user,
            cooperative=coop,
            kind=form.cleaned_data["kind"],
            status=form.cleaned_data["status"],
            other_name=form.cleaned_data["other_name"],
        ),
    )
    if ok:
        messages.success(request, _("Business unit saved."))
        return redirect("cooperatives:detail", pk=coop.pk)
    return tab_page(request, coop, "cooperatives/profile.html", "profile", status=400, unit_form=form)


@login_required
@require_POST
def unit_remove(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    unit = next((u for u in coop.business_units.all() if u.pk == unit_pk), None)
    if unit is None:
        raise Http404(_("Business unit not found."))
    services.business_unit_remove(actor=request.user, unit=unit)
    messages.success(request, _("Business unit removed."))
    return redirect("cooperatives:detail", pk=coop.pk)


def _lifecycle_page(request: HttpRequest, coop, form, template: str, call, done: str) -> HttpResponse:
    """A form with a reason that moves the whole cooperative (deactivation, a new seat): conflicts shown side by side,
    refusals on the form, success back to the profile."""
    if request.method == "POST":
        try:
            ok, _coop = submit(form, call)
        except ConflictError as exc:
            return conflict_page(request, coop, exc, form)
        if ok:
            messages.success(request, done)
            return redirect("cooperatives:detail", pk=coop.pk)
    return tab_page(request, coop, template, "profile", status=400 if form.errors else 200, form=form)


@login_required
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    form = DeactivateForm(request.POST or None)
    return _lifecycle_page(
        request,
        coop,
        form,
        "cooperatives/deactivate.html",
        lambda: services.cooperative_deactivate(
            actor=request.user,
            cooperative=coop,
            reason=form.cleaned_data["reason"],
            expected_version=posted_version(request),
        ),
        _("The cooperative is deactivated."),
    )


@login_required
def reseat(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    form = ReseatForm(request.POST or None, cooperative=coop)
    return _lifecycle_page(
        request,
        coop,
        form,
        "cooperatives/reseat.html",
        lambda: services.cooperative_reseat(
            actor=request.user,
            cooperative=coop,
            village=form.cleaned_data["village"],
            reason=form.cleaned_data["reason"],
            duplicate_reason=form.cleaned_data["duplicate_reason"],
            expected_version=posted_version(request),
        ),
        _("The seat village is changed."),
    )
