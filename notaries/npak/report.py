"""The CSV report of an import: one line per reported row and reason (unresolved, ambiguous, duplicate, invalid,
warning), with the row's cells as read and the regency it resolved to or might be.

Opened in a spreadsheet by the people who clean the list: text that a spreadsheet would run as a formula gets a
leading apostrophe (CSV injection), as in the cooperative imports' reports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TextIO

from django.utils.translation import gettext as _

from notaries.npak import reasons
from notaries.npak.result import ImportResult, Issue

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _header(result: ImportResult) -> list[str]:
    own = [
        _("row"),
        _("category"),
        _("reason code"),
        _("reason"),
        _("detail"),
        _("suggested code"),
        _("suggested region"),
        _("key"),
    ]
    return own + list(result.headers)


def _line(issue: Issue) -> list[str]:
    return [
        str(issue.row),
        str(reasons.CATEGORY_LABELS[issue.category]),
        issue.reason,
        reasons.message(issue.reason),
        issue.detail,
        " ".join(issue.suggestions),
        "; ".join(name for name in issue.suggestion_names if name),
        issue.key,
        *issue.cells,
    ]


def write_report(result: ImportResult, target: TextIO) -> int:
    """Write the report (UTF-8 text, header first, rows in file order); the number of lines written."""
    writer = csv.writer(target)
    writer.writerow(_header(result))
    issues: Iterable[Issue] = sorted(result.issues, key=lambda issue: issue.row)
    count = 0
    for issue in issues:
        writer.writerow([safe(cell) for cell in _line(issue)])
        count += 1
    return count


def report_bytes(result: ImportResult) -> bytes:
    """The report as UTF-8 with a byte-order mark, so that Excel opens it with the right characters."""
    buffer = io.StringIO()
    write_report(result, buffer)
    return buffer.getvalue().encode("utf-8-sig")
