"""Reads for the registry app: region browsing with counts, village lists, targets, progress rows and series. A fixed
number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from registry import codes, text
from registry.models import (
    ProgrammeSettings,
    Progress,
    ProgressLevel,
    ProgressSnapshot,
    Region,
    RegionLevel,
    Target,
)
from registry.stages import STAGE_ORDER


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

NATION_NAME = "Indonesia"
LEVEL_NAMES = {level: level.name.lower() for level in ProgressLevel}  # "nation", "province", "regency", "kecamatan"


@dataclass(frozen=True)
class ProgressRow:
    """One region's progress as the API shows it. `as_of` None: no roll-up row yet (counts from the region master)."""

    code: str
    name: str
    level: str
    villages: int
    villages_served: int
    target: int | None
    cooperatives: int
    reached: dict[str, int]
    by_pattern: dict[str, int]
    by_kind: dict[str, int]
    founders: int
    founders_women: int
    as_of: datetime.datetime | None


@dataclass(frozen=True)
class ProgressView:
    row: ProgressRow
    children: list[ProgressRow]
    children_hidden: bool  # True: the children (kecamatan) lie outside the user's area and are left out


def _reached(values: dict | None) -> dict[str, int]:
    """Every stage of STAGE_ORDER as a key, so clients need not guess which ones a row happened to hold."""
    values = values or {}
    return {stage.value: int(values.get(stage.value, 0)) for stage in STAGE_ORDER}


def _progress_row(*, code: str, name: str, level: ProgressLevel, row, fallback_villages: int, target) -> ProgressRow:
    if row is None:
        return ProgressRow(
            code=code,
            name=name,
            level=LEVEL_NAMES[level],
            villages=fallback_villages,
            villages_served=0,
            target=target,
            cooperatives=0,
            reached=_reached(None),
            by_pattern={},
            by_kind={},
            founders=0,
            founders_women=0,
            as_of=None,
        )
    return ProgressRow(
        code=code,
        name=name,
        level=LEVEL_NAMES[level],
        villages=row.villages,
        villages_served=row.villages_served,
        target=row.target,
        cooperatives=row.cooperatives,
        reached=_reached(row.reached),
        by_pattern=dict(row.by_pattern or {}),
        by_kind=dict(row.by_kind or {}),
        founders=row.founders,
        founders_women=row.founders_women,
        as_of=row.computed_at,
    )


def progress_for(*, code: str, with_children: bool = True) -> ProgressView | None:
    """The progress row of the nation (""), a province, a regency or a kecamatan, with its children's rows (a
    kecamatan has none; `with_children=False` leaves them out). None when no region of level 1-3 has this code.

    Two queries (the region names, the progress rows), plus three when some row is missing because the roll-up has
    not run yet: those rows show zeros with the village count and target from the region master, `as_of` None.
    """
    if code == "":
        level = ProgressLevel.NATION
        regions = list(Region.objects.filter(level=RegionLevel.PROVINCE).only("code", "name", "level"))
        name = NATION_NAME
    else:
        wanted = Q(code=code) | Q(parent_id=code) if with_children else Q(code=code)
        regions = list(
            Region.objects.filter(wanted, level__lte=RegionLevel.KECAMATAN).only("code", "name", "level", "parent_id")
        )
        region = next((r for r in regions if r.code == code), None)
        if region is None:
            return None
        level = ProgressLevel(region.level)
        name = region.name
        regions = [r for r in regions if r.code != code]
    children = sorted(regions, key=lambda r: r.code) if with_children and level < ProgressLevel.KECAMATAN else []
    all_codes = [code, *(c.code for c in children)]
    rows = {p.code: p for p in Progress.objects.filter(code__in=all_codes)}

    villages: dict[str, int] = {}
    targets: dict[str, TargetValue] = {}
    nation_target: int | None = None
    missing = [c for c in all_codes if c not in rows]
    if missing:
        # Grouped at the children's level (or the kecamatan's own): the parent's count is the children's sum.
        group_level = RegionLevel(min(level + 1, RegionLevel.KECAMATAN))
        villages = descendant_counts(code=code, group_level=group_level, count_level=RegionLevel.VILLAGE)
        if level == ProgressLevel.KECAMATAN:
            villages[code] = villages.get(code, 0)
        else:
            villages[code] = sum(villages.get(c.code, 0) for c in children)
        targets = targets_for(codes=[c for c in missing if c], year=current_year(), village_counts=villages)
        if code == "" and code in missing:
            nation_target = national_target()

    def build(c: str, n: str, lvl: ProgressLevel) -> ProgressRow:
        target = nation_target if c == "" else (targets[c].value if c in targets else None)
        return _progress_row(
            code=c, name=n, level=lvl, row=rows.get(c), fallback_villages=villages.get(c, 0), target=target
        )

    child_level = ProgressLevel(level + 1) if level < ProgressLevel.KECAMATAN else None
    return ProgressView(
        row=build(code, name, level),
        children=[build(c.code, c.name, child_level) for c in children],
        children_hidden=not with_children and level < ProgressLevel.KECAMATAN,
    )


@dataclass(frozen=True)
class ProgressDay:
    day: datetime.date
    cooperatives: int
    reached: dict[str, int]
    villages_served: int
    target: int | None
    founders: int


def progress_series(*, code: str, start: datetime.date, end: datetime.date) -> list[ProgressDay]:
    """The daily snapshots of one region (nation "", province or regency) from `start` to `end` inclusive, oldest
    first. Days without a snapshot are absent (the beat did not run, or the series begins later). One query."""
    rows = ProgressSnapshot.objects.filter(code=code, day__gte=start, day__lte=end).order_by("day")
    return [
        ProgressDay(
            day=s.day,
            cooperatives=s.cooperatives,
            reached=_reached(s.reached),
            villages_served=s.villages_served,
            target=s.target,
            founders=s.founders,
        )
        for s in rows.only("day", "cooperatives", "reached", "villages_served", "target", "founders")
    ]


def progress_region_level(code: str) -> ProgressLevel | None:
    """The progress level of a region code ("" is the nation), None when no such region exists. One query (none
    for the nation)."""
    if code == "":
        return ProgressLevel.NATION
    level = Region.objects.filter(code=code, level__lte=RegionLevel.KECAMATAN).values_list("level", flat=True).first()
    return ProgressLevel(level) if level is not None else None
