"""Reads for the registry app: region browsing with counts, village lists, targets, progress rows and series. A fixed
number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from registry import codes, text
from registry.models import (
    ProgrammeSettings,
    Region,
    RegionLevel,
    Target,
)


@dataclass(frozen=True)
class TargetValue:
    value: int | None  # None: "no target" (shown as such, never as 0%)
    is_default: bool  # True: no row entered, the number of villages is used


@dataclass(frozen=True)
class RegionRow:
    region: Region
    kecamatan: int
    villages: int
    target: TargetValue


def current_year() -> int:
    return timezone.localdate().year


def descendant_counts(*, code: str, group_level: RegionLevel, count_level: RegionLevel) -> dict[str, int]:
    """Number of regions of `count_level` under each region of `group_level` inside the subtree of `code`.

    One GROUP BY on the code prefix; "" is the whole country.
    """
    rows = (
        Region.objects.filter(codes.subtree_q("code", code, include_root=False), level=count_level)
        .annotate(group=codes.code_at_expression("code", group_level))
        .values("group")
        .annotate(n=Count("code"))
        .values_list("group", "n")
    )
    return dict(rows)


def targets_for(*, codes: list[str], year: int, village_counts: dict[str, int]) -> dict[str, TargetValue]:
    explicit = dict(Target.objects.filter(region_id__in=codes, year=year).values_list("region_id", "value"))
    return {
        code: TargetValue(explicit[code], False) if code in explicit else TargetValue(village_counts.get(code, 0), True)
        for code in codes
    }


def national_target() -> int | None:
    row = ProgrammeSettings.objects.first()
    return row.national_target if row else None


def region_children_rows(*, parent: Region | None, year: int | None = None) -> list[RegionRow]:
    """The children of a region (or the provinces) with their kecamatan and village counts and this year's target."""
    year = year or current_year()
    code = parent.code if parent else ""
    child_level = RegionLevel(parent.level + 1) if parent else RegionLevel.PROVINCE
    children = list(Region.objects.filter(parent_id=parent.code if parent else None).order_by("code"))
    if child_level == RegionLevel.VILLAGE:
        villages = {c.code: 1 for c in children}
        kecamatan: dict[str, int] = {}
    else:
        villages = descendant_counts(code=code, group_level=child_level, count_level=RegionLevel.VILLAGE)
        kecamatan = (
            descendant_counts(code=code, group_level=child_level, count_level=RegionLevel.KECAMATAN)
            if child_level < RegionLevel.KECAMATAN
            else {}
        )
    targets = targets_for(codes=[c.code for c in children], year=year, village_counts=villages)
    return [
        RegionRow(
            region=c,
            kecamatan=kecamatan.get(c.code, 0),
            villages=villages.get(c.code, 0),
            target=targets[c.code],
        )
        for c in children
    ]


def region_target(*, region: Region, year: int | None = None) -> TargetValue:
    year = year or current_year()
    if region.level == RegionLevel.VILLAGE:
        villages = 1
    else:
        villages = Region.objects.filter(
            codes.subtree_q("code", region.code, include_root=False), level=RegionLevel.VILLAGE
        ).count()
    return targets_for(codes=[region.code], year=year, village_counts={region.code: villages})[region.code]


def level_totals(*, code: str = "") -> dict[int, int]:
    """Number of regions per level inside a subtree ("" = the country)."""
    return dict(
        Region.objects.filter(codes.subtree_q("code", code, include_root=False))
        .values_list("level")
        .annotate(n=Count("code"))
    )


def villages_in(*, region: Region, search: str = "", kecamatan_code: str = "") -> QuerySet[Region]:
    """Villages under a province, regency or kecamatan, each with its kecamatan; search by name or code (as
    `text.search_term` reads it); optionally within one kecamatan."""
    qs = Region.objects.filter(
        codes.subtree_q("code", region.code, include_root=False), level=RegionLevel.VILLAGE
    ).select_related("parent")
    if kecamatan_code:
        qs = qs.filter(parent_id=kecamatan_code)
    search = text.search_term(search)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(code__startswith=search))
    return qs.order_by("code")


def village_name_repeats(village: Region) -> bool:
    """Whether another village of the same regency has this village's name (in another kecamatan, or even the same)."""
    return (
        Region.objects.filter(
            codes.subtree_q("code", codes.regency_code(village.code), include_root=False),
            level=RegionLevel.VILLAGE,
            name__iexact=village.name,
        )
        .exclude(code=village.code)
        .exists()
    )


def kecamatan_in(*, region: Region) -> QuerySet[Region]:
    """The kecamatan (distrik in Papua) under a province or regency, by name."""
    return Region.objects.filter(
        codes.subtree_q("code", region.code, include_root=False), level=RegionLevel.KECAMATAN
    ).order_by("name")


def ancestors_of(region: Region) -> list[Region]:
    wanted = region.ancestor_codes
    by_code = {r.code: r for r in Region.objects.filter(code__in=wanted)}
    return [by_code[c] for c in wanted if c in by_code]


# Progress roll-up rows (written by registry.services.progress, computed by the cooperatives app).
