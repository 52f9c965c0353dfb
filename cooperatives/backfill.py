"""The daily series of past days, computed from the history every record keeps (simple-history: stage moves and
corrections, deactivations, new seats, covered villages, founders): `rollup_progress --backfill-from DATE`. It gives
the numbers the daily snapshots of those days hold (tests/cooperatives/test_backfill.py)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
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
ONE_DAY = datetime.timedelta(days=1)
# Stage → the stages a cooperative there has reached (itself and every earlier one), as plain strings.
_AT_OR_BEFORE = {stage.value: [s.value for s in STAGE_ORDER[: i + 1]] for i, stage in enumerate(STAGE_ORDER)}


@dataclass(frozen=True)
class _Master:
    """What every day of a backfill shares: the villages of each regency (every regency of the master, with or
    without villages) and this year's targets. Read once, not once a day."""

    villages: dict[str, int]
    targets: dict[str, int | None]


def _master() -> _Master:
    at_regency = codes.code_at_expression("code", RegionLevel.REGENCY)
    regencies = dict.fromkeys(
        Region.objects.filter(level=RegionLevel.KECAMATAN).annotate(group=at_regency).values_list("group", flat=True),
        0,
    )
    villages = (
        Region.objects.filter(level=RegionLevel.VILLAGE)
        .annotate(group=at_regency)
        .values("group")
        .annotate(n=Count("code"))
        .values_list("group", "n")
    )
    return _Master(villages=regencies | dict(villages), targets=_targets(None))


