"""Reads of the progress roll-up rows and the daily series: one path for the progress API and the dashboards."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from registry.models import (
    Progress,
    ProgressLevel,
    ProgressSnapshot,
    Region,
    RegionLevel,
)
from registry.selectors.regions import TargetValue, current_year, descendant_counts, national_target, targets_for
from registry.stages import STAGE_ORDER

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
    target_is_default: bool = False  # the target is the village count (no Target row); the pages mark it


@dataclass(frozen=True)
class ProgressView:
    row: ProgressRow
    children: list[ProgressRow]
    children_hidden: bool  # True: the children (kecamatan) lie outside the user's area and are left out


def _reached(values: dict | None) -> dict[str, int]:
    """Every stage of STAGE_ORDER as a key, so clients need not guess which ones a row happened to hold."""
    values = values or {}
    return {stage.value: int(values.get(stage.value, 0)) for stage in STAGE_ORDER}


def _progress_row(
    *, code: str, name: str, level: ProgressLevel, row, fallback_villages: int, target, target_is_default=False
) -> ProgressRow:
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
            target_is_default=target_is_default,
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
        target_is_default=row.target_is_default,
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
            code=c,
            name=n,
            level=lvl,
            row=rows.get(c),
            fallback_villages=villages.get(c, 0),
            target=target,
            target_is_default=c in targets and targets[c].is_default,
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


def progress_rows_at_level(level: ProgressLevel) -> list[ProgressRow]:
    """Every stored roll-up row of one level (e.g. the 514 regencies, for the national ranking) with its region's
    name, by code. Rows the roll-up has not written yet are absent. Two queries."""
    region_level = {ProgressLevel.PROVINCE: RegionLevel.PROVINCE, ProgressLevel.REGENCY: RegionLevel.REGENCY}.get(
        level, RegionLevel.KECAMATAN
    )
    names = dict(Region.objects.filter(level=region_level).values_list("code", "name"))
    return [
        _progress_row(code=p.code, name=names.get(p.code, p.code), level=level, row=p, fallback_villages=0, target=None)
        for p in Progress.objects.filter(level=level).order_by("code")
    ]
