"""The founders tab: the list with each NIK's warnings, adding, the inline NIK check, editing, removing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cooperatives import access, rules, selectors, services
from cooperatives.forms import MemberForm
from cooperatives.services import ConflictError
from cooperatives.views.common import conflict_page, load, posted_version, read_or_write, submit, tab_page
from registry.errors import ApplicationError


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, read_or_write(request))
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        ok, added = submit(
            form, lambda: services.founding_member_add(actor=request.user, cooperative=coop, founder=form.founder())
        )
        if ok:
            member, warnings = added
            messages.success(request, _("%(name)s is added as a founder.") % {"name": member.full_name})
            for w in warnings:
                messages.warning(request, w)
            return redirect("cooperatives:members", pk=coop.pk)
    return tab_page(
        request,
        coop,
        "cooperatives/members.html",
        "members",
        status=400 if form.errors else 200,
        rows=selectors.member_rows(coop),
        form=form,
        # Everyone else sees the birth year: the full date beside the masked NIK would give the NIK back.
        show_birth_date=access.can(request.user, "member.view_birth_date"),
    )


@login_required
@require_POST
def member_check(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: check the NIK as it is typed, with the birth date and gender typed so far."""
    coop = access.cooperative_get_for(user=request.user, pk=pk, action="cooperative.change")
    form = MemberForm(request.POST)
    form.is_valid()  # for the cleaned optional fields; errors of other fields do not matter here
    data = getattr(form, "cleaned_data", {})
    nik = request.POST.get("nik", "")
    check = (
        rules.nik_check_for(coop, nik, birth_date=data.get("birth_date"), gender=data.get("gender") or None)
        if nik.strip()
        else None
    )
    return render(request, "cooperatives/_nik_feedback.html", {"check": check})


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """The only page that shows a full NIK, to the regency's officer; each showing is logged."""
    coop = load(request, pk, "member.view_full_nik")
    member = access.member_get_for(cooperative=coop, pk=member_pk)
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST":
        access.require(request.user, "cooperative.change")
        try:
            ok, _saved = submit(
                form,
                lambda: services.founding_member_update(
                    actor=request.user, member=member, expected_version=posted_version(request), founder=form.founder()
                ),
            )
        except ConflictError as exc:
            return conflict_page(request, coop, exc, form)
        if ok:
            messages.success(request, _("Saved."))
            return redirect("cooperatives:members", pk=coop.pk)
    # The form below shows the NIK in full (the stored one, or the one just typed): every showing is logged.
    services.nik_view_record(actor=request.user, member=member)
    return tab_page(
        request,
        coop,
        "cooperatives/member_edit.html",
        "members",
        status=400 if form.errors else 200,
        form=form,
        member=member,
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    coop = load(request, pk, "cooperative.change")
    member = access.member_get_for(cooperative=coop, pk=member_pk)
    try:
        services.founding_member_remove(actor=request.user, member=member)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s is removed from the founders.") % {"name": member.full_name})
    return redirect("cooperatives:members", pk=coop.pk)
