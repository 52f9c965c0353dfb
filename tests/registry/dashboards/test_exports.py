"""CSV and XLSX writers (registry.exports): formula injection neutralised, typed XLSX columns, translated headers."""

import csv
import datetime
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from registry import exports
from registry.dashboards.tables import Column, Kind, Table
from registry.stages import Stage

EVIL = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def table(rows: list[dict]) -> Table:
    columns = [
        Column("name", "Name", Kind.TEXT),
        Column("count", "Count"),
        Column("share", "Share", Kind.PERCENT),
        Column("day", "Day", Kind.DATE),
    ]
    return Table(key="t", title="Tabel: uji/1", columns=columns, rows=rows)


def csv_rows(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("evil", EVIL)
def test_csv_text_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(evil):
    rows = csv_rows(exports.csv_bytes(table([{"name": evil, "count": 1, "share": None, "day": None}])))

    assert rows[1][0] == f"'{evil}"


@pytest.mark.parametrize("evil", EVIL)
def test_xlsx_text_cell_is_a_quoted_string_never_a_formula(evil):
    wb = load_workbook(io.BytesIO(exports.xlsx_bytes(table([{"name": evil, "count": 1, "share": 1.5, "day": None}]))))
    cell = wb.active["A2"]

    assert cell.data_type == "s"
    assert cell.value[0] == "'"
    assert cell.value[2:] == evil[1:]  # (XML keeps a CR as a line feed)


def test_xlsx_columns_are_typed_numbers_and_dates():
    day = datetime.date(2025, 6, 17)
    body = exports.xlsx_bytes(table([{"name": "Sumatera Selatan", "count": 1234, "share": 12.3, "day": day}]))
    ws = load_workbook(io.BytesIO(body)).active

    assert [c.value for c in ws[1]] == ["Name", "Count", "Share", "Day"]
    assert ws["B2"].value == 1234
    assert ws["B2"].data_type == "n"
    assert ws["C2"].value == 12.3
    assert ws["D2"].value.date() == day
    assert ws["D2"].is_date
    assert ws.title == "Tabel  uji 1"


def test_csv_writes_no_target_as_an_empty_cell_and_dates_as_iso():
    rows = csv_rows(
        exports.csv_bytes(table([{"name": "A", "count": 0, "share": None, "day": datetime.date(2025, 6, 1)}]))
    )

    assert rows == [["Name", "Count", "Share", "Day"], ["A", "0", "", "2025-06-01"]]


def test_headers_are_in_the_active_language():
    t = Table(key="t", title="t", columns=[Column("s", Stage.RAPAT_PENDIRIAN.label)], rows=[])

    with translation.override("id"):
        indonesian = csv_rows(exports.csv_bytes(t))[0]
    with translation.override("en"):
        english = csv_rows(exports.csv_bytes(t))[0]

    assert indonesian == ["Rapat pendirian terlaksana"]
    assert english == ["Founding meeting held"]
