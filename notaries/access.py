"""Scoping for the notaries app. Areas come from registry.access and cooperatives.access; this module applies them to
notaries' records and declares what each role may do here (checked through registry.access.can/require).

A notary reaches only their own deeds and the cooperatives assigned to them; a district officer reaches the deeds of
cooperatives in their regency. Everything else answers 404, never a hint that it exists.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cooperatives.models import Cooperative
from notaries.models import ApiToken, Assignment, Deed, Notary, Notification
from registry import access
from registry.access import ALL_ROLES, NATIONAL
from registry.errors import ApplicationError
from registry.models import Role

NOTARY = frozenset({Role.NOTARY})
OFFICER = frozenset({Role.DISTRICT_OFFICER})

RULES = {
    "notary.home": NOTARY,
    "deed.record": NOTARY,  # record a deed, submit a correction, open the founders' full NIKs to draft it
    "token.manage": NOTARY,
    "deed.view": frozenset({Role.NOTARY, Role.DISTRICT_OFFICER}),
    "deed.verify": OFFICER,  # verify or reject
    "directory.view": frozenset({*NATIONAL, Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER}),
    "notary.assign": OFFICER,
    "notification.list": ALL_ROLES,
    "notary.import": frozenset({Role.NATIONAL_ADMIN}),  # the NPAK list, from the admin (superusers act as admins)
}


def can(user, action: str) -> bool:
    return access.can(user, action, RULES)


def require(user, action: str) -> None:
    access.require(user, action, RULES)


def _not_found(message: str):
    return Http404(message)


def notary_of(user) -> Notary | None:
    """The registry entry linked to a notary's account, or None (no role, not linked, inactive notary)."""
    if not can(user, "notary.home"):
        return None
    return Notary.objects.filter(user=user, is_active=True).select_related("seat", "province").first()


def notary_for(user) -> Notary:
    """The acting notary for a page or endpoint that needs one: 404 for anyone else."""
    notary = notary_of(user)
    if notary is None:
        raise _not_found(_("Notary not found."))
    return notary


def directory_notary_get(*, pk) -> Notary:
    """An active notary of the directory (public registry data for those who may open it), else 404."""
    try:
        return Notary.objects.select_related("seat").get(pk=pk, is_active=True)
    except (Notary.DoesNotExist, ValueError, TypeError):
        raise _not_found(_("Notary not found.")) from None


# --- cooperatives assigned to a notary ------------------------------------------------------------------------------


def cooperatives_assigned_to(notary: Notary) -> QuerySet[Cooperative]:
    assigned = Assignment.objects.filter(notary=notary, is_active=True).values("cooperative_id")
    return Cooperative.objects.filter(pk__in=assigned, is_active=True)


def assigned_cooperative_get_for(*, user, pk) -> Cooperative:
    """A cooperative assigned to the user's notary (in the province of their seat), else 404."""
    notary = notary_for(user)
    try:
        return (
            cooperatives_assigned_to(notary)
            .filter(access.code_in_area_q(user, "village_id"))
            .select_related("village__parent__parent")
            .get(pk=pk)
        )
    except (Cooperative.DoesNotExist, ValueError, TypeError):
        raise _not_found(_("Cooperative not found.")) from None


def ensure_assigned(notary: Notary, cooperative: Cooperative) -> None:
    """The services' own check: a notary records deeds only for cooperatives assigned to them."""
    if not Assignment.objects.filter(notary=notary, cooperative_id=cooperative.pk, is_active=True).exists():
        raise ApplicationError(_("This cooperative is not assigned to you."))


# --- deeds ----------------------------------------------------------------------------------------------------------


def deeds_visible_to(user) -> QuerySet[Deed]:
    """A notary's own deeds; the deeds of cooperatives in a district officer's regency; nothing for anyone else."""
    role = access.role_of(user)
    if not can(user, "deed.view"):
        return Deed.objects.none()
    if role == Role.NOTARY:
        return Deed.objects.filter(notary__user=user)
    return Deed.objects.filter(access.code_in_area_q(user, "cooperative__village_id"))


def deed_get_for(*, user, pk, action: str = "deed.view") -> Deed:
    if not can(user, action):
        raise _not_found(_("Deed not found."))
    try:
        return (
            deeds_visible_to(user)
            .select_related("cooperative__village__parent__parent", "notary__seat", "supersedes")
            .get(pk=pk)
        )
    except (Deed.DoesNotExist, ValueError, TypeError):
        raise _not_found(_("Deed not found.")) from None


def ensure_may_verify(user, deed: Deed) -> None:
    if not (can(user, "deed.verify") and access.in_area(user, deed.cooperative.village_id)):
        raise ApplicationError(_("Only the district officer of the cooperative's regency verifies its deed."))


# --- notifications and tokens ---------------------------------------------------------------------------------------


def notifications_of(user) -> QuerySet[Notification]:
    if not can(user, "notification.list"):
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def token_get_for(*, user, pk) -> ApiToken:
    require(user, "token.manage")
    try:
        return ApiToken.objects.get(pk=pk, user=user)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise _not_found(_("Token not found.")) from None
