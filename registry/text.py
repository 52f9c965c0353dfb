"""Checks on text people type, shared by every form, search box and API input, and the one way it is normalised
for searching and comparing."""

from __future__ import annotations

import re

# C0 controls and DEL, except tab, line feed and carriage return (textareas send those).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(data) -> bool:
    """Whether any value of a QueryDict (or a plain string) holds a control character."""
    if isinstance(data, str):
        return CONTROL_CHARACTERS.search(data) is not None
    return any(
        CONTROL_CHARACTERS.search(value) for _key, values in data.lists() for value in values if isinstance(value, str)
    )


# A village typed with its kind in front ("Ds. Pagar Dewa", "desa pagar dewa", "Kel.Muara Enim"): the master holds
# the bare name. Only when something follows, so that a search for "desa" alone still looks for the word.
_VILLAGE_KIND_PREFIX = re.compile(r"^(?:ds|desa|kel|kelurahan)(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)


def collapse_spaces(text: str) -> str:
    """`text` with every run of whitespace (tabs, line breaks, non-breaking spaces) turned into one space, trimmed."""
    return " ".join(text.split())


def search_term(text: str) -> str:
    """What a search box, a village list or the region API looks for: spaces collapsed, lower case, without a
    "Ds."/"Desa"/"Kel."/"Kelurahan" prefix. Kemendagri names have single spaces, so `icontains` on this term finds
    "Pagar Dewa" from "PAGAR  DEWA" or "Ds. Pagar Dewa"; a code ("16.03.01") passes through unchanged."""
    return _VILLAGE_KIND_PREFIX.sub("", collapse_spaces(text)).lower()


def name_key_of(name: str) -> str:
    """A name as duplicates are compared: case and spacing aside (tabs, line breaks, non-breaking spaces).
    `Cooperative.save` stores it, so the data-quality list groups a whole country by a plain column."""
    return collapse_spaces(name).lower()
