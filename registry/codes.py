"""Region-code arithmetic, written once: levels, ancestors, the subtree filter, the code pattern.

A Kemendagri code spells its own ancestry: "16.03.01.2001" is a village in kecamatan "16.03.01", regency "16.03",
province "16". Scoping a user to an area and grouping the roll-ups are therefore prefix questions, answered here
and nowhere else (no `code[:5]` or `f"{code}."` in other modules).

The functions take well-formed codes (the database and the URL patterns only let those through) and do not check
them again: they run once per row in imports and roll-ups.
"""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.IntegerChoices):
    """The depth of a code: 1 province, 2 regency/city, 3 kecamatan (distrik in Papua), 4 village/kelurahan.

    Defined here rather than in models.py because it is part of the code vocabulary; `registry.models` re-exports it.
    """

    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    KECAMATAN = 3, _("Kecamatan")
    VILLAGE = 4, _("Village")


SEPARATOR = "."
# The character right after SEPARATOR: every code below "16.03" sorts in ["16.03", "16.03/") byte by byte.
_AFTER_SEPARATOR = chr(ord(SEPARATOR) + 1)

# Length of the code of a region at each level: "16", "16.03", "16.03.01", "16.03.01.2001".
CODE_LENGTH: dict[RegionLevel, int] = {
    RegionLevel.PROVINCE: 2,
    RegionLevel.REGENCY: 5,
    RegionLevel.KECAMATAN: 8,
    RegionLevel.VILLAGE: 13,
}
_LEVEL_BY_LENGTH = {length: level for level, length in CODE_LENGTH.items()}

# A code of any level, unanchored and without groups: for URL patterns and larger expressions. [0-9], not \d: in
# Python \d also matches other scripts' digits ("١٦").
CODE_PATTERN = r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?"
# A code of exactly one level, unanchored.
LEVEL_PATTERN: dict[RegionLevel, str] = {
    RegionLevel.PROVINCE: r"[0-9]{2}",
    RegionLevel.REGENCY: r"[0-9]{2}\.[0-9]{2}",
    RegionLevel.KECAMATAN: r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}",
    RegionLevel.VILLAGE: r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}",
}
# For `re_path`: the code captured as the `code` keyword argument.
CODE_URL_PATTERN = rf"(?P<code>{CODE_PATTERN})"

_CODE_RE = re.compile(rf"{CODE_PATTERN}\Z")

region_code_validator = RegexValidator(
    rf"^{CODE_PATTERN}\Z",
    _("A region code looks like 16, 16.03, 16.03.01 or 16.03.01.2001."),
)


def level_validator(level: RegionLevel, message: str) -> RegexValidator:
    """A validator that accepts only codes of one level (e.g. the village filter of an API)."""
    return RegexValidator(rf"^{LEVEL_PATTERN[level]}\Z", message)


class RegionCodeConverter:
    """URL converter `<region:code>` (registered by RegistryConfig.ready) for a code of any level."""

    regex = CODE_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def is_code(value: object) -> bool:
    return isinstance(value, str) and _CODE_RE.match(value) is not None


def level(code: str) -> RegionLevel:
    """The level of a well-formed code; ValueError for anything else."""
    try:
        found = _LEVEL_BY_LENGTH[len(code)]
    except (KeyError, TypeError):
        raise ValueError(f"Not a region code: {code!r}") from None
    if not is_code(code):
        raise ValueError(f"Not a region code: {code!r}")
    return found


def code_at(code: str, at: RegionLevel) -> str | None:
    """The code of the region at level `at` that holds `code` (the code itself at its own level); None if `code`
    is shallower than `at`."""
    length = CODE_LENGTH[at]
    return code[:length] if len(code) >= length else None


def code_at_expression(field: str, at: RegionLevel) -> Substr:
    """`code_at` in SQL: the code of the level-`at` region holding each row's `field`, to GROUP BY (roll-ups, counts).

    Meaningful for rows at level `at` or below (a shallower code comes back whole).
    """
    return Substr(field, 1, CODE_LENGTH[at])


def province_code(code: str) -> str:
    return code[: CODE_LENGTH[RegionLevel.PROVINCE]]


def regency_code(code: str) -> str | None:
    """The regency holding a code: "16.03" for "16.03", "16.03.01" or "16.03.01.2001"; None for a province."""
    return code_at(code, RegionLevel.REGENCY)


def kecamatan_code(code: str) -> str | None:
    """The kecamatan holding a code: "16.03.01" for "16.03.01" or "16.03.01.2001"; None above a kecamatan."""
    return code_at(code, RegionLevel.KECAMATAN)


def parent_code(code: str) -> str | None:
    """The code one level up; None for a province."""
    head, sep, _tail = code.rpartition(SEPARATOR)
    return head if sep else None


def ancestors(code: str) -> list[str]:
    """The codes of the regions above `code`, province first: "16.03.01" → ["16", "16.03"]."""
    parts = code.split(SEPARATOR)
    return [SEPARATOR.join(parts[:i]) for i in range(1, len(parts))]


def is_in(code: str, root: str) -> bool:
    """Whether `code` lies in the subtree of `root` (the root itself included); "" is the whole country.

    Whole segments only: "16.030" is not under "16.03", nor "110" under "11".
    """
    return root == "" or code == root or code.startswith(f"{root}{SEPARATOR}")


def subtree_q(field: str, root: str, *, include_root: bool = True) -> Q:
    """Rows whose `field` (a column holding a code) lies in the subtree of `root`; "" is the whole country (no filter).

    Written as a range, not LIKE: `field >= "33." AND field < "33/"` ('/' follows '.'). A plain B-tree index on the
    code answers it with one range scan (LIKE 'x%' needs a pattern-ops index outside the C collation). With the root
    included the two conditions merge into one range, `field >= "33" AND field < "33/"`: codes hold only digits and
    dots, and a digit sorts after '/', so "330" falls outside. This relies on codes comparing character by character,
    as in the C collation (PostgreSQL databases created with C/C.UTF-8, SQLite's default) and ICU collations.

    `field` may be a foreign key's column (`village_id`): Django accepts range lookups on it, so no join is made.
    """
    if root == "":
        return Q()
    lower = root if include_root else f"{root}{SEPARATOR}"
    return Q(**{f"{field}__gte": lower, f"{field}__lt": f"{root}{_AFTER_SEPARATOR}"})
