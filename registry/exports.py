"""CSV and XLSX writers shared by every table the portal exports (`registry.dashboards.tables.Table`).

Text cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`
(OWASP's advice for CSV injection), in CSV and XLSX alike; XLSX text cells are also written as plain strings, never
formulas. XLSX columns are typed: counts as integers, percentages as numbers, dates as dates. Headers are the columns'
labels in the active language (the user's).
"""

from __future__ import annotations

import csv
import datetime
import io
import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def _plain(value: object) -> object:
    """A cell's value for CSV: dates as ISO, datetimes in local time (WIB) without microseconds, None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_bytes(table) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so Excel reads UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(str(c.label)) for c in table.columns])
    for row in table.rows:
        writer.writerow([spreadsheet_safe(_plain(row.get(c.key))) for c in table.columns])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(table) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", str(table.title))[:31] or "data"
    for i, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=i, value=spreadsheet_safe(str(column.label)))
        cell.data_type = TYPE_STRING
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(column.label)) + 2))
    for r, row in enumerate(table.rows, start=2):
        for i, column in enumerate(table.columns, start=1):
            value = row.get(column.key)
            if isinstance(value, datetime.datetime):
                value = timezone.localtime(value).replace(tzinfo=None)
            cell = ws.cell(row=r, column=i)
            if isinstance(value, str):
                cell.value = spreadsheet_safe(value)
                cell.data_type = TYPE_STRING
                continue
            cell.value = value
            if column.kind == "percent":
                cell.number_format = "0.0"
            elif column.kind == "date":
                cell.number_format = "yyyy-mm-dd"
            elif column.kind == "datetime":
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif column.kind == "int":
                cell.number_format = "#,##0"
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def response(table, *, fmt: str, name: str) -> HttpResponse:
    """The table as a download: `<name>-<YYYY-MM-DD>.csv|xlsx`."""
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        resp = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    else:
        resp = HttpResponse(csv_bytes(table), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return resp
