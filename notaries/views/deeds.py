"""Deed pages: the notary's cooperative page (record a deed, the founders' full NIKs), the deed with its versions
(verify, reject, correct), the list of deeds, and the one door through which a deed's file leaves private storage."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cooperatives import selectors as cooperative_selectors
from cooperatives import services as cooperative_services
from cooperatives.views.common import submit
from notaries import access, selectors, services
from notaries.forms import DeedForm, RejectForm
from notaries.models import SUPERSEDED, DeedStatus
from notaries.views.home import PAGE_SIZE
from registry.errors import ApplicationError


@login_required
@require_http_methods(["GET", "POST"])
def cooperative(request: HttpRequest, pk: int) -> HttpResponse:
    """A cooperative assigned to the notary: its founders (masked) and its deed; records the deed."""
    coop = access.assigned_cooperative_get_for(user=request.user, pk=pk)
    coop = cooperative_selectors.cooperative_page(coop)
    form = DeedForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ok, result = submit(
            form,
            lambda: services.deed_record(
                actor=request.user,
                cooperative=coop,
                number=form.cleaned_data["number"],
                date=form.cleaned_data["date"],
                file=form.cleaned_data["file"],
            ),
        )
        if ok:
            deed, created = result
            messages.success(request, _("Deed recorded.") if created else _("This file was recorded already."))
            return redirect("notaries:deed", pk=deed.pk)
    deeds = selectors.deed_list(access.deeds_visible_to(request.user).filter(cooperative=coop), current_only=False)
    return render(
        request,
        "notaries/cooperative.html",
        {"coop": coop, "form": form, "deeds": list(deeds)},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def founders(request: HttpRequest, pk: int) -> HttpResponse:
    """The founders' full NIKs, to draft the deed: each showing is logged like an officer's (the NIK log)."""
    coop = access.assigned_cooperative_get_for(user=request.user, pk=pk)
    members = list(coop.members.order_by("full_name", "id"))
    for member in members:
        cooperative_services.nik_view_record(actor=request.user, member=member)
    return render(request, "notaries/founders.html", {"coop": coop, "members": members})


@login_required
def deed_list(request: HttpRequest) -> HttpResponse:
    """The notary's own deeds, or the deeds of the officer's regency: waiting ones oldest first (the queue)."""
    access.require(request.user, "deed.view")
    status = request.GET.get("status", "")
    if status not in {*DeedStatus.values, SUPERSEDED}:
        status = ""
    deeds = access.deeds_visible_to(request.user)
    cooperative = request.GET.get("koperasi", "")
    if cooperative.isdigit():  # one cooperative's deeds, every version (from the cooperative's page)
        deeds = selectors.deed_list(deeds.filter(cooperative_id=cooperative), status=status, current_only=False)
    else:
        deeds = selectors.deed_list(deeds, status=status)
    page = Paginator(deeds, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notaries/deed_list.html",
        {"page": page, "status": status, "statuses": [*DeedStatus.choices, (SUPERSEDED, _("Superseded"))]},
    )


def _deed_page(request: HttpRequest, deed, *, reject_form=None, correct_form=None, error: str = "", status: int = 200):
    shown = selectors.shown_status_of(deed)
    is_notary = access.can(request.user, "deed.record")
    may_decide = access.can(request.user, "deed.verify") and deed.is_current and deed.status == DeedStatus.DIAJUKAN
    may_correct = is_notary and deed.is_current and shown in {DeedStatus.DIAJUKAN, DeedStatus.DITOLAK, SUPERSEDED}
    return render(
        request,
        "notaries/deed.html",
        {
            "deed": deed,
            "coop": deed.cooperative,
            "error": error,
            "shown_status": shown,
            "versions": selectors.deed_versions(deed),
            "may_decide": may_decide,
            "may_correct": may_correct,
            "reject_form": reject_form or RejectForm(),
            "correct_form": correct_form or DeedForm(initial={"number": deed.number, "date": deed.date}),
            "downloads": selectors.deed_downloads(deed)[:20] if access.can(request.user, "deed.verify") else [],
        },
        status=status,
    )


@login_required
@require_GET
def deed(request: HttpRequest, pk: int) -> HttpResponse:
    return _deed_page(request, access.deed_get_for(user=request.user, pk=pk))


@login_required
@require_POST
def deed_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The district officer verifies (the cooperative moves to `akta`) or rejects with a reason."""
    deed = access.deed_get_for(user=request.user, pk=pk, action="deed.verify")
    if request.POST.get("action") == "verify":
        try:
            services.deed_verify(actor=request.user, deed=deed)
        except ApplicationError as exc:
            return _deed_page(request, deed, error=exc.message, status=400)
        messages.success(request, _("Deed verified: the cooperative is now at the deed stage."))
        return redirect("notaries:deed", pk=deed.pk)
    form = RejectForm(request.POST)
    ok, _result = submit(
        form, lambda: services.deed_reject(actor=request.user, deed=deed, reason=form.cleaned_data["reason"])
    )
    if ok:
        messages.success(request, _("Deed rejected: the notary is told the reason."))
        return redirect("notaries:deed", pk=deed.pk)
    return _deed_page(request, deed, reject_form=form, status=400)


@login_required
@require_POST
def deed_correct(request: HttpRequest, pk: int) -> HttpResponse:
    deed = access.deed_get_for(user=request.user, pk=pk, action="deed.record")
    form = DeedForm(request.POST, request.FILES)
    ok, result = submit(
        form,
        lambda: services.deed_correct(
            actor=request.user,
            deed=deed,
            number=form.cleaned_data["number"],
            date=form.cleaned_data["date"],
            file=form.cleaned_data["file"],
        ),
    )
    if ok:
        corrected, _created = result
        messages.success(request, _("Corrected version submitted."))
        return redirect("notaries:deed", pk=corrected.pk)
    return _deed_page(request, deed, correct_form=form, status=400)


@login_required
@require_GET
def deed_file(request: HttpRequest, pk: int) -> FileResponse:
    """Deed files leave private storage only here, after the same scoping as the page; every opening is recorded.
    Shown inline, so the officer reads it in the browser."""
    deed = access.deed_get_for(user=request.user, pk=pk)
    services.deed_download_record(actor=request.user, deed=deed)
    filename = f"akta-{deed.cooperative.village_id}-v{deed.version}.pdf"
    response = FileResponse(deed.file.open("rb"), content_type="application/pdf", filename=filename)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
