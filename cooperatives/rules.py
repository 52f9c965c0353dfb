"""Rules on a cooperative's data that do not write: who may be a founder, when the roster is open, board
completeness and flags, what each stage still needs. Pure functions over loaded records: the services enforce them,
the pages and the API show them, the import runs them on every row."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cooperatives.choices import BOARD_REQUIRED, Body, DocumentKind, Gender, MeetingKind, Pattern, UnitStatus
from cooperatives.data import FounderData
from cooperatives.models import Cooperative, Officer
from cooperatives.nik import NikCheck, age_on, check_nik
from registry.stages import Stage, stage_index


def founding_date(cooperative: Cooperative) -> dt.date:
    """The date a founder's age is measured on: the founding meeting, or today while it is still to come.

    Reads the prefetched meetings when present."""
    meeting = next((m for m in cooperative.meetings.all() if m.kind == MeetingKind.FOUNDING), None)
    return meeting.date if meeting else timezone.localdate()


def nik_check_for(
    cooperative: Cooperative, nik: str, *, birth_date: dt.date | None = None, gender: str | None = None
) -> NikCheck:
    return check_nik(
        nik,
        village_code=cooperative.village_id,
        founding_date=founding_date(cooperative),
        birth_date=birth_date,
        gender=gender or None,
    )


def roster_is_open(cooperative: Cooperative) -> bool:
    """Founders and seats may change until the founding meeting stage; a correction back to Musdesus reopens them."""
    return stage_index(cooperative.stage) < stage_index(Stage.RAPAT_PENDIRIAN)


ROSTER_CLOSED = gettext_noop(
    "The founders were fixed at the founding meeting. To change them, first correct the stage back to Musdesus, "
    "with a reason."
)


@dataclass(frozen=True)
class FounderContext:
    """What the founder rules need to know of the rest of the registry, loaded once for one row or a whole file
    (`selectors.founder_context`)."""

    village_code: str
    founding_date: dt.date
    # NIK → id of the founder holding it in this cooperative.
    niks_here: dict[str, int] = field(default_factory=dict)
    # NIK → name of the regency of another active cooperative it already founded.
    niks_elsewhere: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


@dataclass
class FounderCheck:
    nik: str | None
    errors: list[Problem]
    warnings: list[str]
    birth_date: dt.date | None
    gender: str | None

    @property
    def ok(self) -> bool:
        return not self.errors


REQUIRED_FOUNDER_FIELDS = {
    "full_name": gettext_noop("Write the founder's full name."),
    "birth_place": gettext_noop("Write the place of birth."),
    "address": gettext_noop("Write the address."),
}


def founder_problems(row: FounderData, context: FounderContext, *, member_id: int | None = None) -> FounderCheck:
    """Every problem of one founder row, not only the first: errors block, warnings are shown beside the row.

    `member_id` is the founder being edited (their own NIK is no duplicate)."""
    errors = [Problem(name, _(message)) for name, message in REQUIRED_FOUNDER_FIELDS.items() if not getattr(row, name)]
    check = check_nik(
        row.nik,
        village_code=context.village_code,
        founding_date=context.founding_date,
        birth_date=row.birth_date,
        gender=row.gender or None,
    )
    errors.extend(Problem("nik", message) for message in check.errors)
    nik = check.nik
    if nik is not None and nik in context.niks_here and context.niks_here[nik] != member_id:
        errors.append(Problem("nik", _("This NIK is already a founder of this cooperative.")))
    if nik is not None and nik in context.niks_elsewhere:
        errors.append(
            Problem(
                "nik",
                _("This NIK is already a founder of an active cooperative in %(regency)s.")
                % {"regency": context.niks_elsewhere[nik]},
            )
        )
    return FounderCheck(nik, errors, check.warnings, check.birth_date, check.gender)


def board_problems(officers: list[Officer]) -> list[str]:
    """What keeps the board from being complete (these block the founding-meeting stage)."""
    board = [o for o in officers if o.body == Body.PENGURUS]
    problems = []
    held = Counter(o.position for o in board)
    missing = [p.label for p in BOARD_REQUIRED if held[p] == 0]
    if missing:
        problems.append(_("Board positions not filled: %(positions)s.") % {"positions": ", ".join(map(str, missing))})
    minimum = settings.KDMP_MIN_BOARD_SIZE
    if len(board) < minimum:
        problems.append(_("The board has %(n)s people; it needs at least %(min)s.") % {"n": len(board), "min": minimum})
    elif len(board) % 2 == 0:
        problems.append(_("The board has %(n)s people; it must be an odd number.") % {"n": len(board)})
    return problems


def _family_key(officer: Officer) -> tuple[str, str] | None:
    member = officer.member
    if member is None or len(member.full_name.split()) < 2:
        return None
    address = " ".join(member.address.lower().split())
    return member.full_name.split()[-1].lower(), f"{address}|{member.rt}|{member.rw}"


def board_flags(officers: list[Officer]) -> list[str]:
    """Worth a look, never blocking: no woman on the board; officers who may be one family."""
    flags = []
    board = [o for o in officers if o.body == Body.PENGURUS]
    if board and not any(o.member and o.member.gender == Gender.P for o in board):
        flags.append(_("No woman on the board."))
    by_family: dict[tuple[str, str], list[Officer]] = {}
    for o in officers:
        key = _family_key(o)
        if key:
            by_family.setdefault(key, []).append(o)
    for group in by_family.values():
        if len(group) > 1 and any(o.body == Body.PENGURUS for o in group):
            flags.append(
                _("%(names)s share a surname and an address: officers may not be close family.")
                % {"names": ", ".join(o.display_name for o in group)}
            )
    return flags


def stage_missing(cooperative: Cooperative, stage: str) -> list[str]:
    """What the cooperative still lacks to stand at `stage` (empty: it may move there).

    Reads prefetched relations when present (the cooperative page prefetches them once).
    """
    meetings = {m.kind: m for m in cooperative.meetings.all()}
    missing: list[str] = []
    if stage == Stage.MUSDESUS:
        musdesus = meetings.get(MeetingKind.MUSDESUS)
        if musdesus is None:
            missing.append(_("Record the Musdesus (date, place, attendance)."))
        elif musdesus.minutes_id is None:
            missing.append(_("Upload the Musdesus minutes (PDF)."))
        if cooperative.pattern == Pattern.REVITALISASI and not any(
            d.kind == DocumentKind.ASSESSMENT for d in cooperative.documents.all()
        ):
            missing.append(_("Upload the Dinas assessment document (revitalisation)."))
    elif stage == Stage.RAPAT_PENDIRIAN:
        founding = meetings.get(MeetingKind.FOUNDING)
        if founding is None:
            missing.append(_("Record the founding meeting (date, place, attendance)."))
        elif founding.minutes_id is None:
            missing.append(_("Upload the founding meeting minutes (PDF)."))
        members = list(cooperative.members.all())
        founders = len(members)
        for member in members:
            missing.extend(
                _("Founder %(name)s: %(problem)s") % {"name": member.full_name, "problem": problem}
                for problem in founder_errors(cooperative, member)
            )
        if founders < settings.KDMP_MIN_FOUNDERS:
            missing.append(
                _("Add founders: %(n)s recorded, at least %(min)s needed.")
                % {"n": founders, "min": settings.KDMP_MIN_FOUNDERS}
            )
        missing.extend(board_problems(list(cooperative.officers.all())))
    elif stage == Stage.AKTA:
        missing.append(_("The deed stage is reached only when the district officer verifies the notary's deed."))
    elif stage == Stage.BADAN_HUKUM:
        if not cooperative.sk_ahu_number:
            missing.append(_("Fill in the SK AHU number."))
        if not cooperative.sk_ahu_date:
            missing.append(_("Fill in the SK AHU date."))
        if not any(d.kind == DocumentKind.SK_AHU for d in cooperative.documents.all()):
            missing.append(_("Upload the SK AHU (PDF)."))
    elif stage == Stage.TERDAFTAR:
        if not cooperative.npwp:
            missing.append(_("Fill in the NPWP."))
        if not cooperative.nib:
            missing.append(_("Fill in the NIB."))
    elif stage == Stage.OPERASIONAL:
        if not any(u.status == UnitStatus.RUNNING for u in cooperative.business_units.all()):
            missing.append(_("Mark at least one business unit as running."))
    return missing


# --- founders against the founding date -------------------------------------------------------------------------


def founder_errors(cooperative: Cooperative, member, *, on: dt.date | None = None) -> list[str]:
    """The errors of a recorded founder, measured on the founding date (or `on`): the rules may have been met when
    the founder was typed and no longer be (the founding meeting recorded or re-dated later)."""
    day = on or founding_date(cooperative)
    check = check_nik(
        member.nik,
        village_code=cooperative.village_id,
        founding_date=day,
        birth_date=member.birth_date,
        gender=member.gender,
    )
    return check.errors


def underage_founders(cooperative: Cooperative, members, *, on: dt.date) -> list[str]:
    """A line for each founder younger than the minimum age on `on`, naming the founder and their age that day."""
    minimum = settings.KDMP_MIN_FOUNDER_AGE
    lines = []
    for member in members:
        age = age_on(member.birth_date, on)
        if age < minimum:
            lines.append(
                _("%(name)s is %(age)s years old on %(date)s; a founder must be at least %(min)s.")
                % {"name": member.full_name, "age": age, "date": date_format(on), "min": minimum}
            )
    return lines
