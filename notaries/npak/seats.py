"""A seat cell of the NPAK list ("KAB. SLEMAN", "KOTA ADM. JAKARTA SELATAN", "KAB.  MUARO JAMBI", "KOTA PADANG
SIDEMPUAN") and its province cell, resolved to a regency of the Kemendagri 2025 master.

The index is built once per import from the region table (one query: 38 provinces and 514 regencies) and compares
names folded to letters and digits only, so dots, spaces and hyphens do not matter ("TOLI TOLI" = "Toli-Toli",
"MUKO MUKO" = "Mukomuko"). "KAB."/"KOTA" decides between the kabupaten and the kota of the same name (Region.kind).
In order:
1. the folded name, of the stated kind, within the province cell (a province cell may name the province the seat
   belonged to before a split: PAPUA for Mimika, now Papua Tengah; that is reported as a warning);
2. the same name elsewhere: the seat decides when it is unique nationally, and the row is reported;
3. a former name or a common abbreviation of the regency (`aliases`), reported when it is a former name;
4. a close spelling within the province (rapidfuzz, with a confidence floor), reported with its score;
5. otherwise the row is unresolved, with the nearest regency nationally as a suggestion only, never taken.
A cell holding two seats ("KAB. CIANJUR/KOTA TANGERANG SELATAN") is ambiguous: both are suggested, none chosen.
Results are cached per (seat, province) pair: the 17,355 rows hold about 600 distinct pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from notaries.npak import aliases, reasons
from notaries.npak.cells import clean
from registry import codes
from registry.models import Region, RegionKind, RegionLevel

# A close spelling is taken from this score up (rapidfuzz ratio, 0-100, on the folded names), or when one letter
# differs in a name of four letters or more ("BUTOM" for "BUTON" scores 80); and only when no other regency of the
# province comes within MARGIN of it.
FUZZY_FLOOR = 85
MARGIN = 5
_KIND = re.compile(
    r"^(?:(?P<kab>KABUPATEN|KAB)|(?P<kota>KOTAMADYA|KODYA|KOTA))\b\.?\s*(?:(?:ADMINISTRASI|ADMINISTRATIF|ADM)\b\.?\s*)?"
)
_MASTER_PREFIX = re.compile(r"^(?:KABUPATEN|KOTA)(?: ADMINISTRASI)? ")
_SEPARATORS = re.compile(r"\s*(?:/|\\|;|\||&|\+|,|\s-\s|\bDAN\b|\bATAU\b)\s*")
# "KAB, SLEMAN": a comma typed for the dot of the kind is not a separator between two seats.
_KIND_COMMA = re.compile(r"^(KABUPATEN|KAB|KOTA)\s*,\s*")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_PROVINCE_WORD = re.compile(r"^PROV(?:INSI)?\b\.?\s*")
_WORD = re.compile(r"[A-Z0-9]+")
_ABBREVIATED_WORDS = {"KEP": "KEPULAUAN", "KEPL": "KEPULAUAN", "KEPULAUN": "KEPULAUAN"}


def fold(text: str) -> str:
    """Upper-case ASCII, broken characters dropped: "Kab. Tojo Una-Una" → "KAB. TOJO UNA-UNA"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").upper().strip()


def name_keys(name: str) -> list[str]:
    """The folded forms a regency name is known by: letters and digits only, "KEP." spelled out; then the name
    without a leading "KEPULAUAN" ("KEP. SIAU TAGULANDANG BIARO" is also written "SIAU TAGULANDANG BIARO") and
    without "DAN" ("PANGKAJENE DAN KEPULAUAN")."""
    words = [_ABBREVIATED_WORDS.get(word, word) for word in _WORD.findall(fold(name))]
    keys = ["".join(words)]
    if len(words) > 1 and words[0] == "KEPULAUAN":
        keys.append("".join(words[1:]))
    if "DAN" in words[1:-1]:
        keys.append("".join(word for word in words if word != "DAN"))
    return [key for key in dict.fromkeys(keys) if key]


@dataclass(frozen=True)
class Regency:
    code: str
    name: str
    kind: str
    province: str
    key: str


@dataclass(frozen=True)
class Seat:
    """A resolved seat (`code`, with the warnings a person should check) or the reason it could not be placed."""

    code: str | None
    reasons: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    score: float | None = None

    @property
    def resolved(self) -> bool:
        return self.code is not None


