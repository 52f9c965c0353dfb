"""Reads for the import pages: past imports with their reports, the cooperatives a founders file can go to."""

from __future__ import annotations

from django.db.models import QuerySet

from cooperatives import access
from cooperatives.imports.models import Import
from cooperatives.models import Cooperative
from registry import codes
from registry.models import Region, RegionLevel
from registry.stages import Stage, stage_index


def imports_of(user) -> QuerySet[Import]:
    """The imports into the user's regency, newest first, with what the list shows (one query a page)."""
    return (
        access.imports_visible_to(user)
        .select_related("cooperative", "regency", "created_by")
        .order_by("-created_at", "-id")
    )


def open_rosters(user) -> QuerySet[Cooperative]:
    """The active cooperatives of the user's regency whose founders may still change (before the founding meeting)."""
    open_stages = [s for s in Stage.values if stage_index(s) < stage_index(Stage.RAPAT_PENDIRIAN)]
    if not access.can(user, "import.run"):
        return Cooperative.objects.none()
    return (
        access.cooperatives_visible_to(user)
        .counted()
        .filter(stage__in=open_stages)
        .select_related("village__parent")
        .order_by("village__parent__name", "village__name", "id")
    )


def villages_of(regency: Region) -> list[Region]:
    """The villages of a regency with their kecamatan, by kecamatan and name: the rows of the cooperatives template."""
    return list(
        Region.objects.filter(codes.subtree_q("code", regency.code, include_root=False), level=RegionLevel.VILLAGE)
        .select_related("parent")
        .order_by("parent__name", "name", "code")
    )