class _Replay:
    """The registry replayed from the history every record keeps (simple-history: stage moves and corrections,
    deactivations, new seats, covered villages, founders), one span of time after another. Each record stands as its
    last history row (the highest history id: ids grow with time) written before the end of the spans replayed so
    far; a deleted record ("-") or an inactive cooperative does not count. A day reads only that day's entries."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, int], int] = {}  # (table, record id) → history id standing
        # active: id → regency, village, stage, pattern, kind
        self.cooperatives: dict[int, tuple[str, str, str, str, str]] = {}
        self.covered: dict[int, list[str]] = {}
        self.founders: dict[int, tuple[int, bool]] = {}  # id → cooperative id, woman
        self.founders_of: dict[int, list[int]] = {}  # cooperative id → [founders, women]
        # regency or province → (its counts, its row): rebuilt only when the counts change
        self.built: dict[str, tuple[tuple, Progress]] = {}
        # Each access to a history manager builds a new one: taken once.
        self.history, self.member_history = Cooperative.history.model, FoundingMember.history.model

    def _newer(self, table: str, record: int, history_id: int) -> bool:
        if history_id <= self.last.get((table, record), 0):
            return False
        self.last[table, record] = history_id
        return True

    def apply(self, start: datetime.datetime | None, end: datetime.datetime) -> bool:
        """Replay the entries written in [start, end) (start None: from the beginning). Whether any was found."""
        span = Q(history_date__lt=end) if start is None else Q(history_date__gte=start, history_date__lt=end)
        history = self.history
        standing, found = [], False
        for history_id, pk, village, stage, pattern, kind, active, kind_of_change in (
            history.objects.filter(span)
            .order_by("history_id")
            .values_list("history_id", "id", "village_id", "stage", "pattern", "kind", "is_active", "history_type")
        ):
            found = True
            if not self._newer("cooperative", pk, history_id):
                continue
            self.covered.pop(pk, None)
            if active and kind_of_change != "-":
                self.cooperatives[pk] = (codes.regency_code(village), village, stage, pattern, kind)
                standing.append(history_id)
            else:
                self.cooperatives.pop(pk, None)
        covered = history._meta.get_field("historicalcooperative_covered_villages").related_model
        for pk, village in covered.objects.filter(history_id__in=standing).values_list("history__id", "region_id"):
            self.covered.setdefault(pk, []).append(village)
        members = self.member_history.objects.filter(span).order_by("history_id")
        for history_id, pk, cooperative, gender, kind_of_change in members.values_list(
            "history_id", "id", "cooperative_id", "gender", "history_type"
        ):
            found = True
            if not self._newer("founder", pk, history_id):
                continue
            if pk in self.founders:
                before, woman = self.founders.pop(pk)
                self.founders_of[before][0] -= 1
                self.founders_of[before][1] -= woman
            if kind_of_change != "-":
                woman = gender == Gender.P
                self.founders[pk] = (cooperative, woman)
                counts = self.founders_of.setdefault(cooperative, [0, 0])
                counts[0] += 1
                counts[1] += woman
        return found

    def regency_rows(self, master: _Master) -> dict[str, Progress]:
        """The regency rows of the state replayed (targets not yet set). Every count is additive, so summing straight
        to the regency gives what its kecamatan rows would sum to."""
        # Counted in plain tuples first (a few thousand cooperatives a day, for hundreds of days), then one row each.
        kinds = Counter((r, stage, pattern, kind) for r, _village, stage, pattern, kind in self.cooperatives.values())
        founders: Counter[str] = Counter()
        women: Counter[str] = Counter()
        for pk, (n, w) in self.founders_of.items():
            if pk in self.cooperatives:
                founders[self.cooperatives[pk][0]] += n
                women[self.cooperatives[pk][0]] += w
        served = {(regency, village) for regency, village, *_rest in self.cooperatives.values()}
        for pk, villages in self.covered.items():
            if pk in self.cooperatives:
                served.update((codes.regency_code(village), village) for village in villages)
        served_in = Counter(regency for regency, _village in served)

        by_regency: dict[str, list] = {}
        for (regency, *key), n in kinds.items():
            by_regency.setdefault(regency, []).append((*key, n))
        rows = {}
        for regency in {*master.villages, *founders, *served_in, *by_regency}:
            counts = sorted(by_regency.get(regency, ()))
            key = (master.villages.get(regency, 0), tuple(counts), founders[regency], women[regency])
            key += (served_in[regency],)
            built = self.built.get(regency)
            if built is None or built[0] != key:  # a regency nothing happened in keeps yesterday's row
                built = key, self._row(regency, key)
                self.built[regency] = built
            rows[regency] = built[1]
        return rows

    @staticmethod
    def _row(regency: str, key: tuple) -> Progress:
        villages, counts, founders, women, served = key
        row = _empty(regency, ProgressLevel.REGENCY)
        row.villages, row.villages_served, row.founders, row.founders_women = villages, served, founders, women
        for stage, pattern, kind, n in counts:
            row.cooperatives += n
            for value in _AT_OR_BEFORE[stage]:
                row.reached[value] += n
            row.by_pattern[pattern] = row.by_pattern.get(pattern, 0) + n
            row.by_kind[kind] = row.by_kind.get(kind, 0) + n
        return row

    def rows(self, master: _Master) -> list[Progress]:
        """The nation, province and regency rows of the state replayed (what a snapshot would have held)."""
        regencies = self.regency_rows(master)
        by_province: dict[str, list[str]] = {}
        for code in sorted(regencies):
            by_province.setdefault(codes.province_code(code), []).append(code)
        provinces = {}
        for province, members in by_province.items():
            key = tuple(self.built[code][0] for code in members)  # the counts of its regencies
            built = self.built.get(province)
            if built is None or built[0] != key:
                built = key, _sum_up([regencies[code] for code in members], RegionLevel.PROVINCE)[province]
                self.built[province] = built
            provinces[province] = built[1]
        rows = [_set_target(row, master.targets) for row in (*regencies.values(), *provinces.values())]
        rows.append(_nation(provinces.values()))
        return rows


def rows_as_of(end: datetime.datetime) -> list[Progress]:
    """The nation, province and regency rows as they stood just before `end` (what a snapshot would have held)."""
    replay = _Replay()
    replay.apply(None, end)
    return replay.rows(_master())


def backfill(first: datetime.date, last: datetime.date) -> int:
    """Write the daily snapshots of `first` to `last` (WIB days) from the history. Returns the days written.

    The history before `first` is replayed once, then each day only its own entries; the days without any hold the
    numbers of the day before, written with it in one go."""
    master, replay = _master(), _Replay()
    rows, since, start = None, first, None
    day = first
    while day <= last:
        end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=WIB)
        if replay.apply(start, end) or rows is None:
            if rows is not None:
                progress_snapshots_write(rows, day=since, through=day - ONE_DAY, computed_at=timezone.now())
            rows, since = replay.rows(master), day
        day, start = day + ONE_DAY, end
    if rows is not None:
        progress_snapshots_write(rows, day=since, through=last, computed_at=timezone.now())
    return max(0, (last - first).days + 1)
