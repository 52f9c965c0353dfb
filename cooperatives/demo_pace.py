"""Where and when the national demo's cooperatives happen (`cooperatives.demo_national` writes them): villages spread
over every province in proportion to their villages, and each cooperative's stage moves dated along the real 2025
pace of ../shared/docs/DOMAIN.md, from one seeded random generator."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from cooperatives.choices import Pattern
from cooperatives.demo import REGENCY as DETAILED_REGENCY
from cooperatives.seed import STAGE_MIX
from registry import codes
from registry.models import Region, RegionLevel
from registry.stages import STAGE_ORDER, Stage

WIB = ZoneInfo("Asia/Jakarta")

# The share of the cooperatives that had held their Musdesus, and of those that reached the legal entity, by each
# date of 2025 (DOMAIN.md: Musdesus ≈ 40,000 on 23 May, 53,592 on 27 May, 78,600 on 4 June, > 80,000 on 17 June;
# legal entities 80,068 on 18 July, 80,605 on 18 August). Between two dates the share grows linearly.
MUSDESUS_PACE = [
    (dt.date(2025, 4, 14), 0.0),
    (dt.date(2025, 5, 23), 0.50),
    (dt.date(2025, 5, 27), 0.67),
    (dt.date(2025, 6, 4), 0.98),
    (dt.date(2025, 6, 17), 1.0),
]
LEGAL_ENTITY_PACE = [
    (dt.date(2025, 6, 9), 0.0),
    (dt.date(2025, 6, 30), 0.40),
    (dt.date(2025, 7, 18), 0.993),
    (dt.date(2025, 8, 18), 1.0),
]
PATTERNS = [(Pattern.PENDIRIAN_BARU, 0.85), (Pattern.PENGEMBANGAN, 0.10), (Pattern.REVITALISASI, 0.05)]
# Provinces of Papua lag behind (remote villages, the new provinces of 2022): their cooperatives stop earlier.
LAGGING = ("91", "92", "93", "94", "95", "96", "97")


def _on_pace(pace: list[tuple[dt.date, float]], share: float) -> dt.date:
    """The date by which `share` of the cooperatives had reached the step (the inverse of the piecewise-linear pace)."""
    shares = [s for _, s in pace]
    i = min(max(bisect.bisect_left(shares, share), 1), len(pace) - 1)
    (d0, s0), (d1, s1) = pace[i - 1], pace[i]
    return d0 + dt.timedelta(days=round((d1 - d0).days * (share - s0) / (s1 - s0)))


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    """A moment of office hours (WIB) on `day`."""
    return dt.datetime.combine(day, dt.time(8), tzinfo=WIB) + dt.timedelta(minutes=rng.randrange(8 * 60))


class Village(NamedTuple):
    code: str
    name: str
    kind: str
    parent_id: str  # the kecamatan


def villages_spread(size: int) -> list[Village]:
    """About `size` villages over every province, each province's share proportional to its villages (at least
    one), evenly spaced in code order; none of the detailed demo regency."""
    rows = [
        Village(*row)
        for row in Region.objects.filter(level=RegionLevel.VILLAGE, is_active=True)
        .exclude(codes.subtree_q("code", DETAILED_REGENCY))
        .order_by("code")
        .values_list("code", "name", "kind", "parent_id")
    ]
    by_province: dict[str, list[Village]] = {}
    for village in rows:
        by_province.setdefault(codes.province_code(village.code), []).append(village)
    chosen = []
    for _province, villages in sorted(by_province.items()):
        n = max(1, round(size * len(villages) / len(rows)))
        step = len(villages) / n
        chosen += [villages[int(k * step + step / 2)] for k in range(n)]
    return chosen


@dataclass
class Plan:
    """One cooperative: its village, final stage, the moment it reached each stage, and its founders' numbers."""

    village: Village
    stage: Stage
    pattern: str
    reached: list[dt.datetime]  # reached[i]: when it reached STAGE_ORDER[i] (belum: registered)
    founders: int
    women: list[bool] = field(default_factory=list)


def plan_of(village: Village, rng: random.Random, *, today: dt.date) -> Plan:
    province = codes.province_code(village.code)
    lag = rng.uniform(0.15, 0.6) if province in LAGGING else rng.uniform(0.0, 0.25)
    # The stage the cooperative has reached today, from the seed's national mix, pulled back in lagging provinces.
    bounds = [STAGE_MIX[stage] for stage in STAGE_ORDER[:-1]]
    draw = rng.randrange(10000) * (1 - lag * 0.5)
    final = bisect.bisect_right(bounds, draw)
    # Its place in the national queue: the same quantile on both curves, a late Musdesus means a late legal entity.
    share = min(1.0, rng.random() * (1 - lag) + lag * rng.random())
    musdesus = _on_pace(MUSDESUS_PACE, share)
    legal = max(_on_pace(LEGAL_ENTITY_PACE, share), musdesus + dt.timedelta(days=14))
    span = (legal - musdesus).days
    days = [
        musdesus - dt.timedelta(days=rng.randint(2, 12)),  # registered in the portal
        musdesus,
        musdesus + dt.timedelta(days=max(3, round(span * rng.uniform(0.2, 0.4)))),  # founding meeting
        musdesus + dt.timedelta(days=max(7, round(span * rng.uniform(0.55, 0.8)))),  # deed
        legal,
        legal + dt.timedelta(days=rng.randint(10, 60)),  # NPWP and NIB
    ]
    days.append(days[-1] + dt.timedelta(days=rng.randint(20, 120)))  # a business unit running
    reached = [_at(day, rng) for day in days]
    # Nothing dated today or later: on a clock inside 2025 the picture stops where that day stands.
    while final > 0 and reached[final].date() >= today:
        final -= 1
    pattern = rng.choices([p for p, _ in PATTERNS], weights=[w for _, w in PATTERNS])[0]
    founders = rng.randint(9, 15) if final >= STAGE_ORDER.index(Stage.RAPAT_PENDIRIAN) else 0
    return Plan(
        village=village,
        stage=STAGE_ORDER[final],
        pattern=pattern,
        reached=reached[: final + 1],
        founders=founders,
        women=[rng.random() < 0.42 for _ in range(founders)],
    )
