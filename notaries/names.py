"""A notary's name folded for search: what an officer types ("siti nurul") must find "Hj. Siti Nurul, S.H., M.Kn.".

The published NPAK list writes names with academic and professional titles in every spelling ("S.H., M.Kn.",
"S.H,M.Kn", "SH. MKn", "Drs.H.Jufri"), and some cells hold broken characters (U+FFFD where the source lost an
apostrophe: "Rifa�I"). Folding drops the titles before and after the name, accents and broken characters, and
collapses punctuation, so that the indexed `Notary.search_name` answers a prefix or trigram search.
"""

from __future__ import annotations

import re
import unicodedata

# Titles written before the name (folded: lower case, dots removed). "h"/"hj" are Haji/Hajjah, "ny"/"tn" Nyonya/Tuan.
PREFIX_TITLES = frozenset({"dr", "drs", "dra", "h", "hj", "hajjah", "haji", "ir", "prof", "ny", "tn", "kh", "ec"})
# Titles written after the name. Dotted abbreviations not listed here ("S.Kom.", "M.Si.") are recognised by shape.
SUFFIX_TITLES = frozenset(
    {
        "sh",
        "mkn",
        "mh",
        "spn",
        "se",
        "mm",
        "ma",
        "msi",
        "mhum",
        "mba",
        "llm",
        "st",
        "ssos",
        "sag",
        "shi",
        "ssi",
        "skom",
        "spd",
        "sip",
        "bsc",
        "msc",
        "phd",
        "ak",
        "cn",
        "mkes",
        "mp",
        "mpd",
        "sh.i",
        "dr",
        "cpa",
        "bkp",
    }
)
# "S.H.", "M.Kn", "S.H.I.": at least two letter groups joined by dots, each short.
_DOTTED_ABBREVIATION = re.compile(r"^(?:[a-z]{1,3}\.)+[a-z]{1,3}\.?$")
_TOKEN_SPLIT = re.compile(r"[\s,;/]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile("['`\u2018\u2019\ufffd]")


def _ascii(text: str) -> str:
    # An apostrophe (or the U+FFFD the list has in its place) joins: "Rafi'i" and "Rafi�I" both fold to "rafii".
    text = _APOSTROPHES.sub("", text)
    # NFKD splits "é" into "e" + a combining accent, dropped by the ASCII encode, as are U+FFFD and control bytes.
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _folded(token: str) -> str:
    return token.lower().strip(".").replace(".", "")


def _is_prefix_title(token: str) -> bool:
    # "Drs.H.Jufri" arrives as one token: every dotted part but the last must be a title to drop them.
    parts = [part for part in token.lower().split(".") if part]
    return bool(parts) and all(part in PREFIX_TITLES for part in parts)


def _is_suffix_title(token: str) -> bool:
    lowered = token.lower()
    return _folded(lowered) in SUFFIX_TITLES or _DOTTED_ABBREVIATION.match(lowered) is not None


def _split_glued_prefix(token: str) -> list[str]:
    """ "Drs.H.Jufri" → ["Drs.", "H.", "Jufri"], only when the leading parts are titles."""
    parts = token.split(".")
    if len(parts) < 2:
        return [token]
    head = 0
    while head < len(parts) - 1 and parts[head].lower() in PREFIX_TITLES:
        head += 1
    if head == 0:
        return [token]
    return [f"{part}." for part in parts[:head]] + [".".join(parts[head:])]


def search_name_of(name: str) -> str:
    """The name folded for search: lower case ASCII words, titles dropped, punctuation collapsed to single spaces.

    "Hj. Siti Nurul Hidajah, S.H., M.Kn." → "siti nurul hidajah"; "Drs.H.Jufri Effendi, S.H.,M.M..,M.Kn." →
    "jufri effendi". When the name is nothing but titles the titles are kept, so the result is never empty for a
    non-empty name.
    """
    text = _ascii(name or "")
    tokens = [piece for token in _TOKEN_SPLIT.split(text) for piece in _split_glued_prefix(token) if piece.strip(".")]
    start, end = 0, len(tokens)
    while start < end - 1 and _is_prefix_title(tokens[start]):
        start += 1
    while end > start + 1 and _is_suffix_title(tokens[end - 1]):
        end -= 1
    kept = tokens[start:end]
    return " ".join(_NOT_ALNUM.sub(" ", " ".join(kept).lower()).split())
