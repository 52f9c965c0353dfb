"""The CSV report (notaries/npak/report.py): formula-safe cells, a byte-order mark for Excel, rows in file order."""

import csv
import io

from notaries.npak.importer import npak_import
from notaries.npak.report import report_bytes, safe
from tests.notaries.npak.conftest import npak_csv


def test_cells_a_spreadsheet_would_run_as_formulas_are_quoted():
    assert [safe(value) for value in ["=HYPERLINK(1)", "+62812", "@x", "-", "Budi"]] == [
        "'=HYPERLINK(1)",
        "'+62812",
        "'@x",
        "'-",
        "Budi",
    ]


def test_report_bytes_start_with_a_byte_order_mark_and_list_rows_in_file_order():
    result = npak_import(
        source=npak_csv(["=cmd|' /C calc'!A0", "N/A", "JAWA BARAT"], ["Budi, S.H.", "KAB. MIMIKA", "PAPUA"]),
        dry_run=True,
    )
    data = report_bytes(result)
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert data.startswith(b"\xef\xbb\xbf")
    assert [(line[0], line[2], line[8]) for line in lines[1:]] == [
        ("2", "seat_missing", "'=cmd|' /C calc'!A0"),
        ("3", "province_split", "Budi, S.H."),
    ]
