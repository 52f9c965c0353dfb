"""A file is refused before it is read whole when it is not what its name claims, too big, or an XLSX (a zip) that
would expand past the limit; CSV is read as Indonesian Excel writes it."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cooperatives.imports import files
from cooperatives.imports.models import Import, ImportKind
from cooperatives.imports.run import import_upload
from registry.errors import ApplicationError
from tests.cooperatives.imports.sheets import founder_rows, xlsx

pytestmark = pytest.mark.usefixtures("indonesian")


def zip_bomb(expanded: int) -> bytes:
    """A "workbook" whose one sheet is `expanded` bytes of zeros, compressed to a few kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * expanded)
    return out.getvalue()


def refusal(file, district_officer, coop) -> str:
    with pytest.raises(ApplicationError) as refused:
        import_upload(actor=district_officer, kind=ImportKind.MEMBERS, upload=file, cooperative=coop)
    return refused.value.message


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(district_officer, coop, settings):
    settings.KDMP_IMPORT_MAX_EXPANDED_BYTES = 10 * 1024 * 1024
    bomb = SimpleUploadedFile("pendiri.xlsx", zip_bomb(30 * 1024 * 1024))
    assert len(bomb) < 100_000
    assert refusal(bomb, district_officer, coop) == (
        "Buku kerja ini akan mengembang menjadi 30 MB saat dibuka, lebih dari batas 10 MB. Pecah menjadi beberapa "
        "berkas yang lebih kecil, atau simpan sebagai CSV."
    )
    assert not Import.objects.exists()


def test_a_member_compressed_suspiciously_well_is_refused_even_under_the_size_limit(district_officer, coop):
    bomb = SimpleUploadedFile("pendiri.xlsx", zip_bomb(5 * 1024 * 1024))
    assert refusal(bomb, district_officer, coop).startswith("Buku kerja ini akan mengembang menjadi 5 MB")


def test_a_pdf_named_xlsx_is_refused(district_officer, coop):
    pdf = SimpleUploadedFile("pendiri.xlsx", b"%PDF-1.4\n" + b"0" * 100)
    assert refusal(pdf, district_officer, coop) == (
        "Berkas ini bernama .xlsx tetapi bukan buku kerja Excel. Simpan dari Excel sebagai .xlsx."
    )


def test_a_zip_that_is_no_workbook_is_refused(district_officer, coop):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8")
    assert refusal(SimpleUploadedFile("pendiri.xlsx", out.getvalue()), district_officer, coop) == (
        "Berkas ini bernama .xlsx tetapi bukan buku kerja Excel. Simpan dari Excel sebagai .xlsx."
    )


def test_a_workbook_named_csv_is_refused(district_officer, coop):
    workbook = xlsx(founder_rows(1)).read()
    assert refusal(SimpleUploadedFile("pendiri.csv", workbook), district_officer, coop) == (
        "Berkas ini bernama .csv tetapi bukan berkas teks. Simpan dari Excel sebagai CSV."
    )


def test_an_old_xls_is_refused_with_how_to_save_it(district_officer, coop):
    xls = SimpleUploadedFile("pendiri.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert refusal(xls, district_officer, coop) == (
        "Ini berkas Excel lama (.xls). Buka di Excel, simpan sebagai .xlsx, lalu unggah lagi."
    )


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(district_officer, coop, settings):
    settings.KDMP_IMPORT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("pendiri.csv", b"NIK;Nama\n" + b"1;a\n" * 400_000)
    assert refusal(big, district_officer, coop) == (
        "Berkas ini 1,5 MB; paling besar 1 MB. Pecah menjadi beberapa berkas yang lebih kecil."
    )


@pytest.mark.parametrize(
    ("line", "separator"), [("NIK;Nama Lengkap;Alamat", ";"), ("NIK,Nama Lengkap,Alamat", ","), ("a;b,c;d", ";")]
)
def test_the_csv_separator_is_sniffed_from_the_header_line(line, separator):
    assert files.delimiter(line) == separator


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("\ufeffNama;Andréas".encode(), "Nama;Andréas"),
        ("Nama;Andréas".encode(), "Nama;Andréas"),
        ("Nama;Andréas".encode("cp1252"), "Nama;Andréas"),
    ],
)
def test_csv_text_is_read_as_utf8_with_or_without_bom_or_windows_1252(data, text):
    assert files.decode(data) == text


def test_the_template_sheet_is_read_even_when_another_sheet_comes_first(coop, upload_members):
    from openpyxl import Workbook

    from tests.cooperatives.imports.sheets import founder_rows as rows_of

    workbook = Workbook()
    workbook.active.title = "Catatan"
    workbook.active.append(["Daftar ini disusun oleh Dinas"])
    sheet = workbook.create_sheet("Pendiri")
    rows = rows_of(9)
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    out = io.BytesIO()
    workbook.save(out)
    imp = upload_members(SimpleUploadedFile("pendiri.xlsx", out.getvalue()), coop)
    assert imp.report["ok"] == 9
