"""The columns of the two templates: Indonesian headers (the file format, the same in every interface language), the
other spellings offices use for them, what each holds, and how a header found in a file is matched to one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from cooperatives.choices import (
    BOARD_POSITIONS,
    SUPERVISOR_POSITIONS,
    Gender,
    Grade,
    Pattern,
    RevitalisationMethod,
    SavingsPeriod,
)
from cooperatives.imports.models import ImportKind
from registry.errors import ApplicationError


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, code (digits kept as typed), nik, date, money, int, choice
    required: bool = False
    note: str = ""  # for the notes sheet (Indonesian, like the headers)
    aliases: tuple[str, ...] = ()
    choices: tuple = ()  # (value, label) pairs of a choice column
    example: object = ""


POSITIONS = tuple((p.value, p.label) for p in [*BOARD_POSITIONS, *SUPERVISOR_POSITIONS])

FOUNDER_COLUMNS = (
    Column(
        "nik", "NIK", "nik", True, "16 digit dari KTP. Kolom ini berformat teks: jangan diubah menjadi angka.",
        ("no ktp", "nomor ktp", "nik ktp", "nomor induk kependudukan"), example="1603015403800001",
    ),
    Column("full_name", "Nama Lengkap", required=True, note="Sesuai KTP.", aliases=("nama",), example="Siti Aminah"),
    Column("birth_place", "Tempat Lahir", required=True, example="Muara Enim"),
    Column(
        "birth_date", "Tanggal Lahir", "date", note="Boleh kosong: dibaca dari NIK. Tulis seperti 14/03/1980.",
        aliases=("tgl lahir", "tanggal lahir dd mm yyyy"), example="14/03/1980",
    ),
    Column(
        "gender", "Jenis Kelamin", "choice", note="Laki-laki atau Perempuan; boleh kosong: dibaca dari NIK.",
        aliases=("l p", "jk", "kelamin"), choices=tuple(Gender.choices), example="Perempuan",
    ),
    Column("address", "Alamat", required=True, note="Dusun/jalan.", example="Dusun 1"),
    Column("rt", "RT", "code", note="Angka saja, mis. 001.", example="001"),
    Column("rw", "RW", "code", note="Angka saja, mis. 002.", example="002"),
    Column(
        "phone", "Nomor HP", "code", note="Tulis sebagai teks agar angka 0 di depan tidak hilang.",
        aliases=("no hp", "nomor telepon", "telepon", "no telp", "hp"), example="081234567890",
    ),
    Column("occupation", "Pekerjaan", example="Petani"),
    Column(
        "position", "Jabatan", "choice",
        note="Kosongkan bila bukan pengurus atau pengawas. Ketua, wakil ketua, sekretaris, bendahara dan ketua "
        "pengawas masing-masing satu orang.",
        aliases=("jabatan pengurus",), choices=POSITIONS, example="Ketua",
    ),
)  # fmt: skip

COOPERATIVE_COLUMNS = (
    Column(
        "village_code", "Kode Desa", "code", note="Kode Kemendagri, mis. 16.03.01.2011. Bila kosong, isi nama desa "
        "dan kecamatan.", aliases=("kode desa kelurahan", "kode wilayah", "kode kemendagri"), example="16.03.01.2011",
    ),
    Column("village_name", "Nama Desa", note="Nama desa/kelurahan (bila kode kosong).",
           aliases=("desa", "desa kelurahan", "nama desa kelurahan", "kelurahan"), example="Embawang"),
    Column("kecamatan", "Kecamatan", note="Wajib bila nama desa dipakai: nama desa bisa sama di beberapa kecamatan.",
           aliases=("nama kecamatan",), example="Tanjung Agung"),
    Column("pattern", "Pola Pembentukan", "choice", True, aliases=("pola",), choices=tuple(Pattern.choices),
           example="Pendirian baru"),
    Column("name", "Nama Koperasi", note="Boleh kosong: nama baku diusulkan.", example=""),
    Column("existing_nik_koperasi", "NIK Koperasi Lama", "code", note="Pola pengembangan."),
    Column("existing_grade", "Grade Koperasi Lama", "choice", note="Pola pengembangan: A, B, C atau D.",
           choices=tuple(Grade.choices)),
    Column("revitalisation_method", "Cara Revitalisasi", "choice", choices=tuple(RevitalisationMethod.choices)),
    Column("revitalised_cooperatives", "Koperasi yang Direvitalisasi"),
    Column("address", "Alamat", example="Jl. Desa No. 1"),
    Column("phone", "Telepon", "code", aliases=("nomor hp", "no hp", "nomor telepon")),
    Column("email", "Email", aliases=("e mail", "surel")),
    Column("simpanan_pokok", "Simpanan Pokok", "money", note="Rupiah, mis. 100.000.", example="100000"),
    Column("simpanan_wajib", "Simpanan Wajib", "money", example="10000"),
    Column("simpanan_wajib_period", "Periode Simpanan Wajib", "choice", choices=tuple(SavingsPeriod.choices),
           example="Bulanan"),
    Column("grants", "Hibah", "money"),
    Column("musdesus_date", "Tanggal Musdesus", "date", note="Tulis seperti 20/05/2025.", example="20/05/2025"),
    Column("musdesus_place", "Tempat Musdesus", note="Wajib bila tanggal Musdesus diisi.", example="Balai Desa"),
    Column("musdesus_attendance", "Jumlah Hadir Musdesus", "int", example="120"),
    Column("founding_date", "Tanggal Rapat Pendirian", "date"),
    Column("founding_place", "Tempat Rapat Pendirian"),
    Column("founding_attendance", "Jumlah Hadir Rapat Pendirian", "int"),
    Column("sk_ahu_number", "Nomor SK AHU", aliases=("sk ahu",)),
    Column("sk_ahu_date", "Tanggal SK AHU", "date"),
    Column("npwp", "NPWP", "code", note="Teks, angka saja (tanpa titik)."),
    Column("nib", "NIB", "code"),
    Column("nik_koperasi", "NIK Koperasi", "code"),
    Column("duplicate_reason", "Alasan Koperasi Kedua", note="Hanya bila desa sudah punya koperasi aktif lain."),
)  # fmt: skip

COLUMNS = {ImportKind.MEMBERS: FOUNDER_COLUMNS, ImportKind.COOPERATIVES: COOPERATIVE_COLUMNS}

# Columns a file may carry that the import reads past: a row number, and the report's own columns (a report copy is
# fixed and uploaded again).
IGNORED = {"no", "nomor", "no urut", "kesalahan", "peringatan"}


def header_key(text: object) -> str:
    """A header as matched: case, spacing, punctuation, a trailing "*" and a note in brackets aside."""
    plain = re.sub(r"\(.*?\)", " ", str(text or ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain.casefold()).split())


def _lookup(columns) -> dict[str, Column]:
    found = {}
    for column in columns:
        for name in (column.header, column.key.replace("_", " "), *column.aliases):
            found[header_key(name)] = column
    return found


@dataclass(frozen=True)
class Layout:
    header_row: int  # 1-based, as the spreadsheet numbers it
    positions: dict[int, Column]  # index in the row → column
    # The "No" column, where the template's example row says "contoh": that row is not imported.
    number_index: int | None = None


EXAMPLE = "contoh"


def is_example(cells, layout: Layout) -> bool:
    index = layout.number_index
    return index is not None and index < len(cells) and str(cells[index].value or "").strip().lower() == EXAMPLE


def choice_value(column: Column, text: str) -> str | None:
    """The stored value of a choice typed as its code or its label, in Indonesian or English, any case."""
    key = header_key(text)
    for value, label in column.choices:
        if key == header_key(value):
            return value
        for language in ("id", "en"):
            with translation.override(language):
                if key == header_key(str(label)):
                    return value
    if column.key == "gender" and key in {"l", "laki laki", "pria", "p", "perempuan", "wanita"}:
        return Gender.P if key in {"p", "perempuan", "wanita"} else Gender.L
    return None


def layout(kind: str, rows: list[tuple[int, list]]) -> Layout:
    """Find the header row (the first of the first ten rows naming a required column: offices put titles above it)
    and match every header. An unknown column, or a required one missing, refuses the file naming it."""
    columns = COLUMNS[kind]
    known = _lookup(columns)
    required = [c for c in columns if c.required]
    for number, cells in rows[:10]:
        cells = [getattr(c, "value", c) for c in cells]
        keys = [header_key(c) for c in cells]
        if not any(known.get(k) in required for k in keys if k):
            continue
        positions, unknown, number_index = {}, [], None
        for index, (raw, key) in enumerate(zip(cells, keys, strict=True)):
            if key in {"no", "nomor", "no urut"}:
                number_index = index
            if not key or key in IGNORED:
                continue
            column = known.get(key)
            if column is None:
                unknown.append(str(raw).strip())
            elif column in positions.values():
                raise ApplicationError(_("The column “%(name)s” appears twice.") % {"name": column.header})
            else:
                positions[index] = column
        if unknown:
            raise ApplicationError(
                _("Unknown column “%(name)s” (row %(row)s). Use the headers of the template: %(headers)s.")
                % {"name": unknown[0], "row": number, "headers": ", ".join(c.header for c in columns)}
            )
        missing = [c.header for c in required if c not in positions.values()]
        if missing:
            raise ApplicationError(
                _("The required column “%(name)s” is missing. Add it, with the header of the template.")
                % {"name": missing[0]}
            )
        return Layout(number, positions, number_index)
    raise ApplicationError(
        _("No header row found: the first rows must name the columns of the template (%(headers)s).")
        % {"headers": ", ".join(c.header for c in required)}
    )
