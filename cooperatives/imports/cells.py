"""A cell to the value the services take, or what to fix. Choices, dates and amounts are refused with the messages
the forms use (`field_messages`, `money`); what only a spreadsheet does wrong (a formula, a NIK or a phone number
turned into a number) has its own explanation of how to fix the column."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

from cooperatives import field_messages as msg
from cooperatives.imports.columns import Column, choice_value
from cooperatives.imports.files import Cell, as_text
from cooperatives.money import INVALID_RUPIAH, parse_rupiah_text

PICK = {
    "gender": msg.PICK_GENDER,
    "pattern": msg.PICK_PATTERN,
    "existing_grade": msg.PICK_GRADE,
    "revitalisation_method": msg.PICK_REVITALISATION_METHOD,
    "simpanan_wajib_period": msg.PICK_SAVINGS_PERIOD,
    "position": msg.PICK_POSITION,
}
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
# Columns where a number is harmless (RT 1 is RT 001); elsewhere a number loses a leading 0 or digits.
NUMBER_OK = {"rt", "rw"}


class CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def formula_error(cell: Cell) -> str:
    return _(
        "This cell holds a formula (%(formula)s); formulas are not imported. Copy the column and paste it back as "
        "values only, then upload again."
    ) % {"formula": cell.value}


def nik_number_error(cell: Cell) -> str:
    return _(
        "The NIK is stored as a number (%(value)s): a spreadsheet keeps only 15 digits of a number, so the last "
        "digit is lost. Format the NIK column as text, retype the NIK from the KTP, and upload again."
    ) % {"value": as_text(cell.value)}


def number_error(column: Column, cell: Cell) -> str:
    return _(
        "“%(column)s” is stored as a number (%(value)s), so a leading 0 is lost. Format the column as text and "
        "retype it, e.g. %(example)s."
    ) % {"column": column.header, "value": as_text(cell.value), "example": column.example or "0812…"}


def _date(cell: Cell) -> dt.date:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if cell.number and 20000 < float(value) < 80000:
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()
    text = as_text(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    raise CellError(_("This is not a date: write it like 15/07/2025, or format the cell as a date."))


def _money(cell: Cell) -> int:
    value = cell.value
    if cell.number:
        if value < 0:
            raise CellError(str(msg.NEGATIVE_AMOUNT))
        if float(value).is_integer():
            return int(value)
        raise CellError(str(INVALID_RUPIAH))
    text = as_text(value).strip()
    if text.startswith("-"):
        raise CellError(str(msg.NEGATIVE_AMOUNT))
    try:
        return parse_rupiah_text(text)
    except ValueError:
        raise CellError(str(INVALID_RUPIAH)) from None


def _int(cell: Cell) -> int:
    value = cell.value
    if cell.number and float(value).is_integer():
        return int(value)
    text = as_text(value).strip().replace(".", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise CellError(str(msg.ATTENDANCE_NOT_A_NUMBER))


def value_of(column: Column, cell: Cell | None):
    """The typed value of a cell ("" or None when empty). Raises CellError with what to fix."""
    if cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return None if column.kind in {"date", "money", "int"} else ""
    if cell.formula:
        raise CellError(formula_error(cell))
    if column.kind == "nik":
        if cell.number:
            raise CellError(nik_number_error(cell))
        return as_text(cell.value).strip().lstrip("'")
    if column.kind == "code":
        if cell.number and column.key not in NUMBER_OK:
            raise CellError(number_error(column, cell))
        # A leading ' is how people force text in a spreadsheet cell; some exports keep it.
        return re.sub(r"\s+", "", as_text(cell.value)).lstrip("'")
    if column.kind == "date":
        return _date(cell)
    if column.kind == "money":
        return _money(cell)
    if column.kind == "int":
        return _int(cell)
    if column.kind == "choice":
        value = choice_value(column, as_text(cell.value))
        if value is None:
            raise CellError(str(PICK[column.key]))
        return value
    return " ".join(as_text(cell.value).split()) if column.key != "revitalised_cooperatives" else as_text(cell.value)
