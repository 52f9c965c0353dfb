"""What `import_members` and `import_cooperatives` share: the same steps as the page (upload, dry run, commit), a
progress bar on the terminal, and the same report."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from cooperatives.imports import run
from cooperatives.imports.models import Import, ImportStatus
from cooperatives.imports.report import Report
from registry.errors import ApplicationError


def add_common_arguments(parser) -> None:
    parser.add_argument("file", help="the filled template, .xlsx or .csv")
    parser.add_argument("--dry-run", action="store_true", help="check every row and report; save nothing")
    parser.add_argument("--user", help="username the history records as the author (default: none, the operator)")
    parser.add_argument("--report", help="also write the report as XLSX (with a 'kesalahan' column) to this path")


class ProgressBar:
    def __init__(self, stream, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label

    def __call__(self, done: int) -> None:
        width = 30
        filled = int(width * done / self.total)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}", ending="")
        self.stream.flush()

    def end(self) -> None:
        self(self.total)
        self.stream.write("")


def actor_of(username: str | None):
    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user {username!r}.") from None


def print_report(command, imp: Import) -> None:
    report = Report.of(imp.report)
    out = command.stdout
    for message in imp.report.get("file_errors", []):
        out.write(command.style.ERROR(message))
    out.write(
        _("%(ok)s of %(rows)s rows are fine; %(bad)s rows have errors; %(warnings)s warnings.")
        % {"ok": report.ok, "rows": report.rows, "bad": len(report.bad_rows), "warnings": len(report.warnings)}
    )
    for issue in report.errors:
        out.write(command.style.ERROR(f"{_('Row')} {issue.row} · {issue.column} · {issue.value!r}: {issue.message}"))
    for issue in report.warnings:
        out.write(command.style.WARNING(f"{_('Row')} {issue.row} · {issue.column} · {issue.value!r}: {issue.message}"))
    if imp.status == ImportStatus.SAVED:
        out.write(
            command.style.SUCCESS(
                _("Saved: %(created)s added, %(updated)s changed, %(unchanged)s unchanged.")
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
            )
        )


def execute(command, options, **target) -> None:
    """Upload, check and (unless --dry-run) save one file, printing a progress bar and the report."""
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(f"No file {path}.")
    actor = actor_of(options.get("user"))
    with translation.override(settings.LANGUAGE_CODE):
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        try:
            imp = run.import_upload(actor=actor, upload=upload, **target)
            bar = ProgressBar(command.stderr, imp.rows, _("Checking"))
            imp = run.import_check(imp=imp, on_progress=bar)
            bar.end()
            if imp.status == ImportStatus.CHECKED and not options["dry_run"]:
                bar = ProgressBar(command.stderr, imp.rows, _("Saving"))
                imp = run.import_commit(actor=actor, imp=imp, on_progress=bar)
                bar.end()
        except ApplicationError as exc:
            raise CommandError(exc.message) from None
        print_report(command, imp)
        if options.get("report"):
            Path(options["report"]).write_bytes(run.report_xlsx(imp))
        command.stdout.write(_("Import #%(id)s, SHA-256 %(sha)s.") % {"id": imp.pk, "sha": imp.sha256})
        if imp.status not in {ImportStatus.CHECKED, ImportStatus.SAVED}:
            raise CommandError(_("Nothing was saved: fix the rows above and run the command again."))
