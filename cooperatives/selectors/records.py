"""Reads of the formation records: the worklist, one cooperative with everything its page shows, founders with
their warnings, and the context the founder rules need. Each a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from cooperatives import rules
from cooperatives.choices import Body, MeetingKind, Position
from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    FoundingMember,
    Meeting,
    NikView,
    Officer,
)
from cooperatives.nik import normalize_nik
from registry import codes, text
from registry.models import Region, RegionLevel

NO_COOPERATIVE = "none"


def worklist(
    *,
    region: Region,
    search: str = "",
    kecamatan: str = "",
    stage: str = "",
    pattern: str = "",
    queue: Callable[[QuerySet], QuerySet] | None = None,
) -> QuerySet:
    """Every village under `region`, filterable by kecamatan, stage (of one of its active cooperatives, or none),
    pattern and a search on the village or cooperative name or code. Villages only: page them first, then
    `worklist_rows` fetches the cooperatives of one page in one query (no subquery per village of the area).
    `queue`, a registered worklist filter (`cooperatives.worklist_filters`), narrows and orders the villages."""
    qs = Region.objects.filter(
        codes.subtree_q("code", region.code, include_root=False), level=RegionLevel.VILLAGE
    ).select_related("parent")
    seated = Cooperative.objects.counted().filter(village_id=OuterRef("code"))
    if kecamatan:
        qs = qs.filter(parent_id=kecamatan)
    if stage == NO_COOPERATIVE:
        qs = qs.filter(~Exists(seated))
    elif stage:
        qs = qs.filter(Exists(seated.filter(stage=stage)))
    if pattern:
        qs = qs.filter(Exists(seated.filter(pattern=pattern)))
    search = text.search_term(search)
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(code__startswith=search) | Exists(seated.filter(name__icontains=search))
        )
    if queue is not None:
        return queue(qs)
    return qs.order_by("code")


def worklist_rows(villages, *, stage: str = "", pattern: str = "") -> list[Region]:
    """The villages of one worklist page, each with the cooperative it is listed with: the first active one seated
    there (`shown_for_village`), or under a stage or pattern filter the first one that matches it. One query."""
    villages = list(villages)
    by_village: dict[str, list[Cooperative]] = {}
    for coop in (
        Cooperative.objects.counted()
        .filter(village_id__in=[v.code for v in villages])
        .only("id", "name", "stage", "pattern", "village_id")
        .order_by("village_id", "id")
    ):
        by_village.setdefault(coop.village_id, []).append(coop)
    for village in villages:
        seated = by_village.get(village.code, [])
        matching = [c for c in seated if (not stage or c.stage == stage) and (not pattern or c.pattern == pattern)]
        shown = (matching or seated or [None])[0]
        village.coop_id = shown.pk if shown else None
        village.coop_name = shown.name if shown else None
        village.coop_stage = shown.stage if shown else None
        village.coop_pattern = shown.pattern if shown else None
        village.coop_count = len(seated)
    return villages


def cooperative_page(cooperative: Cooperative) -> Cooperative:
    """The cooperative (as fetched through the scoping, with its village, kecamatan and regency) with its founders,
    officers, meetings, units and documents prefetched, one query each: what every tab of its page and the API's
    detail read."""
    prefetch_related_objects(
        [cooperative],
        Prefetch("members", queryset=FoundingMember.objects.prefetch_related("seats")),
        Prefetch("officers", queryset=Officer.objects.select_related("member")),
        Prefetch("meetings", queryset=Meeting.objects.select_related("minutes")),
        Prefetch("business_units", queryset=BusinessUnit.objects.all()),
        Prefetch("documents", queryset=Document.objects.select_related("uploaded_by")),
        Prefetch("covered_villages", queryset=Region.objects.select_related("parent")),
    )
    return cooperative


def cooperative_detail(cooperative: Cooperative) -> Cooperative:
    """The cooperative as the API's detail shows it: its relations prefetched, the founders only counted."""
    prefetch_related_objects(
        [cooperative],
        Prefetch("members", queryset=FoundingMember.objects.only("id", "cooperative_id")),
        Prefetch("officers", queryset=Officer.objects.select_related("member")),
        "meetings",
        "business_units",
        "documents",
        "covered_villages",
    )
    cooperative.founders_count = len(cooperative.members.all())
    return cooperative


