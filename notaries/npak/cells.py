"""Reading the published NPAK list: bytes to rows of clean cells.

The list arrives as a CSV exported from a spreadsheet, in UTF-8 with a few bytes of other encodings mixed in
(Windows-1252 apostrophes and dashes), and with U+FFFD where an earlier conversion already lost a character. Cells say
`N/A` (or `-`, `NULL`, blank) for "nothing", carry double spaces and line breaks. The raw cells are kept for the
report; the cleaned ones feed the import.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from registry.errors import ApplicationError

# The columns of the published list, by their folded header ("No. AHU" → "noahu"), and the Notary field each fills.
COLUMNS = {
    "nama": "name",
    "tempatkedudukan": "seat",
    "provinsi": "province",
    "noahu": "ahu_number",
    "skpengangkatannotaris": "appointment_sk",
    "sertifikatpelatihannpak": "npak_certificate",
    "email": "email",
    "nohp1": "phone",
    "nohp2": "phone_2",
    "nokantor": "office_phone",
    "alamatkantor": "office_address",
}
REQUIRED = ("name", "seat")
# What the list writes for "no value" (compared upper case, spaces collapsed).
EMPTY_MARKERS = frozenset(
    {"", "N/A", "NA", "N.A", "N.A.", "#N/A", "-", "--", "---", "NULL", "NONE", "NIHIL", "TIDAK ADA"}
)
BROKEN = "\ufffd"
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HEADER = re.compile(r"[^a-z0-9]+")


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # A byte that is not UTF-8 is read as Windows-1252 (the spreadsheet's own encoding); the five bytes that code
    # page leaves undefined become U+FFFD like the characters the source already lost.
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("npak_cp1252", _cp1252_fallback)


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), any stray byte read as Windows-1252 rather than lost."""
    return data.decode("utf-8-sig", errors="npak_cp1252")


def has_broken(value: str) -> bool:
    return BROKEN in value


def clean(value: str | None, *, field: str = "") -> str:
    """A cell as the registry stores it: NFC, controls dropped, whitespace collapsed, `N/A` and the like empty.

    U+FFFD in a name stood for an apostrophe in the source ("Rafi�I" was "Rafi'i"), so it becomes one there; elsewhere
    the lost character is dropped."""
    text = unicodedata.normalize("NFC", value or "")
    text = text.replace(BROKEN, "'" if field == "name" else " ")
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    if text.upper() in EMPTY_MARKERS or not text.strip(".-'/ "):
        return ""
    return text


@dataclass(frozen=True)
class Row:
    number: int  # the line of the spreadsheet: the header is row 1, the first notary row 2
    cells: tuple[str, ...]  # every cell as read, in the file's column order (for the report)
    raw: dict[str, str]  # field → the cell as read

    def cell(self, field: str) -> str:
        return clean(self.raw.get(field, ""), field=field)


@dataclass(frozen=True)
class Table:
    headers: list[str]  # the file's own header cells, in order
    fields: list[str | None]  # the field of each header (None for a column the import does not know)
    rows: list[Row]


def _delimiter(header_line: str) -> str:
    # A spreadsheet saved as CSV with Indonesian regional settings separates with ";". Only the delimiter is taken
    # from the header: quoting stays Excel's (a sniffed dialect misreads the list's stray quotes).
    return max(",;\t", key=header_line.count)


def read(data: bytes) -> Table:
    """The rows of the file (entirely empty rows skipped). ApplicationError when the name or seat column is missing."""
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    headers = next(reader, [])
    fields = [COLUMNS.get(_HEADER.sub("", header.lower())) for header in headers]
    missing = [field for field in REQUIRED if field not in fields]
    if missing:
        raise ApplicationError(
            _("The file is not an NPAK list: the columns “Nama” and “Tempat Kedudukan” are required.")
        )
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        raw = {field: cell for field, cell in zip(fields, cells, strict=False) if field}
        rows.append(Row(number=number, cells=tuple(cells), raw=raw))
    return Table(headers=headers, fields=fields, rows=rows)
