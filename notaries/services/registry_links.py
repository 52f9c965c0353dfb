"""The link between a registry entry and a user account (role `notary`; the account's region is the seat)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from notaries.models import Notary
from notaries.services.common import validated_save
from registry.errors import ApplicationError
from registry.models import Role, User


@transaction.atomic
def notary_user_link(*, actor, notary: Notary, user: User | None) -> Notary:
    """Link (or with None unlink) a notary's account. The account must have the notary role; its region is set to the
    notary's seat, so that its area is the province of the seat. An account is linked to one notary at most."""
    notary = Notary.objects.select_for_update().get(pk=notary.pk)
    if user is not None:
        if user.role != Role.NOTARY:
            raise ApplicationError(_("Only an account with the notary role can be linked to a notary."), field="user")
        other = Notary.objects.filter(user=user).exclude(pk=notary.pk).first()
        if other is not None:
            raise ApplicationError(
                _("This account is already linked to %(notary)s.") % {"notary": other.name}, field="user"
            )
        if user.region_id != notary.seat_id:
            user.region_id = notary.seat_id
            user.full_clean()
            user.save(update_fields=["region"])
    notary.user = user
    validated_save(notary, actor=actor)
    return notary
