from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cooperatives.access import ensure_may_change
from cooperatives.choices import BOARD_POSITIONS, SINGLE_POSITIONS, SUPERVISOR_POSITIONS, Body, Position
from cooperatives.models import Cooperative, FoundingMember, Officer
from cooperatives.services.common import ensure_active, validated_save
from cooperatives.services.members import ensure_roster_open
from registry.errors import ApplicationError


@transaction.atomic
def officer_assign(
    *,
    actor,
    cooperative: Cooperative,
    position: str,
    member: FoundingMember | None = None,
    name: str = "",
) -> Officer:
    """Seat a founder on the board or among the supervisors; the chair of the supervisors is the kepala desa."""
    cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    ensure_roster_open(cooperative)
    if position in BOARD_POSITIONS:
        body = Body.PENGURUS
    elif position in SUPERVISOR_POSITIONS:
        body = Body.PENGAWAS
    else:
        raise ApplicationError(_("Choose a position."), field="position")
    name = (name or "").strip()
    if position == Position.KETUA_PENGAWAS:
        if not name and member is None:
            raise ApplicationError(
                _("The supervisors are chaired by the kepala desa: write the kepala desa's name."), field="name"
            )
    elif member is None:
        raise ApplicationError(_("Board members and supervisors are chosen from the founders."), field="member")
    if member is not None and member.cooperative_id != cooperative.pk:
        raise ApplicationError(_("This person is not a founder of this cooperative."), field="member")
    if position in SINGLE_POSITIONS:
        holder = cooperative.officers.filter(position=position).first()
        if holder is not None:
            raise ApplicationError(
                _("%(position)s is already held by %(name)s. Remove that seat first.")
                % {"position": holder.get_position_display(), "name": holder.display_name},
                field="position",
            )
    if member is not None and cooperative.officers.filter(member=member).exists():
        raise ApplicationError(_("%(name)s already holds a seat.") % {"name": member.full_name}, field="member")
    officer = Officer(cooperative=cooperative, body=body, position=position, member=member, name=name)
    try:
        with transaction.atomic():
            validated_save(officer, actor=actor, exclude=["cooperative"])
    except IntegrityError as exc:
        raise ApplicationError(_("That seat was just filled by someone else. Reload the page.")) from exc
    return officer


@transaction.atomic
def officer_remove(*, actor, officer: Officer) -> None:
    cooperative = Cooperative.objects.select_for_update().get(pk=officer.cooperative_id)
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    ensure_roster_open(cooperative)
    officer._history_user = actor
    officer.delete()