def with_founders_count(cooperatives: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """Each cooperative with its number of founders, counted per row returned: a page of fifty counts the founders
    of fifty cooperatives, never a join over every founder of the area before paging (a COUNT drops it)."""
    founders = (
        FoundingMember.objects.filter(cooperative=OuterRef("pk"))
        .order_by()
        .values("cooperative")
        .annotate(n=Count("id"))
        .values("n")
    )
    return cooperatives.annotate(founders_count=Coalesce(Subquery(founders), 0))


def active_in_village(village: Region) -> list[Cooperative]:
    """The active cooperatives seated in a village (the registration page warns about them)."""
    return list(Cooperative.objects.counted().filter(village=village).only("id", "name"))


def document_of(cooperative: Cooperative, pk) -> Document | None:
    return Document.objects.filter(pk=pk, cooperative=cooperative).first()


@dataclass(frozen=True)
class Seats:
    board: list[Officer]
    supervisors: list[Officer]

    @property
    def all(self) -> list[Officer]:
        return [*self.board, *self.supervisors]


def seats(cooperative: Cooperative) -> Seats:
    """The board, then the supervisors, each in the order of the positions (from the prefetched officers)."""
    order = {p: i for i, p in enumerate(Position)}
    officers = sorted(cooperative.officers.all(), key=lambda o: order[o.position])
    return Seats(
        board=[o for o in officers if o.body == Body.PENGURUS],
        supervisors=[o for o in officers if o.body == Body.PENGAWAS],
    )


@dataclass(frozen=True)
class MemberRow:
    member: FoundingMember
    errors: list[str]
    warnings: list[str]
    seats: list[str]


def member_rows(cooperative: Cooperative) -> list[MemberRow]:
    """Founders with what their NIK raises today, measured on the founding date (computed, not stored: the master
    and the founding date can change). An error here blocks the founding meeting stage."""
    rows = []
    for m in cooperative.members.all():
        check = rules.nik_check_for(cooperative, m.nik, birth_date=m.birth_date, gender=m.gender)
        rows.append(
            MemberRow(
                member=m,
                errors=check.errors,
                warnings=[] if check.errors else check.warnings,
                seats=[str(s.get_position_display()) for s in m.seats.all()],
            )
        )
    return rows


def founder_context(cooperative: Cooperative, *, niks: list[str]) -> rules.FounderContext:
    """What `rules.founder_problems` needs for these NIKs, in three queries whatever their number."""
    wanted = {normalize_nik(n) for n in niks}
    elsewhere = dict(
        FoundingMember.objects.filter(nik__in=wanted, cooperative__is_active=True)
        .exclude(cooperative=cooperative)
        .order_by("nik", "cooperative_id")
        .values_list("nik", "cooperative__village_id")
    )
    regency_codes = {codes.regency_code(v) for v in elsewhere.values()}
    names = dict(Region.objects.filter(code__in=regency_codes).values_list("code", "name"))
    meeting_date = (
        Meeting.objects.filter(cooperative=cooperative, kind=MeetingKind.FOUNDING)
        .values_list("date", flat=True)
        .first()
    )
    return rules.FounderContext(
        village_code=cooperative.village_id,
        founding_date=meeting_date or timezone.localdate(),
        niks_here=dict(cooperative.members.filter(nik__in=wanted).values_list("nik", "id")),
        niks_elsewhere={nik: names.get(codes.regency_code(v), codes.regency_code(v)) for nik, v in elsewhere.items()},
    )


def nik_views() -> QuerySet[NikView]:
    return NikView.objects.select_related("user", "cooperative").order_by("-at", "-id")
