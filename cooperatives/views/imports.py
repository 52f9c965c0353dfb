"""The import pages: the templates, the upload with its dry-run report, the commit, the progress bar of a big file
(htmx polling), the report as XLSX, and the list of past imports. District officers, in their own regency."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cooperatives import access
from cooperatives.imports import run, selectors
from cooperatives.imports.forms import ImportForm
from cooperatives.imports.models import ImportKind, ImportStatus
from cooperatives.imports.report import Report
from cooperatives.imports.workbooks import template_workbook
from cooperatives.views.common import PAGE_SIZE
from registry import access as registry_access
from registry.errors import ApplicationError
from registry.models import Region, RegionLevel

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_NAMES = {ImportKind.MEMBERS: "templat-pendiri.xlsx", ImportKind.COOPERATIVES: "templat-koperasi.xlsx"}


def _officer(request: HttpRequest) -> None:
    if not access.can(request.user, "import.run"):
        raise Http404(_("Page not found."))


def _regency(request: HttpRequest) -> Region:
    """The officer's own regency: a cooperatives file goes there (a row of another regency is an error)."""
    return registry_access.region_get_for(user=request.user, code=request.user.region_id, level=RegionLevel.REGENCY)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def imports(request: HttpRequest) -> HttpResponse:
    """Past imports and the upload form; a valid upload is checked (a dry run) and its report shown."""
    _officer(request)
    form = ImportForm(request.POST or None, request.FILES or None, cooperatives=selectors.open_rosters(request.user))
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        try:
            imp = run.import_upload(
                actor=request.user,
                kind=kind,
                upload=form.cleaned_data["file"],
                cooperative=form.cleaned_data["cooperative"] if kind == ImportKind.MEMBERS else None,
                regency=_regency(request) if kind == ImportKind.COOPERATIVES else None,
            )
        except ApplicationError as exc:
            form.add_error("file" if exc.field in (None, "file") else None, exc.message)
        else:
            if imp.status == ImportStatus.CHECKING:
                run.start(actor=request.user, imp=imp, step="check")
            return redirect("cooperatives:import_detail", pk=imp.pk)
    page = Paginator(selectors.imports_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperatives/imports/list.html",
        {"form": form, "page": page, "kinds": ImportKind.choices},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def template(request: HttpRequest, kind: str) -> HttpResponse:
    _officer(request)
    if kind not in ImportKind.values:
        raise Http404(_("Page not found."))
    villages = selectors.villages_of(_regency(request)) if kind == ImportKind.COOPERATIVES else None
    return _xlsx(template_workbook(kind, villages=villages), TEMPLATE_NAMES[kind])


def _context(imp) -> dict:
    report = Report.of(imp.report)
    return {
        "imp": imp,
        "report": report,
        "file_errors": imp.report.get("file_errors", []),
        "progress": run.progress_of(imp),
        "running": imp.status in {ImportStatus.CHECKING, ImportStatus.SAVING},
    }


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    imp = access.import_get_for(user=request.user, pk=pk)
    return render(request, "cooperatives/imports/detail.html", _context(imp))


@login_required
@require_GET
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the progress bar while a task runs; once it is done the page reloads to show the result."""
    imp = access.import_get_for(user=request.user, pk=pk)
    context = _context(imp)
    response = render(request, "cooperatives/imports/_progress.html", context)
    if not context["running"]:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    imp = access.import_get_for(user=request.user, pk=pk)
    try:
        imp = run.start(actor=request.user, imp=imp, step="commit")
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("cooperatives:import_detail", pk=imp.pk)
    if imp.status == ImportStatus.SAVED:
        counts = {k: imp.report[k] for k in ("created", "updated", "unchanged")}
        saved = _("The file is saved: %(created)s added, %(updated)s changed, %(unchanged)s unchanged.")
        messages.success(request, saved % counts)
    return redirect("cooperatives:import_detail", pk=imp.pk)


@login_required
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    imp = access.import_get_for(user=request.user, pk=pk)
    stem = imp.original_name.rsplit(".", 1)[0] or "impor"
    return _xlsx(run.report_xlsx(imp), f"laporan-{imp.pk}-{stem[:60]}.xlsx".replace('"', ""))
