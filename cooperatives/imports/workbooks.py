"""The two downloadable templates: Indonesian headers, one example row (marked "contoh" in the No column, so that
it is never imported), text-formatted code columns (NIK, phone, NPWP…: a spreadsheet drops leading zeros and the
16th digit of numbers), drop-down lists for the choice columns, and a notes sheet explaining every column."""

from __future__ import annotations

import io

from django.utils import translation

from cooperatives.imports.columns import COLUMNS, EXAMPLE, Column
from cooperatives.imports.models import ImportKind

TEXT_ROWS = 1000  # rows formatted as text below the header, for the text columns
SHEET_TITLE = {ImportKind.MEMBERS: "Pendiri", ImportKind.COOPERATIVES: "Koperasi"}
GENERAL_NOTES = {
    ImportKind.MEMBERS: [
        "Satu berkas berisi para pendiri SATU koperasi; pilih koperasinya saat mengunggah.",
        "Baris contoh (No = contoh) tidak diimpor; boleh dihapus.",
        "NIK ditulis sebagai teks 16 digit. Bila NIK tampil seperti 1,60301E+15, kolomnya berformat angka dan digit "
        "terakhir sudah hilang: ubah format kolom menjadi teks dan ketik ulang NIK dari KTP.",
        "Jangan memakai rumus: salin lalu tempel sebagai nilai (Paste Values).",
        "Pendiri yang NIK-nya sudah tercatat di koperasi ini diperbarui, bukan ditambah; mengimpor berkas yang sama "
        "dua kali tidak mengubah apa pun.",
        "Berkas dapat disimpan sebagai .xlsx atau CSV (pemisah ; atau ,).",
    ],
    ImportKind.COOPERATIVES: [
        "Satu baris untuk satu desa/kelurahan di kabupaten/kota Anda: tulis kode desa, atau nama desa dan "
        "kecamatannya (nama desa bisa sama di beberapa kecamatan).",
        "Baris contoh (No = contoh) tidak diimpor; boleh dihapus. Baris desa yang hanya berisi kode, nama desa dan "
        "kecamatan dilewati: isi baris desa yang datanya Anda punya saja.",
        "Desa yang sudah punya koperasi aktif: koperasinya diperbarui; sel yang kosong tidak mengubah data yang "
        "tersimpan. Mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
        "Tanggal ditulis seperti 20/05/2025. Jangan memakai rumus.",
        "Berkas dapat disimpan sebagai .xlsx atau CSV (pemisah ; atau ,).",
    ],
}


def _labels(column: Column) -> list[str]:
    with translation.override("id"):
        return [str(label) for _value, label in column.choices]


def _example(column: Column):
    if column.kind == "choice" and column.example:
        return column.example
    return column.example if column.example != "" else None


def template_workbook(kind: str, *, villages: list | None = None) -> bytes:
    """The template of `kind`; for the cooperatives of a regency, `villages` (with their kecamatan) fill one row
    each, so the officer only completes the rows of the villages they have data for (the others are skipped)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = COLUMNS[kind]
    text_rows = max(TEXT_ROWS, len(villages or []) + 100)
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE[kind]
    ws.append(["No", *[c.header for c in columns]])
    ws.append([EXAMPLE, *[_example(c) for c in columns]])
    keys = [c.key for c in columns]
    for number, village in enumerate(villages or [], start=1):
        row = [None] * len(columns)
        row[keys.index("village_code")] = village.code
        row[keys.index("village_name")] = village.name
        row[keys.index("kecamatan")] = village.parent.name
        ws.append([number, *row])
    required = PatternFill("solid", fgColor="FFD7D5")
    for index, cell in enumerate(ws[1]):
        cell.font = Font(bold=True)
        if index and columns[index - 1].required:
            cell.fill = required
    for cell in ws[2]:
        cell.font = Font(italic=True, color="777777")
    ws.freeze_panes = "A2"
    for index, column in enumerate(columns, start=2):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = max(12, len(column.header) + 4)
        if column.kind in {"nik", "code"}:
            for row in range(2, text_rows + 2):
                ws.cell(row=row, column=index).number_format = "@"
        if column.kind == "choice":
            listed = ",".join(_labels(column))
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            validation.error = "Pilih dari daftar."
            validation.prompt = "Pilih dari daftar."
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{text_rows + 1}")
    notes = workbook.create_sheet("Petunjuk")
    notes.append(["Petunjuk pengisian"])
    notes["A1"].font = Font(bold=True, size=13)
    for line in GENERAL_NOTES[kind]:
        notes.append([line])
    notes.append([])
    notes.append(["Kolom", "Wajib", "Isi", "Pilihan", "Contoh"])
    for cell in notes[notes.max_row]:
        cell.font = Font(bold=True)
    for column in columns:
        notes.append(
            [
                column.header,
                "wajib" if column.required else "",
                column.note,
                ", ".join(_labels(column)),
                str(column.example or ""),
            ]
        )
    notes.column_dimensions["A"].width = 30
    notes.column_dimensions["C"].width = 70
    notes.column_dimensions["D"].width = 50
    for row in notes.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
