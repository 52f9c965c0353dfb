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

import datetime as dt
import functools
import random

from django.db import transaction
from django.utils import timezone

from cooperatives import backfill
from cooperatives.choices import CooperativeKind, Gender, Pattern, TimelineEvent, UnitKind, UnitStatus
from cooperatives.demo_pace import WIB, Plan, plan_of, villages_spread
from cooperatives.models import BusinessUnit, Cooperative, FoundingMember, StageTransition
from cooperatives.nik import compose_nik
from cooperatives.seed import seeded_cooperatives
from cooperatives.seed_names import FIRST_NAMES_L, FIRST_NAMES_P, LAST_NAMES, OCCUPATIONS
from registry import text
from registry.bulk import ids_reset, insert_rows, next_id
from registry.models import User
from registry.stages import STAGE_ORDER, Stage

DEMO_USERNAME = "demo.nasional"
SIZE = 4000  # cooperatives over the country (the 80,000 of the programme would take minutes on SQLite)


def demo_user() -> User:
    user, created = User.objects.get_or_create(
        username=DEMO_USERNAME, defaults={"first_name": "Data demo", "last_name": "nasional", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@functools.cache
def _blank_cooperative() -> dict:
    """Every column of a cooperative at its default (a raw insert names them all)."""
    return {
        f.attname: None if f.attname == "stage_changed_at" else f.get_default()
        for f in Cooperative._meta.concrete_fields
        if f.attname not in {"id", "name_key", "updated_at"}
    }


def _fields_at(plan: Plan, i: int, *, user: User) -> dict:
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


def _founders(plan: Plan, coop_id: int, rng: random.Random, serials: dict[str, int]) -> list[dict]:
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
    plans = [plan_of(village, rng, today=today) for village in villages_spread(size)]
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
