"""Why a row of the NPAK list is in the report: a stable code (for filters and tests), its category, and the sentence
the report shows (Indonesian through the catalogue)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# Categories: a row that could not be placed (unresolved, ambiguous) is not imported; a duplicate is merged into the
# first row with its key; a warning row is imported, and reported so that a person can check it; an invalid row has
# a seat but cannot become a notary (no name).
UNRESOLVED = "unresolved"
AMBIGUOUS = "ambiguous"
DUPLICATE = "duplicate"
WARNING = "warning"
INVALID = "invalid"

CATEGORY_LABELS = {
    UNRESOLVED: _("unresolved"),
    AMBIGUOUS: _("ambiguous"),
    DUPLICATE: _("duplicate"),
    WARNING: _("warning"),
    INVALID: _("invalid"),
}

SEAT_MISSING = "seat_missing"
SEAT_UNKNOWN = "seat_unknown"
SEAT_TWO = "seat_two"
SEAT_AMBIGUOUS = "seat_ambiguous"
SEAT_FUZZY = "seat_fuzzy"
SEAT_OLD_NAME = "seat_old_name"
SEAT_KIND = "seat_kind"
PROVINCE_MISMATCH = "province_mismatch"
PROVINCE_SPLIT = "province_split"
PROVINCE_UNKNOWN = "province_unknown"
NAME_MISSING = "name_missing"
DUPLICATE_ROW = "duplicate_row"
DUPLICATE_CONFLICT = "duplicate_conflict"
BROKEN_CHARACTERS = "broken_characters"
VALUE_DROPPED = "value_dropped"
VALUE_INVALID = "value_invalid"

REASONS = {
    SEAT_MISSING: (UNRESOLVED, _("The seat is empty.")),
    SEAT_UNKNOWN: (UNRESOLVED, _("No regency or city of the region master matches the seat.")),
    SEAT_TWO: (AMBIGUOUS, _("The cell holds more than one seat: not guessed, choose one.")),
    SEAT_AMBIGUOUS: (AMBIGUOUS, _("The seat matches more than one regency or city: not guessed, choose one.")),
    SEAT_FUZZY: (WARNING, _("The seat was read as a close spelling of a regency in the province (typo).")),
    SEAT_OLD_NAME: (WARNING, _("The seat is written with a former name of the regency.")),
    SEAT_KIND: (WARNING, _("The seat says kabupaten or kota, but the province has only the other one by that name.")),
    PROVINCE_MISMATCH: (WARNING, _("The province cell contradicts the seat; the seat, unique nationally, decides.")),
    PROVINCE_SPLIT: (WARNING, _("The province cell names the province the seat belonged to before a split.")),
    PROVINCE_UNKNOWN: (WARNING, _("The province cell is empty or unknown; the seat, unique nationally, decides.")),
    NAME_MISSING: (INVALID, _("The name is empty.")),
    DUPLICATE_ROW: (DUPLICATE, _("Same notary (name and seat) as an earlier row: merged into it.")),
    DUPLICATE_CONFLICT: (
        DUPLICATE,
        _("Same notary (name and seat) as an earlier row, with other values: the earlier row's values are kept."),
    ),
    BROKEN_CHARACTERS: (WARNING, _("A cell holds broken characters; they were removed.")),
    VALUE_DROPPED: (
        WARNING,
        _("A value is not valid for its column (not an email address, or too long): left empty or shortened."),
    ),
    VALUE_INVALID: (INVALID, _("The row cannot be stored: a value is not valid.")),
}


def category(code: str) -> str:
    return REASONS[code][0]


def message(code: str) -> str:
    return str(REASONS[code][1])
