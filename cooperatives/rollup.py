"""The progress roll-up: counts per kecamatan, regency, province and the nation, computed from the base tables.

Rules (issue 11, DOMAIN.md): every active cooperative (`Cooperative.objects.counted()`) counts once, in the region of
its seat village, a second cooperative in a village included. A village is served when it is the seat or a covered
village of at least one active cooperative. Founders are the founding members of active cooperatives, women those
with gender "P". `reached[stage]` counts the active cooperatives at or beyond the stage ("belum" = all of them).
Target: this year's Target row (its value may be None, "no target"), else the number of villages; the nation's is the
programme's national target.

Only the kecamatan rows are computed from the cooperative tables (four GROUP BY queries on the code prefix); every
row above is the sum of the rows below it. Every count is additive: a village, a cooperative and a founder each lie in
exactly one kecamatan, so a regency's served villages are the sum of its kecamatan's. The rows are written through
`registry.services.progress_replace` (atomic replacement).

Concurrency: every writer takes one PostgreSQL advisory lock for its transaction before it reads, so writers run one
after another and each reads what the previous one committed (a refresh never overwrites a newer one with older
numbers). A full roll-up first tries a second lock and gives up when another full roll-up holds it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, Q

from cooperatives.choices import CooperativeKind, Gender, Pattern
from cooperatives.models import Cooperative, FoundingMember
from registry import codes
from registry.codes import RegionLevel
from registry.models import PROGRESS_METRICS, ProgrammeSettings, Progress, ProgressLevel, Region, Target
from registry.selectors import current_year, national_target
from registry.services import progress_replace
from registry.stages import STAGE_ORDER

# pg advisory lock keys (bigint): "KDMP" in ASCII, then 1 for the writers, 2 for the full roll-up.
WRITE_LOCK = 0x4B444D50_0001
FULL_LOCK = 0x4B444D50_0002

METRIC_FIELDS = PROGRESS_METRICS
_SUMMED = ("villages", "villages_served", "cooperatives", "founders", "founders_women")
_LEVEL = {
    RegionLevel.PROVINCE: ProgressLevel.PROVINCE,
    RegionLevel.REGENCY: ProgressLevel.REGENCY,
    RegionLevel.KECAMATAN: ProgressLevel.KECAMATAN,
}


def _empty(code: str, level: ProgressLevel) -> Progress:
    return Progress(
        code=code,
        level=level,
        villages=0,
        villages_served=0,
        target=None,
        target_is_default=True,
        cooperatives=0,
        reached={stage.value: 0 for stage in STAGE_ORDER},
        by_pattern={pattern.value: 0 for pattern in Pattern},
        by_kind={kind.value: 0 for kind in CooperativeKind},
        founders=0,
        founders_women=0,
    )


def _add(into: Progress, row: Progress) -> None:
    for field in _SUMMED:
        setattr(into, field, getattr(into, field) + getattr(row, field))
    for field in ("reached", "by_pattern", "by_kind"):
        total = getattr(into, field)
        for key, n in getattr(row, field).items():
            total[key] = total.get(key, 0) + n


def _targets(region_codes: Iterable[str] | None) -> dict[str, int | None]:
    """This year's Target values by region code (None: of every region)."""
    targets = Target.objects.filter(year=current_year())
    if region_codes is not None:
        targets = targets.filter(region_id__in=list(region_codes))
    return dict(targets.values_list("region_id", "value"))


def _set_target(row: Progress, targets: dict[str, int | None]) -> Progress:
    if row.code in targets:
        row.target, row.target_is_default = targets[row.code], False
    else:
        row.target, row.target_is_default = row.villages, True
    return row


def _kecamatan_rows(root: str) -> dict[str, Progress]:
    """The kecamatan rows of the subtree of `root` ("" = the whole country), targets not yet set."""
    level = RegionLevel.KECAMATAN
    rows = {
        code: _empty(code, ProgressLevel.KECAMATAN)
        for code in Region.objects.filter(codes.subtree_q("code", root), level=level).values_list("code", flat=True)
    }

    def row(code: str) -> Progress:
        if code not in rows:
            rows[code] = _empty(code, ProgressLevel.KECAMATAN)
        return rows[code]

    active = Cooperative.objects.counted()
    seats = active.filter(codes.subtree_q("village_id", root)).values("village_id")
    covered = Cooperative.covered_villages.through.objects.filter(
        codes.subtree_q("region_id", root), cooperative__is_active=True
    ).values("region_id")
    villages = (
        Region.objects.filter(codes.subtree_q("code", root), level=RegionLevel.VILLAGE)
        .annotate(group=codes.code_at_expression("code", level))
        .values("group")
        .annotate(n=Count("code"), served=Count("code", filter=Q(code__in=seats) | Q(code__in=covered)))
        .values_list("group", "n", "served")
    )
    for code, n, served in villages:
        target = row(code)
        target.villages, target.villages_served = n, served

    # One row per kecamatan, the stage, pattern and kind counts as conditional aggregates (the SQL does the counting).
    by = {f"s_{stage.value}": Count("id", filter=Q(stage=stage.value)) for stage in STAGE_ORDER}
    by |= {f"p_{pattern.value}": Count("id", filter=Q(pattern=pattern.value)) for pattern in Pattern}
    by |= {f"k_{kind.value}": Count("id", filter=Q(kind=kind.value)) for kind in CooperativeKind}
    counts = (
        active.filter(codes.subtree_q("village_id", root))
        .annotate(group=codes.code_at_expression("village_id", level))
        .values("group")
        .annotate(n=Count("id"), **by)
    )
    for found in counts:
        target = row(found["group"])
        target.cooperatives = found["n"]
        at_or_beyond = 0
        for stage in reversed(STAGE_ORDER):
            at_or_beyond += found[f"s_{stage.value}"]
            target.reached[stage.value] = at_or_beyond
        target.by_pattern = {pattern.value: found[f"p_{pattern.value}"] for pattern in Pattern}
        target.by_kind = {kind.value: found[f"k_{kind.value}"] for kind in CooperativeKind}

    founders = (
        FoundingMember.objects.filter(codes.subtree_q("cooperative__village_id", root), cooperative__is_active=True)
        .annotate(group=codes.code_at_expression("cooperative__village_id", level))
        .values("group")
        .annotate(n=Count("id"), women=Count("id", filter=Q(gender=Gender.P)))
        .values_list("group", "n", "women")
    )
    for code, n, women in founders:
        target = row(code)
        target.founders, target.founders_women = n, women
    return rows


