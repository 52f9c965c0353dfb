"""Reading an uploaded spreadsheet safely: refuse a file that is not what its name claims, or that would expand past
the limit (an XLSX is a zip: its declared sizes and compression ratio are checked before openpyxl opens it), before
reading it whole; then read XLSX in read-only mode with formulas kept as formulas, and CSV as Indonesian Excel
writes it (`;` or `,`, UTF-8 with or without BOM, or Windows-1252)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from registry.errors import ApplicationError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc)
PDF_MAGIC = b"%PDF"
# A member of an XLSX may compress well (repeated XML), but not this well unless it was built to explode.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # members smaller than this expand to little whatever their ratio
TEMPLATE_SHEETS = {"pendiri", "koperasi"}


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float, datetime, date, time, bool or None
    formula: bool = False
    number: bool = False  # typed as a number in the spreadsheet (XLSX), not as text


@dataclass
class Sheet:
    file_format: str  # "xlsx" or "csv"
    rows: list[tuple[int, list[Cell]]]  # (row number as the spreadsheet shows it, cells), empty rows left out


def refuse(message: str) -> ApplicationError:
    return ApplicationError(message, field="file")


def file_format(name: str, head: bytes) -> str:
    """ "xlsx" or "csv" from the name, after checking that the first bytes agree with it."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "xls" or head.startswith(OLE_MAGIC):
        raise refuse(_("This is an old Excel file (.xls). Open it in Excel and save it as .xlsx, then upload again."))
    if extension == "xlsx":
        if not head.startswith(ZIP_MAGIC):
            raise refuse(_("This file is named .xlsx but is not an Excel workbook. Save it from Excel as .xlsx."))
        return "xlsx"
    if extension in {"csv", "txt"}:
        if head.startswith((ZIP_MAGIC, PDF_MAGIC)) or b"\x00" in head:
            raise refuse(_("This file is named .csv but is not a text file. Save it from Excel as CSV."))
        return "csv"
    raise refuse(_("Upload the filled template as .xlsx, or as .csv."))


def check_zip(data: bytes) -> None:
    """The zip's table of contents, read without expanding anything: a workbook, within the size limit, with no
    member expanding suspiciously far."""
    limit = settings.KDMP_IMPORT_MAX_EXPANDED_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refuse(_("This file is damaged or is not an Excel workbook. Save it from Excel as .xlsx.")) from None
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse(_("This file is named .xlsx but is not an Excel workbook. Save it from Excel as .xlsx."))
    expanded = sum(m.file_size for m in members)
    suspicious = any(m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)
    if expanded > limit or suspicious:
        raise refuse(
            _("This workbook would expand to %(size)s MB when opened, more than the %(limit)s MB allowed. Split it "
              "into smaller files, or save it as CSV.")
            % {"size": expanded // (1024 * 1024), "limit": limit // (1024 * 1024)}
        )  # fmt: skip


def checked_bytes(upload) -> tuple[bytes, str, str]:
    """The upload's bytes, format and SHA-256, after the size and type checks (the size before reading it)."""
    limit = settings.KDMP_IMPORT_MAX_BYTES
    if upload.size > limit:
        raise refuse(
            _("The file is %(size)s MB; at most %(limit)s MB is accepted. Split it into smaller files.")
            % {"size": number_format(upload.size / (1024 * 1024), 1), "limit": limit // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(8)
    fmt = file_format(upload.name or "", head)
    upload.seek(0)
    data = upload.read()
    if fmt == "xlsx":
        check_zip(data)
    return data, fmt, hashlib.sha256(data).hexdigest()


def read(data: bytes, fmt: str) -> Sheet:
    rows = read_xlsx(data) if fmt == "xlsx" else read_csv(data)
    limit = settings.KDMP_IMPORT_MAX_ROWS
    if len(rows) > limit + 1:
        raise refuse(
            _("The file has %(n)s rows; at most %(limit)s are imported at once. Split it into smaller files.")
            % {"n": len(rows) - 1, "limit": limit}
        )
    return Sheet(fmt, rows)


def _blank(cells: list[Cell]) -> bool:
    return all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in cells)


def read_xlsx(data: bytes) -> list[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    check_zip(data)  # also when called directly
    limit = settings.KDMP_IMPORT_MAX_ROWS + 10
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise refuse(_("This file is damaged or is not an Excel workbook. Save it from Excel as .xlsx.")) from None
    try:
        sheet = _data_sheet(workbook)
        rows = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = [
                Cell(
                    value=c.value,
                    formula=getattr(c, "data_type", None) == "f",
                    number=isinstance(c.value, int | float) and not isinstance(c.value, bool),
                )
                for c in row
            ]
            if not _blank(cells):
                rows.append((number, cells))
            if len(rows) > limit:
                break
        return rows
    finally:
        workbook.close()


def _data_sheet(workbook):
    """The template's data sheet by its name, else the sheet the officer saved the workbook on, else the first."""
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() in TEMPLATE_SHEETS:
            return sheet
    active = workbook.active
    return active if active is not None and active.title.strip().lower() != "petunjuk" else workbook.worksheets[0]


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel's "CSV (Comma delimited)" on an Indonesian Windows writes Windows-1252.
        return data.decode("cp1252", errors="replace")


def delimiter(first_line: str) -> str:
    """`;` when the spreadsheet's list separator is `;` (Indonesian regional settings), else `,` (or a tab)."""
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ";"))


def read_csv(data: bytes) -> list[tuple[int, list[Cell]]]:
    text = decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first))
    rows = []
    limit = settings.KDMP_IMPORT_MAX_ROWS + 10
    try:
        for number, values in enumerate(reader, start=1):
            cells = [Cell(value=v) for v in values]
            if not _blank(cells):
                rows.append((number, cells))
            if len(rows) > limit:
                break
    except csv.Error:
        raise refuse(_("This CSV file cannot be read. Save it again from Excel as CSV.")) from None
    return rows


def as_text(value: object) -> str:
    """A cell as text for a report (the value as the officer typed it)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e17:
        return str(int(value))
    return str(value)
