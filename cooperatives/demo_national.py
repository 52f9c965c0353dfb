"""The national picture for `make run`: a few thousand cooperatives over every province, proportional to its villages,
at the stage mix of the national seed, their stage moves dated along the real 2025 pace (../shared/docs/DOMAIN.md),
then the daily series backfilled from that history (`cooperatives.backfill`). Muara Enim stays the detailed demo
(`cooperatives.demo`, built through the services): the national set leaves its villages out.

Written in bulk (one INSERT per table and batch, no services: a service walk takes a second a cooperative), on SQLite
and PostgreSQL alike. Each cooperative gets what the counts and dashboards read: its stage and its dates, the deed,
SK AHU, NPWP and NIB fields of the stages it passed, a founder roster from the founding meeting on, a running business
unit when operational, the timeline, and a history row per move (what the backfill reads). Minutes, boards and
documents are left to the Muara Enim demo. Everything is drawn from a seeded random generator: two runs on the same
region master give the same data. Made by the inactive user `demo.nasional`; once it has made cooperatives, a second
run does nothing."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from cooperatives import backfill
from cooperatives.choices import CooperativeKind, Gender, Pattern, TimelineEvent, UnitKind, UnitStatus
from cooperatives.demo import REGENCY as DETAILED_REGENCY
from cooperatives.models import BusinessUnit, Cooperative, FoundingMember, StageTransition
from cooperatives.nik import compose_nik
from cooperatives.seed import STAGE_MIX, seeded_cooperatives
from cooperatives.seed_sql import FIRST_NAMES_L, FIRST_NAMES_P, LAST_NAMES, OCCUPATIONS
from registry import codes, text
from registry.bulk import ids_reset, insert_rows, next_id
from registry.models import Region, RegionLevel, User
from registry.stages import STAGE_ORDER, Stage

DEMO_USERNAME = "demo.nasional"
SIZE = 4000  # cooperatives over the country (the 80,000 of the programme would take minutes on SQLite)
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


def demo_user() -> User:
    user, created = User.objects.get_or_create(
        username=DEMO_USERNAME, defaults={"first_name": "Data demo", "last_name": "nasional", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


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
class _Plan:
    """One cooperative: its village, final stage, the moment it reached each stage, and its founders' numbers."""

    village: Village
    stage: Stage
    pattern: str
    reached: list[dt.datetime]  # reached[i]: when it reached STAGE_ORDER[i] (belum: registered)
    founders: int
    women: list[bool] = field(default_factory=list)


def _plan(village: Village, rng: random.Random, *, today: dt.date) -> _Plan:
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
    return _Plan(
        village=village,
        stage=STAGE_ORDER[final],
        pattern=pattern,
        reached=reached[: final + 1],
        founders=founders,
        women=[rng.random() < 0.42 for _ in range(founders)],
    )


@functools.cache
def _blank_cooperative() -> dict:
    """Every column of a cooperative at its default (a raw insert names them all)."""
    return {
        f.attname: None if f.attname == "stage_changed_at" else f.get_default()
        for f in Cooperative._meta.concrete_fields
        if f.attname not in {"id", "name_key", "updated_at"}
    }


def _fields_at(plan: _Plan, i: int, *, user: User) -> dict:
    """The cooperative's fields once it had reached STAGE_ORDER[i]: each stage adds its evidence."""
    village = plan.village
    kelurahan = village.kind == "kelurahan"
    name = f"Koperasi {'Kelurahan' if kelurahan else 'Desa'} Merah Putih {village.name}"
    serial = village.code.replace(".", "")
    reached = dict(zip(STAGE_ORDER, plan.reached, strict=False))
    fields = {
        **_blank_cooperative(),
        "village_id": village.code,
        "kind": CooperativeKind.KKMP if kelurahan else CooperativeKind.KDMP,
        "name": name,
        "pattern": plan.pattern,
        "address": f"Balai {'Kelurahan' if kelurahan else 'Desa'} {village.name}",
        "simpanan_pokok": 100_000,
        "simpanan_wajib": 10_000,
        "simpanan_wajib_period": "bulanan",
        "stage": STAGE_ORDER[i],
        "stage_changed_at": plan.reached[i],
        "version": i + 1,
        "created_at": plan.reached[0],
        "created_by_id": user.pk,
    }
    if plan.pattern == Pattern.PENGEMBANGAN:
        fields |= {"existing_nik_koperasi": serial[:6] + serial[-6:], "existing_grade": "B"}
    if plan.pattern == Pattern.REVITALISASI:
        fields |= {"revitalisation_method": "reaktivasi", "revitalised_cooperatives": f"KUD {village.name}"}
    if i >= STAGE_ORDER.index(Stage.AKTA):
        fields |= {"deed_number": str(1 + int(serial) % 97), "deed_date": reached[Stage.AKTA].astimezone(WIB).date()}
    if i >= STAGE_ORDER.index(Stage.BADAN_HUKUM):
        fields |= {
            "sk_ahu_number": f"AHU-{serial[-7:]}.AH.01.29.TAHUN 2025",
            "sk_ahu_date": reached[Stage.BADAN_HUKUM].astimezone(WIB).date(),
        }
    if i >= STAGE_ORDER.index(Stage.TERDAFTAR):
        fields |= {"npwp": f"0{serial[-15:]:0>15}", "nib": f"{serial[-13:]:0>13}"}
    return fields


