"""Checks on a cooperative's data that do not write: board completeness, flags, what each stage still needs."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.utils.translation import gettext as _

from cooperatives.models import (
    BOARD_REQUIRED,
    Body,
    Cooperative,
    DocumentKind,
    Gender,
    MeetingKind,
    Officer,
    Pattern,
    UnitStatus,
)
from registry.stages import Stage


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
        founders = len(cooperative.members.all())
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
