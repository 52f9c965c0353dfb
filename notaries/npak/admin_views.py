"""The admin pages of the NPAK import (wired into NotaryAdmin.get_urls): the upload form, the run's page with a
progress bar that htmx polls, and the report download. Only national admins (and superusers) open them; anyone
else gets 404, like every page outside a user's reach."""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notaries import access
from notaries.npak import progress
from notaries.npak.runs import npak_import_start
from registry.errors import ApplicationError

_TASK_ID = re.compile(r"[0-9a-f]{32}\Z")
SUMMARY_LABELS = [
    ("rows", gettext_lazy("rows")),
    ("resolved", gettext_lazy("resolved")),
    ("resolution_rate", gettext_lazy("resolution rate")),
    ("created", gettext_lazy("created")),
    ("changed", gettext_lazy("changed")),
    ("unchanged", gettext_lazy("unchanged")),
    ("duplicates", gettext_lazy("duplicates")),
    ("unresolved", gettext_lazy("unresolved")),
    ("ambiguous", gettext_lazy("ambiguous")),
    ("invalid", gettext_lazy("invalid")),
    ("warnings", gettext_lazy("warnings")),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("NPAK list (CSV)"),
        help_text=gettext_lazy("The published list with the columns Nama, Tempat Kedudukan, Provinsi, …"),
    )


def _allowed(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not access.can(request.user, "notary.import"):
        raise Http404
    return None


def _state(task_id: str) -> dict:
    state = progress.state_of(task_id) if _TASK_ID.match(task_id) else None
    if state is None:
        raise Http404
    return state


def _context(model_admin, request: HttpRequest, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import the NPAK list"),
        **extra,
    }


def upload(model_admin, request: HttpRequest) -> HttpResponse:
    if (denied := _allowed(request)) is not None:
        return denied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            task_id = npak_import_start(actor=request.user, data=upload_file.read(), filename=upload_file.name or "")
        except ApplicationError as error:
            form.add_error("file", error.message)
        else:
            return redirect("admin:notaries_notary_npak_status", task_id=task_id)
    return render(request, "admin/notaries/npak_import.html", _context(model_admin, request, form=form))


def status(model_admin, request: HttpRequest, task_id: str) -> HttpResponse:
    if (denied := _allowed(request)) is not None:
        return denied
    context = _context(model_admin, request, **_progress_context(task_id))
    return render(request, "admin/notaries/npak_status.html", context)


def progress_part(model_admin, request: HttpRequest, task_id: str) -> HttpResponse:
    """The bar alone, for htmx: polled every second until the run is done or failed."""
    if (denied := _allowed(request)) is not None:
        return denied
    return render(request, "admin/notaries/_npak_progress.html", _progress_context(task_id))


def report(model_admin, request: HttpRequest, task_id: str) -> FileResponse:
    if (denied := _allowed(request)) is not None:
        return denied
    name = _state(task_id).get("report")
    if not name or not default_storage.exists(name):
        raise Http404
    return FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=f"npak-report-{task_id[:8]}.csv",
        content_type="text/csv; charset=utf-8",
    )


def _shown(key: str, value) -> str:
    if key == "resolution_rate":
        return f"{number_format(value, 2)}%"
    return number_format(value, force_grouping=True)


def _progress_context(task_id: str) -> dict:
    state = _state(task_id)
    summary = state.get("summary") or {}
    rows = [(label, _shown(key, summary[key])) for key, label in SUMMARY_LABELS if key in summary]
    return {
        "task_id": task_id,
        "state": state,
        "running": state.get("status") in {progress.QUEUED, progress.RUNNING},
        "done": state.get("status") == progress.DONE,
        "summary_rows": rows,
    }
