"""The meetings tab: the Musdesus and the founding meeting, each with its minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.forms import MeetingForm
from cooperatives.models import Cooperative
from cooperatives.views.common import load, read_or_write, submit, tab_page


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
    coop = load(request, pk, read_or_write(request))
    bound = None
    if request.method == "POST":
        bound = MeetingForm(request.POST, request.FILES, auto_id=_meeting_ids(request.POST.get("kind", "")))
        form = bound
        ok, _meeting = submit(
            form,
            lambda: services.meeting_record(
                actor=request.user,
                cooperative=coop,
                kind=form.cleaned_data["kind"],
                date=form.cleaned_data["date"],
                place=form.cleaned_data["place"],
                attendance=form.cleaned_data["attendance"],
                minutes=form.cleaned_data["minutes"],
            ),
        )
        if ok:
            messages.success(request, _("Meeting saved."))
            return redirect("cooperatives:meetings", pk=coop.pk)
    return tab_page(
        request,
        coop,
        "cooperatives/meetings.html",
        "meetings",
        status=400 if bound is not None and bound.errors else 200,
        refused_form=bound,
        **_meeting_forms(coop, bound),
    )
