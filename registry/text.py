"""Checks on text people type, shared by every form, search box and API input, and the one way it is normalised
for searching and comparing."""

from __future__ import annotations

import re

from django.db.models import CharField, Func, Value
from django.db.models.functions import Lower, Replace, Trim

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


class CollapsedSpaces(Func):
    """`collapse_spaces` in SQL, to compare what people typed (cooperative names) whatever its spacing.

    PostgreSQL has regexp_replace; SQLite (the development default) does not, so there each whitespace character
    becomes a space and runs of spaces are halved a few times (runs of up to 32 spaces end as one)."""

    function = "REGEXP_REPLACE"
    output_field = CharField()

    def __init__(self, expression, **extra):
        # \s in PostgreSQL's C.UTF-8 collation misses the non-breaking space that pasted text often holds.
        super().__init__(expression, Value("[\\s\u00a0]+"), Value(" "), Value("g"), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        expression = self.get_source_expressions()[0]
        for character in ("\t", "\n", "\r", "\xa0"):
            expression = Replace(expression, Value(character), Value(" "))
        for _pass in range(5):
            expression = Replace(expression, Value("  "), Value(" "))
        return compiler.compile(expression)


def name_key_of(name: str) -> str:
    """`name_key` in Python, for one name at hand."""
    return collapse_spaces(name).lower()


def name_key(expression) -> Trim:
    """A name as compared for duplicates, in SQL: case and spacing aside (`expression` a field name or expression).
    The services store names tidied, but rows written before that, or by hand, may not be."""
    return Trim(Lower(CollapsedSpaces(expression)))
