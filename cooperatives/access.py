"""Scoping for cooperatives: the area comes from registry.access (the one place that knows areas); this module only
applies it to cooperative records and declares what each role may do here."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cooperatives.models import Cooperative, FoundingMember, Import
from registry import access
from registry.access import NATIONAL
from registry.errors import ApplicationError
from registry.models import Region, RegionLevel, Role

READERS = frozenset({*NATIONAL, Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER})
WRITERS = frozenset({Role.DISTRICT_OFFICER})

RULES = {
    "cooperative.view": READERS,
    "cooperative.change": WRITERS,  # create, edit, founders, board, meetings, documents, stage forward
    "cooperative.correct_stage": WRITERS,  # a step back
    "member.view_full_nik": WRITERS,
    # The others see the birth year: with the full date beside the masked NIK, the NIK could be rebuilt.
    "member.view_birth_date": WRITERS,
    "nik_views.list": frozenset({Role.NATIONAL_ADMIN}),
    "data_quality.view": READERS,
    # Spreadsheet imports: upload, check, save and read their reports (the files hold full NIKs).
    "import.run": WRITERS,
}


def can(user, action: str) -> bool:
    return access.can(user, action, RULES)


def require(user, action: str) -> None:
    access.require(user, action, RULES)


def cooperatives_visible_to(user) -> QuerySet[Cooperative]:
    if not can(user, "cooperative.view"):
        return Cooperative.objects.none()
    return Cooperative.objects.filter(access.code_in_area_q(user, "village_id"))


def cooperative_get_for(*, user, pk, action: str = "cooperative.view") -> Cooperative:
    """The cooperative if the user's area holds it and the role may do `action`; otherwise 404 (never a hint)."""
    if not can(user, action):
        raise Http404(_("Cooperative not found."))
    try:
        return cooperatives_visible_to(user).select_related("village__parent__parent").get(pk=pk)
    except (Cooperative.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Cooperative not found.")) from None


def member_get_for(*, cooperative: Cooperative, pk) -> FoundingMember:
    """A founder of a cooperative the caller already fetched through `cooperative_get_for` (so already scoped)."""
    try:
        return cooperative.members.get(pk=pk)
    except (FoundingMember.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Founder not found.")) from None


def imports_visible_to(user) -> QuerySet[Import]:
    """The imports into the user's regency (with their reports), for the roles that import."""
    if not can(user, "import.run"):
        return Import.objects.none()
    return Import.objects.filter(access.code_in_area_q(user, "regency_id"))


def import_get_for(*, user, pk) -> Import:
    try:
        return imports_visible_to(user).select_related("cooperative", "regency", "created_by").get(pk=pk)
    except (Import.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Import not found.")) from None


def ensure_may_change(user, village_code: str, action: str = "cooperative.change") -> None:
    """The services' own check (views scope first; this keeps a stray caller from writing outside the area)."""
    if not (can(user, action) and access.in_area(user, village_code)):
        raise ApplicationError(_("You may not change cooperatives outside your regency."))


def village_get_for_change(*, user, code: str) -> Region:
    """A village where the user may register a cooperative."""
    if not can(user, "cooperative.change"):
        raise Http404(_("Region not found."))
    return access.region_get_for(user=user, code=code, level=RegionLevel.VILLAGE)
