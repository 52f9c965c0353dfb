"""Finding the village of a row: by its Kemendagri code, or by its name and kecamatan (names repeat across
kecamatan: 14 in Muara Enim, "Pagar Dewa" in three). The regency's villages are loaded once."""

from __future__ import annotations

import re
from collections import Counter

from django.utils.translation import gettext as _

from registry import codes, text
from registry.models import Region, RegionLevel

_KECAMATAN_PREFIX = re.compile(r"^(?:kec|kecamatan|distrik)(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)


def kecamatan_key(name: str) -> str:
    return _KECAMATAN_PREFIX.sub("", text.collapse_spaces(name)).lower()


class Villages:
    def __init__(self, regency: Region) -> None:
        self.regency = regency
        villages = list(
            Region.objects.filter(codes.subtree_q("code", regency.code, include_root=False), level=RegionLevel.VILLAGE)
            .select_related("parent")
            .order_by("code")
        )
        self.by_code = {v.code: v for v in villages}
        self.by_name: dict[str, list[Region]] = {}
        for v in villages:
            self.by_name.setdefault(text.search_term(v.name), []).append(v)
        counts = Counter(v.name.lower() for v in villages)
        self.repeats = {v.code: counts[v.name.lower()] > 1 for v in villages}
        self.elsewhere: dict[str, Region] = {}

    def load_codes_elsewhere(self, wanted: set[str]) -> None:
        """The villages of other regencies the file names by code (one query), to say where they lie."""
        outside = {c for c in wanted if c not in self.by_code and codes.is_code(c)}
        if outside:
            self.elsewhere = {
                v.code: v
                for v in Region.objects.filter(code__in=outside, level=RegionLevel.VILLAGE).select_related(
                    "parent__parent"
                )
            }

    def find(self, *, code: str, name: str, kecamatan: str) -> tuple[Region | None, str | None]:
        """(village, None) or (None, what to fix)."""
        if code:
            if code in self.by_code:
                return self.by_code[code], None
            other = self.elsewhere.get(code)
            if other is not None:
                return None, _(
                    "Village %(code)s (%(name)s) lies in %(other)s, not in %(regency)s: a file imports only into its "
                    "own regency."
                ) % {
                    "code": code,
                    "name": other.name,
                    "other": other.parent.parent.name,
                    "regency": self.regency.name,
                }
            return None, _("There is no village with code %(code)s in the 2025 region master (e.g. 16.03.01.2011).") % {
                "code": code
            }
        if not name:
            return None, _("Write the village code, or the village name and its kecamatan.")
        candidates = self.by_name.get(text.search_term(name), [])
        if kecamatan:
            candidates = [v for v in candidates if text.search_term(v.parent.name) == kecamatan_key(kecamatan)]
        if len(candidates) == 1:
            return candidates[0], None
        if not candidates:
            if kecamatan:
                return None, _("There is no village named %(name)s in kecamatan %(kecamatan)s of %(regency)s.") % {
                    "name": name,
                    "kecamatan": kecamatan,
                    "regency": self.regency.name,
                }
            return None, _("There is no village named %(name)s in %(regency)s.") % {
                "name": name,
                "regency": self.regency.name,
            }
        return None, _(
            "%(n)s villages of %(regency)s are named %(name)s: %(candidates)s. Write the kecamatan, or the village "
            "code."
        ) % {
            "n": len(candidates),
            "regency": self.regency.name,
            "name": name,
            "candidates": "; ".join(f"{v.code} ({_('Kecamatan')} {v.parent.name})" for v in candidates),
        }
