"""Demo data for `make run` (`seed_demo_notaries`, after `seed_demo`): the NPAK list (the shared real one, else a
generated one), the demo notary linked to a notary seated in Kabupaten Muara Enim with Muara Enim's cooperatives
assigned, deeds in every status there, and a verified deed behind every demo cooperative at `akta` or beyond.

Muara Enim's waiting and rejected deeds go through the services, as the notary and the officer would make them. The
cooperatives that the demo walked to `akta` and beyond directly (`cooperatives.demo`) get their verified deed in bulk
(one placeholder PDF, a notary of their province, the cooperative's own deed number and date): a few statements
whatever their number, as `cooperatives/seed.py` does for the national seed. A second run creates nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from cooperatives.demo import demo_pdf
from cooperatives.models import Cooperative
from notaries import services
from notaries.models import Assignment, Deed, DeedStatus, Notary
from registry import codes, uploads
from registry.models import User
from registry.stages import STAGE_ORDER, Stage, stage_index

DEMO_NOTARY_USERNAME = "notaris.muaraenim"
DEMO_OFFICER_USERNAME = "petugas.muaraenim"
REGENCY = "16.03"
AT_AKTA_OR_BEYOND = [s.value for s in STAGE_ORDER[stage_index(Stage.AKTA) :]]
PLACEHOLDER_PATH = "notaries/demo/akta-contoh.pdf"
DEFAULT_DEED_DATE = dt.date(2025, 7, 1)


@dataclass
class DemoResult:
    notary: Notary | None = None
    assigned: int = 0
    submitted: int = 0
    rejected: int = 0
    verified: int = 0
    problems: list[str] = field(default_factory=list)


def demo_notaries_ensure() -> DemoResult:
    """Everything above, idempotent. Needs the region master, the demo accounts and `seed_demo`'s cooperatives."""
    result = DemoResult()
    notary_user = User.objects.filter(username=DEMO_NOTARY_USERNAME).first()
    officer = User.objects.filter(username=DEMO_OFFICER_USERNAME).first()
    if notary_user is None or officer is None:
        result.problems.append("Akun demo belum ada: jalankan `seed_demo` dahulu.")
        return result
    result.notary = demo_notary_link(notary_user)
    if result.notary is None:
        result.problems.append("Tidak ada notaris berkedudukan di Kabupaten Muara Enim dalam registri.")
        return result
    result.assigned = _assign_muara_enim(officer, result.notary)
    result.submitted, result.rejected = _waiting_and_rejected(officer, notary_user)
    result.verified = verified_deeds_backfill()
    return result


@transaction.atomic
def demo_notary_link(user: User) -> Notary | None:
    """The notary linked to the demo account, or the first unlinked notary seated in Muara Enim, linked now."""
    linked = Notary.objects.filter(user=user).first()
    if linked is not None:
        return linked
    notary = Notary.objects.filter(seat_id=REGENCY, is_active=True, user__isnull=True).order_by("search_name", "id")
    notary = notary.first()
    if notary is None:
        return None
    return services.notary_user_link(actor=None, notary=notary, user=user)


def _assign_muara_enim(officer: User, notary: Notary) -> int:
    """Muara Enim's active cooperatives from the founding meeting on, without a notary yet, to the demo notary."""
    assigned = Assignment.objects.filter(cooperative=OuterRef("pk"), is_active=True)
    todo = (
        Cooperative.objects.counted()
        .filter(codes.subtree_q("village_id", REGENCY), stage__in=[Stage.RAPAT_PENDIRIAN, *AT_AKTA_OR_BEYOND])
        .exclude(Exists(assigned))
        .order_by("id")
    )
    made = 0
    for coop in todo:
        services.notary_assign(actor=officer, cooperative=coop, notary=notary)
        made += 1
    return made


