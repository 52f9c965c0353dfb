"""The report of a checked file: how many rows are fine, and for every bad row its number, column, value and what to
fix, warnings apart from errors. Stored as JSON on the import record; exported as a copy of the file with a
"kesalahan" column, every text cell protected against formula injection."""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass, field

from cooperatives.imports.files import Sheet, as_text

# A spreadsheet runs a cell starting with these as a formula (CSV/formula injection): such text gets a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Issue:
    row: int
    column: str
    value: str
    message: str


@dataclass
class Report:
    rows: int = 0
    ok: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def error(self, row: int, column: str, value, message: str) -> None:
        self.errors.append(Issue(row, column, as_text(value), str(message)))

    def warning(self, row: int, column: str, value, message: str) -> None:
        self.warnings.append(Issue(row, column, as_text(value), str(message)))

    @property
    def bad_rows(self) -> set[int]:
        return {i.row for i in self.errors}

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, data: dict) -> Report:
        data = dict(data or {})
        errors = [Issue(**i) for i in data.pop("errors", [])]
        warnings = [Issue(**i) for i in data.pop("warnings", [])]
        known = {k: v for k, v in data.items() if k in {"rows", "ok", "created", "updated", "unchanged"}}
        return cls(errors=errors, warnings=warnings, **known)


def safe(value):
    """A value for a spreadsheet cell: text that a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def report_workbook(sheet: Sheet, header_row: int, report: Report) -> bytes:
    """The file as uploaded (values only) with "kesalahan" and "peringatan" columns, one line per problem."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    errors: dict[int, list[str]] = {}
    warnings: dict[int, list[str]] = {}
    for issue in report.errors:
        errors.setdefault(issue.row, []).append(f"{issue.column}: {issue.message}" if issue.column else issue.message)
    for issue in report.warnings:
        warnings.setdefault(issue.row, []).append(f"{issue.column}: {issue.message}" if issue.column else issue.message)
    workbook = Workbook(write_only=False)
    ws = workbook.active
    ws.title = "Laporan"
    width = max((len(cells) for _n, cells in sheet.rows), default=0)
    red = PatternFill("solid", fgColor="FFEBE9")
    for number, cells in sheet.rows:
        if number < header_row:
            continue
        values = [safe(as_text(c.value) if c.formula else c.value) for c in cells]
        values += [None] * (width - len(values))
        if number == header_row:
            ws.append([*values, "kesalahan", "peringatan"])
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
            continue
        ws.append([*values, safe("\n".join(errors.get(number, []))), safe("\n".join(warnings.get(number, [])))])
        for cell in ws[ws.max_row]:
            cell.number_format = "@" if isinstance(cell.value, str) else cell.number_format
            if number in errors:
                cell.fill = red
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
