"""Reading the NPAK list: encodings, `N/A`, spaces, delimiters, the required columns (notaries/npak/cells.py)."""

import pytest

from notaries.npak import cells
from registry.errors import ApplicationError

HEADER = "Nama,Tempat Kedudukan,Provinsi,No. AHU,SK Pengangkatan Notaris,Sertifikat Pelatihan NPAK,Email\n"


def test_na_dash_and_blank_cells_become_empty():
    assert [cells.clean(value) for value in ["N/A", " n/a ", "-", "", "NULL", "#N/A", "Tidak Ada"]] == [""] * 7


def test_spaces_and_line_breaks_collapse():
    assert cells.clean("  Jl. Sudirman\n No. 5\t Kebumen  ") == "Jl. Sudirman No. 5 Kebumen"


def test_broken_character_becomes_an_apostrophe_in_a_name_and_is_dropped_elsewhere():
    assert cells.clean("Abdul Rafi\ufffdI, S.H.", field="name") == "Abdul Rafi'I, S.H."
    assert cells.clean("\ufffd\ufffd../SERT/M.KUM.2/II/216") == "../SERT/M.KUM.2/II/216"


def test_windows_1252_bytes_in_a_utf8_file_are_read_not_lost():
    data = (
        HEADER + "Jos\u00e9 Ramos,KAB. SLEMAN,DIY,N/A,N/A,1/KEP,N/A\n"
    ).encode() + "Rafi\u2019i,KOTA PADANG,SUMBAR,,,,\n".encode("cp1252")
    table = cells.read(data)
    assert [row.raw["name"] for row in table.rows] == ["Jos\u00e9 Ramos", "Rafi\u2019i"]


def test_a_byte_order_mark_and_semicolons_are_accepted():
    data = "\ufeffNama;Tempat Kedudukan;Provinsi\nBudi, S.H.;KAB. SLEMAN;DIY\n".encode()
    table = cells.read(data)
    assert (table.headers, table.rows[0].raw) == (
        ["Nama", "Tempat Kedudukan", "Provinsi"],
        {"name": "Budi, S.H.", "seat": "KAB. SLEMAN", "province": "DIY"},
    )


def test_empty_rows_are_skipped_and_rows_are_numbered_as_in_a_spreadsheet():
    table = cells.read((HEADER + "A,KAB. SLEMAN,DIY,,,,\n,,,,,,\nB,KOTA YOGYAKARTA,DIY,,,,\n").encode())
    assert [row.number for row in table.rows] == [2, 4]


def test_a_file_without_the_name_and_seat_columns_is_refused(indonesian):
    with pytest.raises(ApplicationError) as error:
        cells.read(b"NIK,Nama Lengkap\n1603,Budi\n")
    assert error.value.message == (
        "Berkas ini bukan daftar NPAK: kolom \u201cNama\u201d dan \u201cTempat Kedudukan\u201d wajib ada."
    )
