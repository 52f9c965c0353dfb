from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.access import ensure_may_change
from cooperatives.models import Cooperative, FoundingMember, MeetingKind, NikView
from cooperatives.nik import NikCheck, check_nik
from cooperatives.services.common import check_version, validated_save
from registry.errors import ApplicationError
from registry.models import Region
from registry.stages import Stage, stage_index

MEMBER_FIELDS = (
    "nik",
    "full_name",
    "birth_place",
    "birth_date",
    "gender",
    "address",
    "rt",
    "rw",
    "phone",
    "occupation",
)


class NikRefused(ApplicationError):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(" ".join(messages), field="nik")
        self._messages = messages

    @property
    def messages(self) -> list[str]:
        return self._messages


def founding_date(cooperative: Cooperative) -> dt.date:
    """The date a founder's age is measured on: the founding meeting, or today while it is still to come."""
    meeting = next((m for m in cooperative.meetings.all() if m.kind == MeetingKind.FOUNDING), None)
    return meeting.date if meeting else timezone.localdate()


def nik_check_for(cooperative: Cooperative, nik: str, **typed) -> NikCheck:
    return check_nik(nik, village_code=cooperative.village_id, founding_date=founding_date(cooperative), **typed)


def _ensure_roster_open(cooperative: Cooperative) -> None:
    if stage_index(cooperative.stage) >= stage_index(Stage.RAPAT_PENDIRIAN):
        raise ApplicationError(
            _(
                "The founders were fixed at the founding meeting. To change them, first correct the stage back to "
                "Musdesus, with a reason."
            )
        )


def _validate(cooperative: Cooperative, member: FoundingMember, data: dict[str, Any]) -> NikCheck:
    check = nik_check_for(
        cooperative, data.get("nik", ""), birth_date=data.get("birth_date"), gender=data.get("gender") or None
    )
    if not check.ok:
        raise NikRefused(check.errors)
    nik = check.nik
    if cooperative.members.filter(nik=nik).exclude(pk=member.pk).exists():
        raise NikRefused([_("This NIK is already a founder of this cooperative.")])
    elsewhere = (
        FoundingMember.objects.filter(nik=nik, cooperative__is_active=True)
        .exclude(cooperative=cooperative)
        .values_list("cooperative__village_id", flat=True)
        .first()
    )
    if elsewhere is not None:
        regency = Region.objects.filter(code=elsewhere[:5]).values_list("name", flat=True).first() or elsewhere[:5]
        raise NikRefused(
            [_("This NIK is already a founder of an active cooperative in %(regency)s.") % {"regency": regency}]
        )
    for name in MEMBER_FIELDS:
        if name in data:
            setattr(member, name, data[name].strip() if isinstance(data[name], str) else data[name])
    member.nik = nik
    member.birth_date = data.get("birth_date") or check.birth_date
    member.gender = data.get("gender") or check.gender
    return check


def _save(member: FoundingMember, *, actor) -> None:
    try:
        with transaction.atomic():
            validated_save(member, actor=actor, exclude=["cooperative"])
    except IntegrityError as exc:
        raise NikRefused([_("This NIK is already a founder of this cooperative.")]) from exc


@transaction.atomic
def founding_member_add(*, actor, cooperative: Cooperative, **data: Any) -> tuple[FoundingMember, list[str]]:
    """Add a founder after the NIK checks. Returns the member and the warnings to show beside the row."""
    unknown = set(data) - set(MEMBER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown member fields: {sorted(unknown)}")
    cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    ensure_may_change(actor, cooperative.village_id)
    _ensure_roster_open(cooperative)
    member = FoundingMember(cooperative=cooperative)
    check = _validate(cooperative, member, data)
    _save(member, actor=actor)
    return member, check.warnings


@transaction.atomic
def founding_member_update(
    *, actor, member: FoundingMember, expected_version: int | None, **data: Any
) -> tuple[FoundingMember, list[str]]:
    unknown = set(data) - set(MEMBER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown member fields: {sorted(unknown)}")
    member = FoundingMember.objects.select_for_update().select_related("cooperative").get(pk=member.pk)
    ensure_may_change(actor, member.cooperative.village_id)
    _ensure_roster_open(member.cooperative)
    check_version(member, expected_version)
    current = {name: getattr(member, name) for name in MEMBER_FIELDS}
    check = _validate(member.cooperative, member, {**current, **data})
    member.version += 1
    _save(member, actor=actor)
    return member, check.warnings


@transaction.atomic
def founding_member_remove(*, actor, member: FoundingMember) -> None:
    # Read the cooperative again, locked: the caller's copy may predate a stage change.
    cooperative = Cooperative.objects.select_for_update().get(pk=member.cooperative_id)
    ensure_may_change(actor, cooperative.village_id)
    _ensure_roster_open(cooperative)
    if member.seats.exists():
        raise ApplicationError(_("This founder holds a seat on the board or supervisors: remove the seat first."))
    member._history_user = actor
    member.delete()


def nik_view_record(*, actor, member: FoundingMember) -> NikView:
    """Log that `actor` was shown `member`'s full NIK (UU 27/2022: who saw personal data, when)."""
    return NikView.objects.create(
        user=actor,
        member=member,
        cooperative_id=member.cooperative_id,
        member_label=f"{member.full_name} ({member.masked_nik})",
    )
