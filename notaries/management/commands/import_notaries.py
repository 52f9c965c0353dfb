"""`python manage.py import_notaries FILE [--report PATH] [--dry-run]`: the published NPAK list into the notary
registry, with a progress bar, a summary (rows, resolution rate, created, changed, ...) and a CSV report of every
unresolved, ambiguous, duplicate or warning row."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from notaries.npak.importer import npak_import
from notaries.npak.report import write_report
from notaries.npak.result import ImportResult
from registry.errors import ApplicationError

BAR_WIDTH = 30


def default_report_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "var" / f"npak-report-{stamp}.csv"


class Command(BaseCommand):
    help = "Import the published NPAK list of notaries (CSV) and write a report of the rows it could not place."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the NPAK list, e.g. ../shared/data/npak_reference.csv")
        parser.add_argument("--report", help="where to write the CSV report (default: var/npak-report-<time>.csv)")
        parser.add_argument("--dry-run", action="store_true", help="check and count only; write no notary")

    def handle(self, *args, file: str, report: str | None = None, dry_run: bool = False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        started = time.monotonic()
        try:
            result = npak_import(source=path, dry_run=dry_run, progress=self._bar)
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stderr.write("")
        report_path = Path(report) if report else default_report_path()
        report_path.parent.mkdir(parents=True, exist_ok=True)
        with report_path.open("w", encoding="utf-8-sig", newline="") as target:
            lines = write_report(result, target)
        self._summary(result, time.monotonic() - started)
        self.stdout.write(_("Report (%(lines)s lines): %(path)s") % {"lines": lines, "path": report_path})

    def _bar(self, stage: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(BAR_WIDTH * share)
        label = {"resolve": _("reading rows"), "write": _("saving")}.get(stage, stage)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {share:6.1%} {label} {done}/{total}", ending="")
        self.stderr.flush()

    def _summary(self, result: ImportResult, seconds: float) -> None:
        lines = [
            (_("rows"), result.rows),
            (_("resolved"), result.resolved),
            (_("resolution rate"), f"{result.resolution_rate:.2f}%"),
            (_("created"), result.created),
            (_("changed"), result.changed),
            (_("unchanged"), result.unchanged),
            (_("duplicates"), result.duplicates),
            (_("unresolved"), result.unresolved),
            (_("ambiguous"), result.ambiguous),
            (_("invalid"), result.invalid),
            (_("warnings"), result.warnings),
        ]
        if result.absent:
            lines.append((_("imported earlier, not in this file (kept)"), result.absent))
        title = _("NPAK import (dry run, nothing saved)") if result.dry_run else _("NPAK import")
        self.stdout.write(f"{title}: {seconds:.1f} s")
        for label, value in lines:
            self.stdout.write(f"  {label}: {value}")
