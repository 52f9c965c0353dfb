"""Real files for the import tests: XLSX written by openpyxl, CSV as Indonesian Excel writes it (UTF-8 with a BOM and
`;`, or Windows-1252 and `,`)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from cooperatives.imports.columns import COOPERATIVE_COLUMNS, FOUNDER_COLUMNS
from tests.cooperatives.builders import FOUNDERS
from tests.factories import make_nik

FOUNDER_HEADERS = [c.header for c in FOUNDER_COLUMNS]
COOPERATIVE_HEADERS = [c.header for c in COOPERATIVE_COLUMNS]


def founder_rows(count: int = 9, *, serial_offset: int = 0) -> list[dict]:
    """Founders as an office lists them: NIK as text, dates as dd/mm/yyyy text, gender written out."""
    rows = []
    for i in range(count):
        name, gender, birth = FOUNDERS[i % len(FOUNDERS)]
        serial = serial_offset + i + 1
        rows.append(
            {
                "NIK": make_nik(birth=birth, gender=gender, serial=serial),
                "Nama Lengkap": name if i < len(FOUNDERS) else f"{name} {serial}",
                "Tempat Lahir": "Muara Enim",
                "Tanggal Lahir": birth.strftime("%d/%m/%Y"),
                "Jenis Kelamin": "Perempuan" if gender == "P" else "Laki-laki",
                "Alamat": f"Dusun {i + 1}",
                "RT": "001",
                "RW": f"{i % 999 + 1:03d}",
                "Nomor HP": f"0812{serial:08d}",
                "Pekerjaan": "Petani",
            }
        )
    return rows


def xlsx(rows: list[dict], headers: list[str] | None = None, *, name: str = "pendiri.xlsx", cells=None):
    """An XLSX of `rows` under `headers` (the keys of the first row by default). `cells` sets raw cells afterwards:
    {"B2": 1603015403800001} puts a number, "=..." a formula."""
    from openpyxl import Workbook

    headers = headers or list(rows[0])
    workbook = Workbook()
    ws = workbook.active
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
    for ref, value in (cells or {}).items():
        ws[ref] = value
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/octet-stream")


def csv_file(rows: list[dict], *, delimiter: str = ";", encoding: str = "utf-8-sig", name: str = "pendiri.csv"):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(encoding), content_type="text/csv")


def cooperative_row(village_code: str = "", **fields) -> dict:
    row = dict.fromkeys(COOPERATIVE_HEADERS, "")
    row.update({"Kode Desa": village_code, "Pola Pembentukan": "Pendirian baru"})
    row.update(fields)
    return row


def date_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
