"""The templates: Indonesian headers, an example row that is never imported, text-formatted code columns, drop-down
lists and a notes sheet; filled in, they import."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from cooperatives.imports.models import ImportKind, ImportStatus
from cooperatives.imports.workbooks import template_workbook
from tests.cooperatives.imports.sheets import founder_rows

pytestmark = pytest.mark.usefixtures("indonesian")


def test_the_founders_template_has_headers_an_example_lists_and_notes():
    workbook = load_workbook(io.BytesIO(template_workbook(ImportKind.MEMBERS)))
    sheet = workbook["Pendiri"]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["No", "NIK", "Nama Lengkap", "Tempat Lahir"]
    assert "Jabatan" in headers
    assert (sheet["A2"].value, sheet["B2"].value, sheet["B2"].number_format) == ("contoh", "1603015403800001", "@")
    assert sheet["B500"].number_format == "@"
    lists = {str(v.sqref).split(":")[0][0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["F"] == '"Laki-laki,Perempuan"'
    assert lists["L"].startswith('"Ketua,Wakil ketua bidang usaha,')
    assert workbook["Petunjuk"]["A1"].value == "Petunjuk pengisian"


def test_the_cooperatives_template_lists_the_patterns():
    sheet = load_workbook(io.BytesIO(template_workbook(ImportKind.COOPERATIVES)))["Koperasi"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["No", "Kode Desa", "Nama Desa", "Kecamatan", "Pola Pembentukan"]
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"Pendirian baru,Pengembangan koperasi yang sudah ada,Revitalisasi koperasi tidak aktif"' in lists


def test_the_filled_template_imports_without_its_example_row(coop, upload_members):
    workbook = load_workbook(io.BytesIO(template_workbook(ImportKind.MEMBERS)))
    sheet = workbook["Pendiri"]
    headers = [c.value for c in sheet[1]]
    for number, row in enumerate(founder_rows(9), start=3):
        for key, value in row.items():
            sheet.cell(row=number, column=headers.index(key) + 1, value=value)
    out = io.BytesIO()
    workbook.save(out)

    imp = upload_members(SimpleUploadedFile("templat-pendiri.xlsx", out.getvalue()), coop)

    assert (imp.status, imp.rows, imp.report["ok"]) == (ImportStatus.CHECKED, 9, 9)


def test_the_cooperatives_template_of_a_regency_lists_its_villages_and_only_completed_rows_import(
    upload_cooperatives, commit, muara_enim
):
    from cooperatives.imports.selectors import villages_of
    from cooperatives.models import Cooperative

    villages = villages_of(muara_enim)
    workbook = load_workbook(io.BytesIO(template_workbook(ImportKind.COOPERATIVES, villages=villages)))
    sheet = workbook["Koperasi"]
    assert (sheet.cell(row=2 + len(villages), column=2).value, sheet.cell(row=3 + len(villages), column=2).value) == (
        villages[-1].code,
        None,
    )
    assert [c.value for c in sheet[3]][:4] == [1, villages[0].code, villages[0].name, villages[0].parent.name]
    sheet["E3"] = "Pendirian baru"
    sheet["E10"] = "Revitalisasi koperasi tidak aktif"
    sheet["I10"] = "Reaktivasi"
    sheet["J10"] = "KUD Sumber Rejeki"
    out = io.BytesIO()
    workbook.save(out)

    imp = upload_cooperatives(SimpleUploadedFile("templat-koperasi.xlsx", out.getvalue()))
    assert imp.report.get("errors") == [], imp.report
    imp = commit(imp)

    assert (imp.status, imp.rows, imp.report["created"]) == (ImportStatus.SAVED, 2, 2)
    assert set(Cooperative.objects.values_list("village_id", flat=True)) == {villages[0].code, villages[7].code}