class SeatIndex:
    def __init__(self, regencies: list[Regency], provinces: dict[str, str]) -> None:
        self.regencies = {regency.code: regency for regency in regencies}
        self.by_key: dict[str, list[Regency]] = defaultdict(list)
        self.by_province: dict[str, list[Regency]] = defaultdict(list)
        for regency in regencies:
            for key in name_keys(_MASTER_PREFIX.sub("", fold(regency.name))):
                self.by_key[key].append(regency)
            self.by_province[regency.province].append(regency)
        self.province_codes: dict[str, frozenset[str]] = {}
        for code, name in provinces.items():
            # The full name only: "Kepulauan Riau" must not also answer to "RIAU".
            self.province_codes[name_keys(name)[0]] = frozenset({code})
        for key, code in aliases.PROVINCES.items():
            if code in provinces:
                self.province_codes.setdefault(key, frozenset({code}))
        self._cache: dict[tuple[str, str], Seat] = {}

    @classmethod
    def load(cls) -> SeatIndex:
        """The current master's provinces and regencies, in one query."""
        rows = Region.objects.filter(level__lte=RegionLevel.REGENCY, is_active=True).values_list(
            "code", "name", "kind", "level"
        )
        provinces, regencies = {}, []
        for code, name, kind, level in rows:
            if level == RegionLevel.PROVINCE:
                provinces[code] = name
            else:
                key = name_keys(_MASTER_PREFIX.sub("", fold(name)))[0]
                regencies.append(Regency(code, name, kind, codes.province_code(code), key))
        return cls(regencies, provinces)

    def name_of(self, code: str) -> str:
        regency = self.regencies.get(code)
        return regency.name if regency else ""

    # -- provinces ------------------------------------------------------------------------------------------------

    def provinces_of(self, cell: str) -> frozenset[str]:
        """The province codes a province cell names (two for "JAWA BARAT/DKI JAKARTA"); empty when none is known."""
        text = _PROVINCE_WORD.sub("", fold(clean(cell)))
        if not text:
            return frozenset()
        found: set[str] = set()
        for part in [text, *_SEPARATORS.split(text)]:
            keys = name_keys(part)
            if keys and keys[0] in self.province_codes:
                found |= self.province_codes[keys[0]]
                if part == text:
                    break
        if not found:
            match = process.extractOne(name_keys(text)[0] if name_keys(text) else "", list(self.province_codes))
            if match and match[1] >= FUZZY_FLOOR:
                found |= self.province_codes[match[0]]
        return frozenset(found)

    @staticmethod
    def _with_splits(provinces: frozenset[str]) -> frozenset[str]:
        return provinces | {child for code in provinces for child in aliases.PROVINCE_SPLITS.get(code, ())}

    # -- seats ----------------------------------------------------------------------------------------------------

    def resolve(self, seat_cell: str, province_cell: str) -> Seat:
        key = (seat_cell, province_cell)
        if key not in self._cache:
            self._cache[key] = self._resolve(seat_cell, province_cell)
        return self._cache[key]

    def _resolve(self, seat_cell: str, province_cell: str) -> Seat:
        # "KAB. SLEMAN (DIY)": what is in parentheses is a comment, not part of the name.
        text = _PARENTHESES.sub("", _KIND_COMMA.sub(r"\1. ", fold(clean(seat_cell)))).strip()
        if not text.strip(". "):
            return Seat(None, (reasons.SEAT_MISSING,))
        provinces = self.provinces_of(province_cell)
        several = _SEPARATORS.search(text) is not None
        # A cell with a separator is read whole only exactly ("PANGKAJENE DAN KEPULAUAN"), never by a close spelling.
        whole = self._resolve_one(text, provinces, fuzzy=not several)
        if whole.resolved or not several:
            return whole
        parts = [part for part in _SEPARATORS.split(text) if part.strip(". ")]
        # "KAB. BANDUNG, JAWA BARAT": a part that is only a province name is not a second seat.
        seats = [part for part in parts if name_keys(part)[0] not in self.province_codes] or parts
        if len(seats) < 2:
            return self._resolve_one(seats[0], provinces) if seats else whole
        found = [self._resolve_one(part, provinces) for part in seats]
        resolved = {seat.code for seat in found if seat.resolved}
        if len(resolved) == 1 and all(seat.resolved for seat in found):
            return found[0]
        suggestions = [code for seat in found for code in (seat.code,) + seat.suggestions if code]
        return Seat(None, (reasons.SEAT_TWO,), tuple(dict.fromkeys(suggestions)))

    def _resolve_one(self, text: str, provinces: frozenset[str], *, fuzzy: bool = True) -> Seat:
        kind, name = _kind_and_name(text)
        keys = name_keys(name)
        if not keys:
            return Seat(None, (reasons.SEAT_MISSING,))
        for key in keys:
            candidates = self.by_key.get(key, [])
            same_kind = [regency for regency in candidates if kind in (None, regency.kind)]
            if same_kind:
                return self._decide(same_kind, provinces)
            if candidates:
                # "KOTA SLEMAN": only taken when the province has exactly one regency of that name.
                other = self._decide(candidates, provinces, (reasons.SEAT_KIND,))
                if other.resolved and not {reasons.PROVINCE_MISMATCH, reasons.PROVINCE_UNKNOWN} & set(other.reasons):
                    return other
        if kind is not None:
            # "KOTA MOBAGU" was "KOTAMOBAGU": the whole cell, read as a name.
            for key in name_keys(text):
                if key in self.by_key:
                    return self._decide(self.by_key[key], provinces)
        known = self._alias(kind, keys[0], provinces)
        if known is not None:
            return known
        if not fuzzy:
            return Seat(None, (reasons.SEAT_UNKNOWN,))
        return self._fuzzy(kind, keys[0], provinces)

    def _alias(self, kind: str | None, key: str, provinces: frozenset[str]) -> Seat | None:
        for table, warning in ((aliases.FORMER_NAMES, (reasons.SEAT_OLD_NAME,)), (aliases.ABBREVIATIONS, ())):
            code = table.get((kind, key)) or table.get((None, key))
            if code is None and kind is None:
                code = next((c for (_kind, k), c in table.items() if k == key), None)
            if code in self.regencies:
                return self._decide([self.regencies[code]], provinces, warning)
        return None

    def _decide(self, candidates: list[Regency], provinces: frozenset[str], warnings: tuple[str, ...] = ()) -> Seat:
        suggestions = tuple(regency.code for regency in candidates)
        if provinces:
            inside = [regency for regency in candidates if regency.province in self._with_splits(provinces)]
            if len(inside) == 1:
                split = () if inside[0].province in provinces else (reasons.PROVINCE_SPLIT,)
                return Seat(inside[0].code, warnings + split)
            if len(inside) > 1:
                return Seat(None, (reasons.SEAT_AMBIGUOUS,), tuple(regency.code for regency in inside))
        if len(candidates) == 1:
            problem = reasons.PROVINCE_MISMATCH if provinces else reasons.PROVINCE_UNKNOWN
            return Seat(candidates[0].code, (*warnings, problem))
        return Seat(None, (reasons.SEAT_AMBIGUOUS,), suggestions)

    def _fuzzy(self, kind: str | None, key: str, provinces: frozenset[str]) -> Seat:
        if provinces:
            pool = [
                regency
                for code in sorted(self._with_splits(provinces))
                for regency in self.by_province.get(code, [])
                if kind in (None, regency.kind)
            ]
            best = _closest(key, pool)
            if best is not None:
                regency, score = best
                seat = self._decide([regency], provinces, (reasons.SEAT_FUZZY,))
                return Seat(seat.code, seat.reasons, (regency.code,), score)
        nationally = _closest(key, [r for r in self.regencies.values() if kind in (None, r.kind)])
        suggestion = (nationally[0].code,) if nationally else ()
        return Seat(None, (reasons.SEAT_UNKNOWN,), suggestion, nationally[1] if nationally else None)


def _kind_and_name(text: str) -> tuple[str | None, str]:
    match = _KIND.match(text)
    if match is None:
        return None, text
    kind = RegionKind.KABUPATEN if match.group("kab") else RegionKind.KOTA
    return str(kind), text[match.end() :]


def _closest(key: str, pool: list[Regency]) -> tuple[Regency, float] | None:
    """The regency whose folded name is clearly the closest to `key` above the floor, or None."""
    if not pool:
        return None
    found = process.extract(key, [regency.key for regency in pool], scorer=fuzz.ratio, limit=2)
    (best_key, best, index), rest = found[0], found[1:]
    runner_up = rest[0][1] if rest else 0
    close = best >= FUZZY_FLOOR or (len(key) >= 4 and Levenshtein.distance(key, best_key) <= 1)
    if not close or best - runner_up < MARGIN:
        return None
    return pool[index], round(best, 1)
