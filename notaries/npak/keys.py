"""The natural key of a notary of the NPAK list: the seat's regency code and the name folded for search.

Why this key and not the certificate or AHU number: see the package docstring (notaries/npak/__init__.py).
"""

from __future__ import annotations

from notaries.names import search_name_of

SEPARATOR = "|"


def natural_key(*, seat_code: str, name: str) -> str:
    """ "34.04|annies diah ratnawati" for "Annies Diah Ratnawati, S.H." seated in Kabupaten Sleman; "" for no name."""
    folded = search_name_of(name)
    return f"{seat_code}{SEPARATOR}{folded}" if folded else ""
