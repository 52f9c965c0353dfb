"""Checks on text people type, shared by every form, search box and API input."""

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