def _sum_up(rows: Iterable[Progress], at: RegionLevel) -> dict[str, Progress]:
    """The rows of level `at` as the sums of `rows` (of a deeper level), targets not yet set."""
    totals: dict[str, Progress] = {}
    for row in rows:
        code = codes.code_at(row.code, at)
        if code not in totals:
            totals[code] = _empty(code, _LEVEL[at])
        _add(totals[code], row)
    return totals


def _nation(provinces: Iterable[Progress]) -> Progress:
    nation = _empty("", ProgressLevel.NATION)
    for row in provinces:
        _add(nation, row)
    target = national_target()
    if target is None:  # no settings row yet: the model's default (80,000)
        target = ProgrammeSettings._meta.get_field("national_target").default
    nation.target, nation.target_is_default = target, False
    return nation


def regency_rows(regency_code: str) -> list[Progress]:
    """The kecamatan rows of one regency and the regency row, from the base tables."""
    kecamatan = _kecamatan_rows(regency_code)
    regency = _sum_up(kecamatan.values(), RegionLevel.REGENCY)
    if regency_code not in regency and Region.objects.filter(code=regency_code).exists():
        regency[regency_code] = _empty(regency_code, ProgressLevel.REGENCY)
    rows = [*kecamatan.values(), *regency.values()]
    targets = _targets(row.code for row in rows)
    return [_set_target(row, targets) for row in rows]


def province_row(province_code: str, fresh: Iterable[Progress] = ()) -> Progress:
    """The province row as the sum of its regency rows: the `fresh` ones, the others as stored."""
    fresh = [row for row in fresh if row.level == ProgressLevel.REGENCY]
    stored = Progress.objects.filter(codes.subtree_q("code", province_code), level=ProgressLevel.REGENCY).exclude(
        code__in=[row.code for row in fresh]
    )
    province = _sum_up([*stored, *fresh], RegionLevel.PROVINCE).get(province_code) or _empty(
        province_code, ProgressLevel.PROVINCE
    )
    return _set_target(province, _targets([province_code]))


def nation_row(fresh: Iterable[Progress] = ()) -> Progress:
    """The nation row as the sum of the province rows: the `fresh` ones, the others as stored."""
    fresh = [row for row in fresh if row.level == ProgressLevel.PROVINCE]
    stored = Progress.objects.filter(level=ProgressLevel.PROVINCE).exclude(code__in=[row.code for row in fresh])
    return _nation([*stored, *fresh])


def all_rows() -> list[Progress]:
    """Every row, kecamatan to nation, from the base tables (the full recompute)."""
    kecamatan = _kecamatan_rows("")
    regencies = _sum_up(kecamatan.values(), RegionLevel.REGENCY)
    upper = dict(
        Region.objects.filter(level__in=[RegionLevel.PROVINCE, RegionLevel.REGENCY]).values_list("code", "level")
    )
    for code, level in upper.items():  # a regency of the master without villages still gets a (zero) row
        if level == RegionLevel.REGENCY and code not in regencies:
            regencies[code] = _empty(code, ProgressLevel.REGENCY)
    provinces = _sum_up(regencies.values(), RegionLevel.PROVINCE)
    for code, level in upper.items():
        if level == RegionLevel.PROVINCE and code not in provinces:
            provinces[code] = _empty(code, ProgressLevel.PROVINCE)
    targets = _targets(None)
    rows = [_set_target(row, targets) for row in (*kecamatan.values(), *regencies.values(), *provinces.values())]
    rows.append(_nation(provinces.values()))
    return rows


def _lock(key: int, *, wait: bool = True) -> bool:
    """Take a transaction-scoped advisory lock (PostgreSQL; elsewhere there is nothing to lock against)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            return True
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [key])
        return bool(cursor.fetchone()[0])


def refresh_regency(regency_code: str) -> None:
    """Recompute one regency (its kecamatan rows and its row), then its province and the nation, in one transaction.

    The province and the nation are sums of the stored rows below them, so they are right once a full roll-up has
    written every row. Before the first one (a new installation), the refresh is that full roll-up."""
    with transaction.atomic():
        _lock(WRITE_LOCK)
        if not Progress.objects.filter(code="").exists():
            progress_replace(all_rows(), subtree="")
            return
        rows = regency_rows(regency_code)
        province = province_row(codes.province_code(regency_code), fresh=rows)
        nation = nation_row(fresh=[province])
        progress_replace([*rows, province, nation], subtree=regency_code)


def rollup_full() -> bool:
    """Recompute every row from the base tables. False (nothing done) when another full roll-up is running."""
    with transaction.atomic():
        if not _lock(FULL_LOCK, wait=False):
            return False
        _lock(WRITE_LOCK)
        progress_replace(all_rows(), subtree="")
    return True
