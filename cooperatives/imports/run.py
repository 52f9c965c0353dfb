"""An import from upload to commit: the file checked and stored with its SHA-256 (`import_upload`), every row
checked without writing (`import_check`, the dry run), then written all-or-nothing after the rows are checked again
inside the transaction (`import_commit`). The same three steps serve the page, the API, the commands and the task;
progress goes to the cache, where the page's progress bar reads it while the transaction is still open."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.imports import columns, files, founders, profiles
from cooperatives.imports.models import Import, ImportKind, ImportStatus
from cooperatives.imports.report import Report, report_workbook
from cooperatives.models import Cooperative
from cooperatives.services.common import ensure_active
from cooperatives.services.imports import (
    cooperative_locked_for_founders,
    cooperatives_import_write,
    founders_import_write,
    may_import,
)
from cooperatives.services.members import ensure_roster_open
from registry import codes
from registry.errors import ApplicationError
from registry.models import Region

logger = logging.getLogger(__name__)
PROGRESS_TIMEOUT = 60 * 60


def progress_key(import_id: int) -> str:
    return f"import-progress:{import_id}"


def progress_of(imp: Import) -> int:
    """Percent of the rows the running step has done (100 once finished)."""
    if imp.status not in {ImportStatus.CHECKING, ImportStatus.SAVING}:
        return 100
    done = cache.get(progress_key(imp.pk)) or 0
    return min(99, int(100 * done / imp.rows)) if imp.rows else 0


def _ticker(imp: Import, listener=None):
    def tick(done: int) -> None:
        cache.set(progress_key(imp.pk), done, timeout=PROGRESS_TIMEOUT)
        if listener is not None:
            listener(done)

    return tick


def import_upload(*, actor, kind: str, upload, cooperative: Cooperative | None = None, regency: Region | None = None):
    """Check the file (type by content, size, a zip's expansion) before reading it whole, store it, count its rows.
    A file refused here is not stored (ApplicationError); one whose headers are wrong is stored, refused."""
    if kind == ImportKind.MEMBERS:
        if cooperative is None:
            raise ApplicationError(_("Choose the cooperative whose founders the file lists."), field="cooperative")
        regency = Region.objects.get(code=cooperative.regency_code)
    elif regency is None:
        raise ApplicationError(_("Choose the regency."), field="regency")
    may_import(actor, regency.code if kind == ImportKind.COOPERATIVES else cooperative.village_id)
    data, fmt, sha256 = files.checked_bytes(upload)
    imp = Import(
        kind=kind,
        regency=regency,
        cooperative=cooperative,
        file_format=fmt,
        original_name=(upload.name or "")[-255:],
        size=len(data),
        sha256=sha256,
        created_by=actor,
    )
    try:
        sheet = files.read(data, fmt)
        layout = columns.layout(kind, sheet.rows)
        imp.rows = sum(1 for n, cells in sheet.rows if n > layout.header_row and not columns.is_example(cells, layout))
    except ApplicationError as exc:
        imp.status = ImportStatus.REFUSED
        imp.report = {**Report().as_json(), "file_errors": [exc.message]}
    imp.file.save("upload", ContentFile(data), save=False)
    imp.save()
    if imp.status == ImportStatus.CHECKING:
        cache.set(sheet_key(imp), sheet, timeout=PROGRESS_TIMEOUT)
    return imp


def sheet_key(imp: Import) -> str:
    return f"import-sheet:{imp.pk}:{imp.sha256}"


def _sheet(imp: Import) -> files.Sheet:
    """The rows of the stored file, read once: the upload reads them and keeps them in the cache for the dry run
    and the commit (the same bytes: the key holds their SHA-256); from the file again when the cache lost them."""
    sheet = cache.get(sheet_key(imp))
    if sheet is None:
        with imp.file.open("rb") as f:
            sheet = files.read(f.read(), imp.file_format)
        cache.set(sheet_key(imp), sheet, timeout=PROGRESS_TIMEOUT)
    return sheet


def rows_key(imp: Import) -> str:
    return f"import-rows:{imp.pk}:{imp.sha256}"


def _checked(imp: Import, cooperative: Cooperative | None, tick, *, build: bool = False) -> tuple[Report, object]:
    report = Report()
    if imp.kind == ImportKind.MEMBERS:
        ensure_active(cooperative)
        ensure_roster_open(cooperative)

        def rows():
            sheet = _sheet(imp)
            return founders.rows_of(sheet, columns.layout(imp.kind, sheet.rows))

        # The dry run's per-row checks, kept for the commit (reused only if the village, founding date and
        # language they were made with still hold; the rules that read the registry run again regardless).
        plan, memo = founders.check_founders(
            rows, cooperative, report, tick, memo=None if not build else cache.get(rows_key(imp)), build=build
        )
        if not build:
            cache.set(rows_key(imp), memo, timeout=PROGRESS_TIMEOUT)
    else:
        sheet = _sheet(imp)
        plan = profiles.check_cooperatives(sheet, columns.layout(imp.kind, sheet.rows), imp.regency, report, tick)
    return report, plan


def _finish(imp: Import, status: str, report: dict, **fields) -> Import:
    Import.objects.filter(pk=imp.pk).update(status=status, report=report, **fields)
    imp.status, imp.report = status, report
    for name, value in fields.items():
        setattr(imp, name, value)
    cache.delete(progress_key(imp.pk))
    if status != ImportStatus.CHECKED:
        cache.delete_many([sheet_key(imp), rows_key(imp)])  # the commit would have read them; a report reads the file
    return imp


def import_check(*, imp: Import, on_progress=None) -> Import:
    """The dry run: every row checked, nothing written but the report. Safe to run twice."""
    if imp.status != ImportStatus.CHECKING:
        return imp
    try:
        report, _plan = _checked(imp, imp.cooperative, _ticker(imp, on_progress))
    except ApplicationError as exc:
        return _finish(imp, ImportStatus.REFUSED, {**Report().as_json(), "file_errors": [exc.message]})
    status = ImportStatus.REFUSED if report.errors else ImportStatus.CHECKED
    # The rows read (a village of the pre-filled cooperatives template left empty is not one).
    return _finish(imp, status, report.as_json(), rows=report.rows)


def import_commit_request(*, actor, imp: Import) -> Import:
    """Mark a checked import as being saved (the page then shows the progress bar); only after a dry run."""
    may_import(actor, imp.cooperative.village_id if imp.cooperative_id else imp.regency_id)
    updated = Import.objects.filter(pk=imp.pk, status=ImportStatus.CHECKED).update(status=ImportStatus.SAVING)
    if not updated and imp.status not in {ImportStatus.SAVING, ImportStatus.SAVED}:
        raise ApplicationError(_("Only a file checked without errors can be saved. Upload it again."))
    imp.refresh_from_db()
    return imp


def import_commit(*, actor, imp: Import, on_progress=None) -> Import:
    """Write the whole file or nothing: the rows are checked again in the transaction (the registry may have changed
    since the dry run), then written in a fixed number of statements. Safe to run twice: a saved import is left as
    it is."""
    import_commit_request(actor=actor, imp=imp)
    tick = _ticker(imp, on_progress)
    try:
        with transaction.atomic():
            locked = Import.objects.select_for_update().get(pk=imp.pk)
            if locked.status != ImportStatus.SAVING:
                return locked
            coop = None
            if imp.kind == ImportKind.MEMBERS:
                coop = cooperative_locked_for_founders(actor=actor, cooperative=imp.cooperative)
            report, plan = _checked(imp, coop, tick, build=True)
            if report.errors:
                return _finish(imp, ImportStatus.REFUSED, report.as_json())
            if imp.kind == ImportKind.MEMBERS:
                founders_import_write(
                    actor=actor,
                    cooperative=coop,
                    creates=plan.creates,
                    updates=plan.updates,
                    seats=plan.seats,
                    reason=imp.reason,
                )
            else:
                cooperatives_import_write(
                    actor=actor,
                    regency_code=codes.regency_code(imp.regency_id),
                    creates=plan.creates,
                    updates=plan.updates,
                    meetings=plan.meetings,
                    reason=imp.reason,
                )
            return _finish(imp, ImportStatus.SAVED, report.as_json(), committed_by=actor, committed_at=timezone.now())
    except ApplicationError as exc:
        return _finish(imp, ImportStatus.REFUSED, {**imp.report, "file_errors": [exc.message]})


def import_fail(*, imp: Import, message: str) -> Import:
    """A step that broke (not a refusal): nothing was written; the report says so."""
    logger.error("Import %s failed: %s", imp.pk, message)
    return _finish(imp, ImportStatus.FAILED, {**imp.report, "file_errors": [message]})


def report_xlsx(imp: Import) -> bytes:
    sheet = _sheet(imp)
    try:
        header_row = columns.layout(imp.kind, sheet.rows).header_row
    except ApplicationError:
        header_row = sheet.rows[0][0] if sheet.rows else 1
    return report_workbook(sheet, header_row, Report.of(imp.report))


def run_step(*, imp: Import, step: str, actor=None) -> Import:
    """Run "check" or "commit" here; an unexpected error marks the import failed (nothing was written: the commit
    is one transaction) and propagates. A database briefly away leaves the status as it was, for the task's retry."""
    try:
        return import_check(imp=imp) if step == "check" else import_commit(actor=actor, imp=imp)
    except (OperationalError, InterfaceError):
        raise  # the database briefly away: the task retries the step, whose status is unchanged
    except Exception:
        import_fail(
            imp=imp,
            message=_(
                "The import stopped on an unexpected error; nothing was saved. Try again, or tell the administrator."
            ),
        )
        raise


def start(*, actor, imp: Import, step: str) -> Import:
    """Run a step now, or above `KDMP_IMPORT_TASK_ROWS` rows in the Celery task (the page polls its progress)."""
    from cooperatives.imports.tasks import import_run

    if step == "commit":
        imp = import_commit_request(actor=actor, imp=imp)
    if imp.rows <= settings.KDMP_IMPORT_TASK_ROWS:
        try:
            return run_step(imp=imp, step=step, actor=actor)
        except Exception:
            logger.exception("Import %s: %s failed", imp.pk, step)
            imp.refresh_from_db()
            return imp
    actor_id = actor.pk if actor is not None else None
    transaction.on_commit(lambda: import_run.delay(imp.pk, step, actor_id))
    return imp