def _founders(plan: _Plan, coop_id: int, rng: random.Random, serials: dict[str, int]) -> list[dict]:
    """The roster, typed two days before the founding meeting: NIKs of the village's kecamatan, unique in the set."""
    if not plan.women:
        return []
    typed = plan.reached[STAGE_ORDER.index(Stage.RAPAT_PENDIRIAN)] - dt.timedelta(days=2)
    members = []
    for woman in plan.women:
        kecamatan = plan.village.parent_id
        serials[kecamatan] = serials.get(kecamatan, 0) + 1
        gender = Gender.P if woman else Gender.L
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(14600))  # 1960–1999: adults in 2025
        first = rng.choice(FIRST_NAMES_P if woman else FIRST_NAMES_L)
        members.append(
            {
                "cooperative_id": coop_id,
                "nik": compose_nik(kecamatan_code=kecamatan, birth=birth, gender=gender, serial=serials[kecamatan]),
                "full_name": f"{first} {rng.choice(LAST_NAMES)}",
                "birth_place": plan.village.name,
                "birth_date": birth,
                "gender": gender,
                "address": f"Dusun {rng.randint(1, 5)}, {plan.village.name}",
                "rt": f"{rng.randint(1, 15):03d}",
                "rw": f"{rng.randint(1, 6):03d}",
                "phone": "",
                "occupation": rng.choice(OCCUPATIONS),
                "version": 1,
                "created_at": typed,
            }
        )
    return members


@transaction.atomic
def demo_national_ensure(*, size: int = SIZE, seed: int = 2025, today: dt.date | None = None) -> int:
    """The national demo set, unless it exists already (or a national seed fills the database): the cooperatives,
    their related rows and history, then the daily series up to yesterday (WIB). Returns the cooperatives made.
    `today` (tests) stands the clock on another day: nothing is dated on or after it."""
    user = demo_user()
    if Cooperative.objects.filter(created_by=user).exists() or seeded_cooperatives():
        return 0
    rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
    today = today or timezone.localdate(timezone=WIB)
    plans = [_plan(village, rng, today=today) for village in villages_spread(size)]
    if not plans:  # a region master holding only Muara Enim (the smoke test's): nothing beside the detailed demo
        return 0
    first_id = next_id(Cooperative)
    coops, history, moves, units = [], [], [], []
    for n, plan in enumerate(plans):
        pk = first_id + n
        final = _fields_at(plan, len(plan.reached) - 1, user=user)
        coops.append(
            {
                "id": pk,
                **final,
                "is_active": True,
                "name_key": text.name_key_of(final["name"]),
                "updated_at": final["stage_changed_at"],
            }
        )
        for i, moment in enumerate(plan.reached):
            history.append(
                {
                    "id": pk,
                    **_fields_at(plan, i, user=user),
                    "is_active": True,
                    "history_date": moment,
                    "history_type": "+" if i == 0 else "~",
                    "history_change_reason": None,
                    "history_user_id": None,
                }
            )
            if i:
                moves.append(
                    {
                        "cooperative_id": pk,
                        "event": TimelineEvent.STAGE,
                        "from_stage": STAGE_ORDER[i - 1],
                        "to_stage": STAGE_ORDER[i],
                        "is_correction": False,
                        "reason": "",
                        "at": moment,
                        "actor_id": user.pk,
                    }
                )
        if plan.stage == Stage.OPERASIONAL:
            units.append(
                {"cooperative_id": pk, "kind": UnitKind.SEMBAKO, "other_name": "", "status": UnitStatus.RUNNING}
            )
    insert_rows(Cooperative, coops)
    insert_rows(Cooperative.history.model, history)
    insert_rows(StageTransition, moves)
    insert_rows(BusinessUnit, units)
    serials: dict[str, int] = {}
    first_member = next_id(FoundingMember)
    members = [m for n, plan in enumerate(plans) for m in _founders(plan, first_id + n, rng, serials)]
    for n, member in enumerate(members):
        member["id"] = first_member + n
    insert_rows(FoundingMember, members)
    insert_rows(
        FoundingMember.history.model,
        [
            {
                **m,
                "history_date": m["created_at"],
                "history_type": "+",
                "history_change_reason": None,
                "history_user_id": None,
            }
            for m in members
        ],
    )
    ids_reset(Cooperative, FoundingMember)
    first = min(plan.reached[0] for plan in plans).astimezone(WIB).date()
    backfill.backfill(first, today - dt.timedelta(days=1))
    return len(coops)
