"""The daily series of past days, computed from the history every record keeps (simple-history: stage moves and
corrections, deactivations, new seats, covered villages, founders): `rollup_progress --backfill-from DATE`. It gives
the numbers the daily snapshots of those days hold (tests/cooperatives/test_backfill.py)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, Q, Subquery
from django.utils import timezone

from cooperatives.choices import Gender
from cooperatives.models import Cooperative, FoundingMember
from cooperatives.rollup import _empty, _nation, _set_target, _sum_up, _targets
from registry import codes
from registry.codes import RegionLevel
from registry.models import Progress, ProgressLevel, Region
from registry.services import progress_snapshots_write
from registry.stages import STAGE_ORDER

WIB = ZoneInfo("Asia/Jakarta")


def _latest_history(model, end: datetime.datetime):
    """The ids of each record's last history row written before `end` (history ids grow with time)."""
    return model.objects.filter(history_date__lt=end).values("id").annotate(last=Max("history_id")).values("last")


def _kecamatan_rows_as_of(end: datetime.datetime) -> dict[str, Progress]:
    """`_kecamatan_rows("")` as the registry stood just before `end`, read from the history every record keeps
    (simple-history: stage moves and corrections, deactivations, new seats, covered villages, founders)."""
    level = RegionLevel.KECAMATAN
    rows = {
        code: _empty(code, ProgressLevel.KECAMATAN)
        for code in Region.objects.filter(level=level).values_list("code", flat=True)
    }
    villages = (
        Region.objects.filter(level=RegionLevel.VILLAGE)
        .annotate(group=codes.code_at_expression("code", level))
        .values("group")
        .annotate(n=Count("code"))
        .values_list("group", "n")
    )
    for code, n in villages:
        rows.setdefault(code, _empty(code, ProgressLevel.KECAMATAN)).villages = n

    history = Cooperative.history.model
    latest = _latest_history(history, end)
    states = history.objects.filter(history_id__in=Subquery(latest), is_active=True).exclude(history_type="-")
    seat_of: dict[int, str] = {}
    for coop_id, village, stage, pattern, kind in states.values_list("id", "village_id", "stage", "pattern", "kind"):
        seat_of[coop_id] = village
        row = rows.setdefault(codes.kecamatan_code(village), _empty(codes.kecamatan_code(village), level))
        row.cooperatives += 1
        for reached in STAGE_ORDER[: STAGE_ORDER.index(stage) + 1]:
            row.reached[reached.value] += 1
        row.by_pattern[pattern] = row.by_pattern.get(pattern, 0) + 1
        row.by_kind[kind] = row.by_kind.get(kind, 0) + 1
    covered = history._meta.get_field("historicalcooperative_covered_villages").related_model
    served = set(seat_of.values()) | set(
        covered.objects.filter(history_id__in=Subquery(states.values("history_id"))).values_list("region_id", flat=True)
    )
    for village in served:
        rows[codes.kecamatan_code(village)].villages_served += 1

    members = FoundingMember.history.model
    founders = (
        members.objects.filter(history_id__in=Subquery(_latest_history(members, end)))
        .exclude(history_type="-")
        .values("cooperative_id")
        .annotate(n=Count("id"), women=Count("id", filter=Q(gender=Gender.P)))
        .values_list("cooperative_id", "n", "women")
    )
    for coop_id, n, women in founders:
        if coop_id in seat_of:
            row = rows[codes.kecamatan_code(seat_of[coop_id])]
            row.founders += n
            row.founders_women += women
    return rows


def rows_as_of(end: datetime.datetime) -> list[Progress]:
    """The nation, province and regency rows as they stood just before `end` (what a snapshot would have held)."""
    kecamatan = _kecamatan_rows_as_of(end)
    regencies = _sum_up(kecamatan.values(), RegionLevel.REGENCY)
    provinces = _sum_up(regencies.values(), RegionLevel.PROVINCE)
    targets = _targets(None)
    rows = [_set_target(row, targets) for row in (*regencies.values(), *provinces.values())]
    rows.append(_nation(provinces.values()))
    return rows


def backfill(first: datetime.date, last: datetime.date) -> int:
    """Write the daily snapshots of `first` to `last` (WIB days) from the history. Returns the days written."""
    days = 0
    day = first
    while day <= last:
        end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=WIB)
        progress_snapshots_write(rows_as_of(end), day=day, computed_at=timezone.now())
        days += 1
        day += datetime.timedelta(days=1)
    return days
