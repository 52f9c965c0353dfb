"""Pages for the cooperative formation record. Each view: scope (cooperatives.access), validate (a form), call a
service or selector, render. Read-only for provincial and national staff; writes for the regency's officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives import access, selectors, services
from cooperatives.forms import (
    BusinessUnitForm,
    CooperativeForm,
    CorrectionForm,
    DocumentForm,
    MeetingForm,
    MemberForm,
    OfficerForm,
)
from cooperatives.models import (
    Body,
    Cooperative,
    Document,
    MeetingKind,
    Pattern,
    Position,
    mask_nik,
)
from cooperatives.rules import board_flags, board_problems, stage_missing
from cooperatives.services import ConflictError
from cooperatives.services.members import nik_check_for
from registry import access as registry_access
from registry.errors import ApplicationError
from registry.models import RegionLevel
from registry.selectors import ancestors_of, districts_in
from registry.stages import STAGE_ORDER, Stage, next_stage, stage_index

PAGE_SIZE = 50


def _form_error(form, exc: ApplicationError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _submit(form, action: Callable[..., Any]) -> tuple[bool, Any]:
    """Validate the form and call the service with its data. A refusal becomes an error on the form, so the page
    is shown again with what was typed; a conflict propagates to the caller, which shows both versions."""
    if not form.is_valid():
        return False, None
    try:
        return True, action(**form.cleaned_data)
    except ConflictError:
        raise
    except ApplicationError as exc:
        _form_error(form, exc)
        return False, None


def _context(request: HttpRequest, coop: Cooperative, tab: str, **extra) -> dict:
    """What every tab of a cooperative page shows: header, stepper with what the next stage needs, permissions."""
    nxt = next_stage(coop.stage)
    current = stage_index(coop.stage)
    return {
        "coop": coop,
        "tab": tab,
        "can_change": access.can(request.user, "cooperative.change"),
        "stages": [(s, i < current, i == current) for i, s in enumerate(STAGE_ORDER)],
        "next_stage": nxt,
        "missing": stage_missing(coop, nxt) if nxt else [],
        "deed_stage": nxt == Stage.AKTA,
        "correction_form": CorrectionForm(
            initial={"to_stage": STAGE_ORDER[max(current - 1, 0)]},
        ),
        "earlier_stages": STAGE_ORDER[:current],
        # Founders and seats are fixed from the founding meeting on (a correction reopens them).
        "roster_open": current < stage_index(Stage.RAPAT_PENDIRIAN),
        **extra,
    }


def _page(request: HttpRequest, coop: Cooperative, template: str, tab: str, status: int = 200, **extra):
    return render(request, template, _context(request, coop, tab, **extra), status=status)


def _load(request: HttpRequest, pk: int, action: str = "cooperative.view") -> Cooperative:
    coop = access.cooperative_get_for(user=request.user, pk=pk, action=action)
    return selectors.cooperative_page(coop)


# --- worklist -------------------------------------------------------------------------------------------------------


@login_required
def worklist(request: HttpRequest, code: str) -> HttpResponse:
    access.require(request.user, "cooperative.view")
    region = registry_access.region_get_for(user=request.user, code=code)
    if region.level == RegionLevel.VILLAGE:
        raise Http404(_("Region not found."))
    f = {k: request.GET.get(k, "").strip() for k in ("q", "kecamatan", "stage", "pattern")}
    districts = list(districts_in(region=region)) if region.level < RegionLevel.DISTRICT else []
    if f["kecamatan"] not in {d.code for d in districts}:
        f["kecamatan"] = ""
    if f["stage"] not in {*Stage.values, selectors.NO_COOPERATIVE}:
        f["stage"] = ""
    if f["pattern"] not in Pattern.values:
        f["pattern"] = ""
    rows = selectors.worklist(
        region=region, search=f["q"], district=f["kecamatan"], stage=f["stage"], pattern=f["pattern"]
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperatives/worklist.html",
        {
            "region": region,
            "ancestors": [a for a in ancestors_of(region) if registry_access.in_area(request.user, a.code)],
            "page": page,
            "filters": f,
            "districts": districts,
            "stages": Stage.choices,
            "patterns": Pattern.choices,
            "no_cooperative": selectors.NO_COOPERATIVE,
            "can_change": access.can(request.user, "cooperative.change"),
        },
    )


# --- cooperative profile --------------------------------------------------------------------------------------------


@login_required
def create(request: HttpRequest, code: str) -> HttpResponse:
    village = access.village_get_for_change(user=request.user, code=code)
    form = CooperativeForm(request.POST or None, village=village, initial={"name": services.proposed_name(village)})
    if request.method == "POST":
        ok, coop = _submit(
            form,
            lambda covered_villages, **data: services.cooperative_register(
                actor=request.user, village=village, covered_villages=list(covered_villages), **data
            ),
        )
        if ok:
            messages.success(request, _("The cooperative is registered."))
            return redirect("cooperatives:detail", pk=coop.pk)
    existing = list(Cooperative.objects.filter(village=village, is_active=True).only("id", "name"))
    return render(request, "cooperatives/create.html", {"form": form, "village": village, "existing": existing})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk)
    return _page(request, coop, "cooperatives/profile.html", "profile", unit_form=BusinessUnitForm())


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change")
    form = CooperativeForm(request.POST or None, instance=coop, village=coop.village)
    if request.method == "POST":
        try:
            ok, _saved = _submit(
                form,
                lambda covered_villages, **data: services.cooperative_update(
                    actor=request.user,
                    cooperative=coop,
                    expected_version=_version(request),
                    covered_villages=list(covered_villages),
                    **data,
                ),
            )
        except ConflictError as exc:
            return _conflict(request, coop, exc, form)
        if ok:
            messages.success(request, _("Saved."))
            return redirect("cooperatives:detail", pk=coop.pk)
    return _page(request, coop, "cooperatives/edit.html", "profile", form=form, version=coop.version)


def _version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _conflict(request: HttpRequest, coop: Cooperative, exc: ConflictError, form) -> HttpResponse:
    """Both versions side by side; nothing was written."""
    current = exc.current
    rows = []
    for name, field in form.fields.items():
        if name == "covered_villages":
            continue
        mine = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else form.data.get(name)
        theirs = getattr(current, name, None)
        if name == "nik":  # the saved NIK stays masked here: only the logged edit form shows it in full
            theirs = mask_nik(theirs or "")
        rows.append((field.label, mine, theirs, (mine or None) != (theirs or None)))
    return render(
        request,
        "cooperatives/conflict.html",
        {"coop": coop, "rows": rows, "message": exc.message, "current": current},
        status=409,
    )


@login_required
@require_POST
def unit_set(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change")
    form = BusinessUnitForm(request.POST)
    ok, _unit = _submit(form, lambda **data: services.business_unit_set(actor=request.user, cooperative=coop, **data))
    if ok:
        messages.success(request, _("Business unit saved."))
        return redirect("cooperatives:detail", pk=coop.pk)
    return _page(request, coop, "cooperatives/profile.html", "profile", status=400, unit_form=form)


@login_required
@require_POST
def unit_remove(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change")
    unit = next((u for u in coop.business_units.all() if u.pk == unit_pk), None)
    if unit is None:
        raise Http404(_("Business unit not found."))
    services.business_unit_remove(actor=request.user, unit=unit)
    messages.success(request, _("Business unit removed."))
    return redirect("cooperatives:detail", pk=coop.pk)


# --- founders -------------------------------------------------------------------------------------------------------


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change" if request.method == "POST" else "cooperative.view")
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        ok, added = _submit(
            form, lambda **data: services.founding_member_add(actor=request.user, cooperative=coop, **data)
        )
        if ok:
            member, warnings = added
            messages.success(request, _("%(name)s is added as a founder.") % {"name": member.full_name})
            for w in warnings:
                messages.warning(request, w)
            return redirect("cooperatives:members", pk=coop.pk)
    status = 400 if form.errors else 200
    return _page(
        request,
        coop,
        "cooperatives/members.html",
        "members",
        status=status,
        rows=selectors.member_rows(coop),
        form=form,
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
        nik_check_for(coop, nik, birth_date=data.get("birth_date"), gender=data.get("gender") or None)
        if nik.strip()
        else None
    )
    return render(request, "cooperatives/_nik_feedback.html", {"check": check})


@login_required
def member_edit(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """The only page that shows a full NIK, to the regency's officer; each showing is logged."""
    coop = _load(request, pk, "cooperative.change")
    member = access.member_get_for(cooperative=coop, pk=member_pk)
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST":
        try:
            ok, _saved = _submit(
                form,
                lambda **data: services.founding_member_update(
                    actor=request.user, member=member, expected_version=_version(request), **data
                ),
            )
        except ConflictError as exc:
            return _conflict(request, coop, exc, form)
        if ok:
            messages.success(request, _("Saved."))
            return redirect("cooperatives:members", pk=coop.pk)
    if request.method == "GET":
        services.nik_view_record(actor=request.user, member=member)
    return _page(
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
    coop = _load(request, pk, "cooperative.change")
    member = access.member_get_for(cooperative=coop, pk=member_pk)
    try:
        services.founding_member_remove(actor=request.user, member=member)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s is removed from the founders.") % {"name": member.full_name})
    return redirect("cooperatives:members", pk=coop.pk)


# --- board and supervisors ------------------------------------------------------------------------------------------


@login_required
def officers(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change" if request.method == "POST" else "cooperative.view")
    form = OfficerForm(request.POST or None, cooperative=coop)
    if request.method == "POST":
        ok, _seat = _submit(form, lambda **data: services.officer_assign(actor=request.user, cooperative=coop, **data))
        if ok:
            messages.success(request, _("Seat saved."))
            return redirect("cooperatives:officers", pk=coop.pk)
    seats = list(coop.officers.all())
    order = {p: i for i, p in enumerate(Position)}
    seats.sort(key=lambda o: (o.body != Body.PENGURUS, order[o.position]))
    return _page(
        request,
        coop,
        "cooperatives/officers.html",
        "officers",
        status=400 if form.errors else 200,
        form=form,
        board=[o for o in seats if o.body == Body.PENGURUS],
        supervisors=[o for o in seats if o.body == Body.PENGAWAS],
        problems=board_problems(seats),
        flags=board_flags(seats),
    )


@login_required
@require_POST
def officer_remove(request: HttpRequest, pk: int, officer_pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change")
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


# --- meetings and documents -----------------------------------------------------------------------------------------


def _meeting_ids(kind: str) -> str:
    """Two meeting forms share one page: element ids carry the kind, field names stay the same."""
    return f"id_{kind if kind in MeetingKind.values else 'meeting'}_%s"


def _meeting_forms(coop: Cooperative, bound: MeetingForm | None = None) -> dict:
    meetings = {m.kind: m for m in coop.meetings.all()}
    forms = {}
    for kind in MeetingKind:
        m = meetings.get(kind)
        initial = {"kind": kind.value}
        if m:
            initial.update(date=m.date, place=m.place, attendance=m.attendance)
        forms[kind.value] = (
            bound
            if bound is not None and bound.data.get("kind") == kind.value
            else MeetingForm(initial=initial, auto_id=_meeting_ids(kind.value))
        )
    return {"meeting_forms": [(kind, meetings.get(kind), forms[kind.value]) for kind in MeetingKind]}


@login_required
def meetings(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change" if request.method == "POST" else "cooperative.view")
    bound = None
    if request.method == "POST":
        bound = MeetingForm(request.POST, request.FILES, auto_id=_meeting_ids(request.POST.get("kind", "")))
        ok, _meeting = _submit(
            bound, lambda **data: services.meeting_record(actor=request.user, cooperative=coop, **data)
        )
        if ok:
            messages.success(request, _("Meeting saved."))
            return redirect("cooperatives:meetings", pk=coop.pk)
    return _page(
        request,
        coop,
        "cooperatives/meetings.html",
        "meetings",
        status=400 if bound is not None and bound.errors else 200,
        **_meeting_forms(coop, bound),
    )


@login_required
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk, "cooperative.change" if request.method == "POST" else "cooperative.view")
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ok, _document = _submit(
            form, lambda **data: services.document_upload(actor=request.user, cooperative=coop, **data)
        )
        if ok:
            messages.success(request, _("Document uploaded."))
            return redirect("cooperatives:documents", pk=coop.pk)
    return _page(
        request,
        coop,
        "cooperatives/documents.html",
        "documents",
        status=400 if form.errors else 200,
        form=form,
        documents=list(coop.documents.all()),
    )


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    """Files leave the private folder only here, after the same scoping as the page."""
    coop = access.cooperative_get_for(user=request.user, pk=pk)
    try:
        document = Document.objects.get(pk=document_pk, cooperative=coop)
    except Document.DoesNotExist:
        raise Http404(_("Document not found.")) from None
    filename = f"{coop.village_id}-{document.kind}-{document.pk}.pdf"
    response = FileResponse(document.file.open("rb"), content_type="application/pdf", filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"  # personal data: no shared or disk cache
    return response


# --- stages and history ---------------------------------------------------------------------------------------------


@login_required
@require_POST
def stage(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action")
    needed = "cooperative.correct_stage" if action == "correct" else "cooperative.change"
    coop = access.cooperative_get_for(user=request.user, pk=pk, action=needed)
    try:
        if action == "correct":
            form = CorrectionForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Choose an earlier stage and write the reason."))
            services.cooperative_correct_stage(actor=request.user, cooperative=coop, **form.cleaned_data)
            messages.success(request, _("Stage corrected."))
        else:
            coop = services.cooperative_advance(
                actor=request.user, cooperative=coop, expected_version=_version(request)
            )
            messages.success(request, _("Stage: %(stage)s.") % {"stage": Stage(coop.stage).label})
    except ConflictError as exc:
        messages.error(request, exc.message + " " + _("Reload the page to see the current state."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("cooperatives:detail", pk=coop.pk)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    coop = _load(request, pk)
    return _page(
        request,
        coop,
        "cooperatives/history.html",
        "history",
        entries=selectors.history(coop),
        transitions=list(selectors.transitions(coop)),
    )


# --- lists for staff ------------------------------------------------------------------------------------------------


@login_required
def data_quality(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "data_quality.view")
    rows = selectors.duplicate_villages(access.cooperatives_visible_to(request.user))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cooperatives/data_quality.html", {"page": page})


@login_required
def nik_views(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "nik_views.list")
    page = Paginator(selectors.nik_views(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cooperatives/nik_views.html", {"page": page})
