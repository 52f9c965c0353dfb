"""Rupiah amounts as people type them, for the forms and the API alike."""

import re

from django.utils.translation import gettext_lazy as _

INVALID_RUPIAH = _("Not a valid rupiah amount: write digits only, e.g. 1.500.000.")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def parse_rupiah_text(text: str) -> int:
    """`1500000`, `1.500.000`, `Rp 1.500.000` → 1500000. Raises ValueError for anything else.

    Deliberately stricter than lokal's parse_rupiah, which also reads "2jt-an" or "sekitar 1,5 juta" and drops a
    minus sign: a register wants the exact figure.
    """
    plain = re.sub(r"^rp\.?", "", re.sub(r"\s+", "", text), flags=re.IGNORECASE)
    if not _GROUPED.fullmatch(plain):
        raise ValueError(text)
    return int(plain.replace(".", ""))
