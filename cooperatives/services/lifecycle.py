"""A cooperative leaves the count (deactivation) or moves its seat to another village of the regency (reseat).
Both are on the timeline with their reason, and both change what progress counts."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cooperatives.choices import TimelineEvent
from cooperatives.models import Cooperative
from cooperatives.services.common import check_version, validated_save
from cooperatives.services.cooperatives import kind_for, save_cooperative, validate_duplicate
from cooperatives.services.progress import progress_changed
from cooperatives.services.stages import locked, timeline_record
from registry import codes
from registry.errors import ApplicationError
from registry.models import Region, RegionLevel


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(message, field="reason")
    return reason


@transaction.atomic
def cooperative_deactivate(
    *, actor, cooperative: Cooperative, reason: str, expected_version: int | None
) -> Cooperative:
    """Take a cooperative out of the count (registered by mistake, merged, dissolved). It stays on record, read-only;
    its village and its founders are free for another cooperative."""
    coop = locked(cooperative, actor=actor)
    check_version(coop, expected_version)
    reason = _reason(reason, _("Write why the cooperative is deactivated."))
    timeline_record(coop, actor=actor, event=TimelineEvent.DEACTIVATED, to=coop.stage, reason=reason)
    coop.is_active = False
    coop.version += 1
    validated_save(coop, actor=actor)
    progress_changed(regency_code=coop.regency_code)
    return coop


@transaction.atomic
def cooperative_reseat(
    *,
    actor,
    cooperative: Cooperative,
    village: Region,
    reason: str,
    expected_version: int | None,
    duplicate_reason: str = "",
) -> Cooperative:
    """Move the seat to another village of the same regency (the seat was recorded wrongly, or agreed anew).

    The kind follows the new village (KDMP for a desa, KKMP for a kelurahan); the new seat is no longer a covered
    village. A village that already has an active cooperative needs `duplicate_reason`, as at registration."""
    coop = locked(cooperative, actor=actor)
    check_version(coop, expected_version)
    if village.level != RegionLevel.VILLAGE or codes.regency_code(village.code) != coop.regency_code:
        raise ApplicationError(
            _("The seat moves only to another village or kelurahan of the same regency."), field="village"
        )
    if village.code == coop.village_id:
        raise ApplicationError(
            _("The cooperative is already seated in %(village)s.") % {"village": village.display_name}, field="village"
        )
    reason = _reason(reason, _("Write why the seat village changes."))
    old = Region.objects.get(code=coop.village_id)
    coop.village, coop.kind = village, kind_for(village)
    if duplicate_reason.strip():
        coop.duplicate_reason = duplicate_reason.strip()
    validate_duplicate(coop)
    timeline_record(
        coop,
        actor=actor,
        event=TimelineEvent.RESEATED,
        to=coop.stage,
        reason=_("%(old)s → %(new)s: %(reason)s")
        % {"old": old.display_name, "new": village.display_name, "reason": reason},
    )
    coop.version += 1
    save_cooperative(coop, actor=actor)
    coop.covered_villages.remove(village)
    progress_changed(regency_code=coop.regency_code)
    return coop
