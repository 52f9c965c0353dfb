"""Who may see and do what: the one scoping module every page and API endpoint goes through.

A user's *area* is a region subtree: the whole country for national roles, a province for provincial staff, a
regency for district officers, and for a notary the province of their seat (a notary's wilayah jabatan under the
Notary Act, UU 2/2014 art. 18). Anything outside the area answers 404, never 403 with a hint that it exists.
What each role may *do* is declared once, in ROLE_RULES. Where a role lands and which links it sees are registered
by the apps in `registry.navigation`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from registry import codes
from registry.models import Region, RegionLevel, Role

ALL_ROLES = frozenset(Role)
NATIONAL = frozenset({Role.NATIONAL_ADMIN, Role.NATIONAL_VIEWER})

# Action → roles allowed. Apps add their own maps next to their code and check them through `can`/`require`.
ROLE_RULES: dict[str, frozenset[Role]] = {
    "region.view": ALL_ROLES,
    # The dashboards' tables as CSV/XLSX: the staff who follow progress (README: "read dashboards …, export").
    "dashboard.export": frozenset(
        {Role.NATIONAL_ADMIN, Role.NATIONAL_VIEWER, Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER}
    ),
    # Users, targets and programme settings are managed in the Django admin (the role flags open it).
    "admin.view": frozenset({Role.NATIONAL_ADMIN}),
}


def role_of(user) -> Role | None:
    """The role a user acts in; superusers act as national admins. None for anonymous users and users without one."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return Role.NATIONAL_ADMIN
    return Role(user.role) if user.role else None


def can(user, action: str, rules: dict[str, frozenset[Role]] | None = None) -> bool:
    role = role_of(user)
    allowed = (ROLE_RULES if rules is None else rules).get(action)
    if allowed is None:
        raise KeyError(f"Unknown action {action!r}: declare it in a ROLE_RULES map.")
    return role is not None and role in allowed


def require(user, action: str, rules: dict[str, frozenset[Role]] | None = None) -> None:
    """For pages a role may not open at all (the record itself is not at stake): 403 with a friendly page."""
    if not can(user, action, rules):
        raise PermissionDenied(_("Your role does not allow this."))


def area_code(user) -> str | None:
    """Code of the root of the user's area: "" for the whole country, "16" or "16.03" for a region, None for none."""
    role = role_of(user)
    if role is None:
        return None
    if role in NATIONAL:
        return ""
    if user.region_id is None:
        return None
    if role == Role.NOTARY:
        return codes.province_code(user.region_id)
    return user.region_id


def code_in_area_q(user, field: str) -> Q:
    """A filter on a field that holds a region code (`code`, `village_id`, `village__code`): rows inside the area.

    Other apps scope their records with it, e.g. `Cooperative.objects.filter(code_in_area_q(user, "village_id"))`.
    A range on the code (`registry.codes.subtree_q`), so a foreign key's `<name>_id` is filtered without a join.
    """
    root = area_code(user)
    if root is None:
        return Q(pk__in=[])
    return codes.subtree_q(field, root)


def in_area(user, code: str) -> bool:
    root = area_code(user)
    return root is not None and codes.is_in(code, root)


def regions_visible_to(user) -> QuerySet[Region]:
    return Region.objects.filter(code_in_area_q(user, "code"))


def region_get_for(*, user, code: str, level: RegionLevel | None = None) -> Region:
    """The region with this code if it lies in the user's area (and has the level asked for), else 404."""
    if not in_area(user, code):
        raise Http404(_("Region not found."))
    qs = Region.objects.select_related("parent")
    if level is not None:
        qs = qs.filter(level=level)
    try:
        return qs.get(code=code)
    except Region.DoesNotExist:
        raise Http404(_("Region not found.")) from None
