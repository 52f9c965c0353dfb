from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.access import ensure_may_change
from cooperatives.models import Cooperative
from notaries import access
from notaries.models import Assignment, Notary, NotificationKind
from notaries.services.common import validated_save
from notaries.services.notifications import notify
from registry import codes
from registry.errors import ApplicationError


@transaction.atomic
def notary_assign(*, actor, cooperative: Cooperative, notary: Notary) -> Assignment:
    """The district officer assigns a notary to a cooperative of their regency. The notary's wilayah jabatan (the
    province of the seat, UU 2/2014 art. 18) must hold the cooperative. A new assignment ends the previous one;
    assigning the same notary again changes nothing."""
    if not access.can(actor, "notary.assign"):
        raise ApplicationError(_("Only the district officer assigns a notary."))
    coop = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    ensure_may_change(actor, coop.village_id)
    if not coop.is_active:
        raise ApplicationError(_("This cooperative is inactive: it is kept for the record and no longer changes."))
    if not notary.is_active:
        raise ApplicationError(_("This notary is no longer active in the registry."), field="notary")
    if notary.province_id != codes.province_code(coop.village_id):
        raise ApplicationError(
            _(
                "A notary may act only in the province of their seat: %(notary)s is seated in %(seat)s, the "
                "cooperative lies in another province."
            )
            % {"notary": notary.name, "seat": notary.seat.name},
            field="notary",
        )
    current = Assignment.objects.select_for_update().filter(cooperative=coop, is_active=True).first()
    if current is not None and current.notary_id == notary.pk:
        return current
    if current is not None:
        current.is_active, current.ended_at = False, timezone.now()
        validated_save(current, actor=actor)
    assignment = Assignment(notary=notary, cooperative=coop, assigned_by=actor)
    validated_save(assignment, actor=actor)
    if notary.user_id:
        notify(users=[notary.user], kind=NotificationKind.ASSIGNED, cooperative=coop)
    return assignment
