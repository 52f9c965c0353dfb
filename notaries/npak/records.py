"""Rows of the NPAK list turned into notary values: cells cleaned and checked against their column, and the rows of
one notary (one natural key) merged into one record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from notaries.models import Notary
from notaries.names import search_name_of
from notaries.npak import reasons
from notaries.npak.cells import Row, clean, has_broken
from registry import codes

# The Notary fields the list fills, in the order of its columns. The import owns them: a re-import puts back what the
# list says. `is_active` and the linked user are the registry's own and never touched.
TEXT_FIELDS = (
    "name",
    "ahu_number",
    "appointment_sk",
    "npak_certificate",
    "email",
    "phone",
    "phone_2",
    "office_phone",
    "office_address",
)
COMPARED_FIELDS = (*TEXT_FIELDS, "seat_id", "province_id", "search_name")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _same(one: str, other: str) -> bool:
    # "Jl. Sudirman No. 5" and "JL SUDIRMAN NO 5" say the same: only a difference in content is a conflict.
    return _NOT_ALNUM.sub("", one.lower()) == _NOT_ALNUM.sub("", other.lower())


@dataclass
class Record:
    """One notary as the list describes it: the first row with its key, completed by the later ones."""

    key: str
    row: Row
    values: dict[str, str]
    rows: list[int] = field(default_factory=list)

    def merge(self, values: dict[str, str]) -> list[str]:
        """Fill this record's empty fields from a later row of the same notary; the fields where both rows hold
        different values (the earlier one is kept)."""
        conflicts = []
        for name in TEXT_FIELDS:
            mine, theirs = self.values.get(name, ""), values.get(name, "")
            if not mine and theirs:
                self.values[name] = theirs
            elif theirs and name != "name" and not _same(mine, theirs):
                conflicts.append(name)
        return conflicts


def _max_length(name: str) -> int | None:
    return Notary._meta.get_field(name).max_length


def row_values(row: Row, *, seat_code: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The Notary values of a row with a resolved seat, and the warnings about its cells (broken characters removed,
    a value not valid for its column left empty or shortened), each with the fields it concerns."""
    warnings: dict[str, list[str]] = {}
    values = {"seat_id": seat_code, "province_id": codes.province_code(seat_code)}
    for name in TEXT_FIELDS:
        raw = row.raw.get(name, "")
        value = clean(raw, field=name)
        if has_broken(raw):
            warnings.setdefault(reasons.BROKEN_CHARACTERS, []).append(name)
        if name == "email" and value:
            try:
                validate_email(value)
            except ValidationError:
                value = ""
                warnings.setdefault(reasons.VALUE_DROPPED, []).append(name)
        limit = _max_length(name)
        if limit and len(value) > limit:
            value = value[:limit].rstrip()
            warnings.setdefault(reasons.VALUE_DROPPED, []).append(name)
        values[name] = value
    values["search_name"] = search_name_of(values["name"])
    return values, warnings


def finish(record: Record) -> dict[str, str]:
    """The values to store: the search name follows the name kept after merging."""
    limit = _max_length("search_name")
    record.values["search_name"] = search_name_of(record.values["name"])[:limit]
    return record.values