def _waiting_and_rejected(officer: User, notary_user: User) -> tuple[int, int]:
    """The demo notary's deeds of Muara Enim's cooperatives at the founding meeting stage: the first waits for the
    officer, the second was rejected with a reason (and waits for its correction)."""
    notary = Notary.objects.get(user=notary_user)
    without_deed = (
        Cooperative.objects.counted()
        .filter(codes.subtree_q("village_id", REGENCY), stage=Stage.RAPAT_PENDIRIAN)
        .filter(pk__in=Assignment.objects.filter(notary=notary, is_active=True).values("cooperative_id"))
        .exclude(Exists(Deed.objects.filter(cooperative=OuterRef("pk"))))
        .order_by("id")[:2]
    )
    submitted = rejected = 0
    for i, coop in enumerate(without_deed):
        deed, _created = services.deed_record(
            actor=notary_user,
            cooperative=coop,
            number=f"D-{coop.pk}",
            date=timezone.localdate() if i else DEFAULT_DEED_DATE,
            file=demo_pdf(f"Akta Pendirian {coop.name}"),
        )
        submitted += 1
        if i == 1:
            services.deed_reject(
                actor=officer, deed=deed, reason="Susunan pengurus dalam akta tidak sama dengan berita acara rapat."
            )
            rejected += 1
    return submitted - rejected, rejected


def _placeholder() -> tuple[str, str, int]:
    """One demo deed PDF shared by the bulk deeds: its stored name, SHA-256 and size."""
    size, sha256 = uploads.stored_once(PLACEHOLDER_PATH, demo_pdf("Akta Pendirian Koperasi").read())
    return PLACEHOLDER_PATH, sha256, size


@transaction.atomic
def verified_deeds_backfill() -> int:
    """A verified deed for every active cooperative at `akta` or beyond that has none: from its assigned notary, else
    from a notary of its province (round robin, assigned now). Set-based: a few queries whatever the
    number of cooperatives. Returns how many deeds were made."""
    verified = Deed.objects.filter(cooperative=OuterRef("pk"), is_current=True, status=DeedStatus.TERVERIFIKASI)
    cooperatives = list(
        Cooperative.objects.counted()
        .filter(stage__in=AT_AKTA_OR_BEYOND)
        .exclude(Exists(verified))
        .values("id", "village_id", "deed_number", "deed_date")
        .order_by("id")
    )
    if not cooperatives:
        return 0
    assigned = dict(
        Assignment.objects.filter(cooperative_id__in=[c["id"] for c in cooperatives], is_active=True).values_list(
            "cooperative_id", "notary_id"
        )
    )
    by_province: dict[str, list[int]] = defaultdict(list)
    for notary_id, province in Notary.objects.filter(is_active=True).order_by("id").values_list("id", "province_id"):
        by_province[province].append(notary_id)
    used = set(Deed.objects.filter(is_current=True).values_list("notary_id", "year", "number"))
    name, sha256, size = _placeholder()
    now = timezone.now()
    deeds, assignments, turn = [], [], defaultdict(int)
    for coop in cooperatives:
        province = codes.province_code(coop["village_id"])
        notary_id = assigned.get(coop["id"])
        if notary_id is None:
            pool = by_province.get(province)
            if not pool:
                continue  # no notary in the province's registry: nothing to invent
            notary_id = pool[turn[province] % len(pool)]
            turn[province] += 1
            assignments.append(Assignment(notary_id=notary_id, cooperative_id=coop["id"], assigned_at=now))
        date = coop["deed_date"] or DEFAULT_DEED_DATE
        number = coop["deed_number"] or str(coop["id"])
        if (notary_id, date.year, number) in used:
            number = f"{number}/{coop['id']}"
        used.add((notary_id, date.year, number))
        deeds.append(
            Deed(
                cooperative_id=coop["id"],
                notary_id=notary_id,
                number=number,
                date=date,
                year=date.year,
                status=DeedStatus.TERVERIFIKASI,
                file=name,
                original_name="akta-contoh.pdf",
                size=size,
                sha256=sha256,
                submitted_at=now,
                decided_at=now,
            )
        )
    bulk_create_with_history(assignments, Assignment, batch_size=2000)
    bulk_create_with_history(deeds, Deed, batch_size=2000)
    return len(deeds)
