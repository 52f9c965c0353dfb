"""The report copy: the file as uploaded with a "kesalahan" column, text cells protected against formula injection."""

import io

import pytest
from openpyxl import load_workbook

from cooperatives.imports import run
from cooperatives.imports.report import safe
from tests.cooperatives.imports.sheets import founder_rows, xlsx

pytestmark = pytest.mark.usefixtures("indonesian")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+62812", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(text):
    assert safe(text) == "'" + text


def test_the_report_copy_adds_the_errors_of_each_row_in_a_kesalahan_column(coop, upload_members):
    rows = founder_rows(9)
    rows[1]["Nama Lengkap"] = ""
    rows[2]["Alamat"] = "=cmd|' /C calc'!A0"
    imp = upload_members(xlsx(rows), coop)

    sheet = load_workbook(io.BytesIO(run.report_xlsx(imp))).active
    values = list(sheet.values)

    assert values[0][-2:] == ("kesalahan", "peringatan")
    assert values[2][1] is None
    assert values[2][-2] == "Nama Lengkap: Tulis nama lengkap pendiri."
    assert values[3][5] == "'=cmd|' /C calc'!A0"
    assert values[1][-2] is None
    assert values[1][0] == rows[0]["NIK"]
