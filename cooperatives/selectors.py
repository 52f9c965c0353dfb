"""Reads for the cooperative pages: the worklist, one cooperative with everything its page shows, history, the
data-quality list. Each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    FoundingMember,
    Meeting,
    NikView,
    Officer,
    StageTransition,
)
from cooperatives.services.members import nik_check_for
from registry.models import Region, RegionLevel

NO_COOPERATIVE = "none"


def worklist(*, region: Region, search: str = "", district: str = "", stage: str = "", pattern: str = "") -> QuerySet:
    """Every village under `region` with its (first) active cooperative, filterable by kecamatan, stage, pattern."""
    active = Cooperative.objects.filter(village_id=OuterRef("code"), is_active=True).order_by("id")
    qs = (
        Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith=f"{region.code}.")
        .select_related("parent")
        .annotate(
            coop_id=Subquery(active.values("id")[:1]),
            coop_name=Subquery(active.values("name")[:1]),
            coop_stage=Subquery(active.values("stage")[:1]),
            coop_pattern=Subquery(active.values("pattern")[:1]),
            coop_count=Count("cooperatives", filter=Q(cooperatives__is_active=True)),
        )
    )
    if district:
        qs = qs.filter(parent_id=district)
    if stage == NO_COOPERATIVE:
        qs = qs.filter(coop_id__isnull=True)
    elif stage:
        qs = qs.filter(coop_stage=stage)
    if pattern:
        qs = qs.filter(coop_pattern=pattern)
    search = search.strip()
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(code__startswith=search) | Q(coop_name__icontains=search))
    return qs.order_by("code")


def cooperative_page(cooperative: Cooperative) -> Cooperative:
    """The cooperative with its founders, officers, meetings, units and documents prefetched (one query each)."""
    return (
        Cooperative.objects.select_related("village__parent__parent", "created_by")
        .prefetch_related(
            Prefetch("members", queryset=FoundingMember.objects.prefetch_related("seats")),
            Prefetch("officers", queryset=Officer.objects.select_related("member")),
            Prefetch("meetings", queryset=Meeting.objects.select_related("minutes")),
            Prefetch("business_units", queryset=BusinessUnit.objects.all()),
            Prefetch("documents", queryset=Document.objects.select_related("uploaded_by")),
            "covered_villages",
        )
        .get(pk=cooperative.pk)
    )


@dataclass(frozen=True)
class MemberRow:
    member: FoundingMember
    warnings: list[str]
    seats: list[str]


def member_rows(cooperative: Cooperative) -> list[MemberRow]:
    """Founders with the warnings their NIK raises (computed, not stored: the master can change)."""
    return [
        MemberRow(
            member=m,
            warnings=nik_check_for(cooperative, m.nik).warnings,
            seats=[str(s.get_position_display()) for s in m.seats.all()],
        )
        for m in cooperative.members.all()
    ]


@dataclass(frozen=True)
class HistoryEntry:
    at: object
    user: object
    kind: str  # "+", "~", "-"
    model: str
    label: str
    changes: list[str]


def _entries(records: list, model_label: str, label_of, skip: set[str]) -> list[HistoryEntry]:
    """History rows of one model, with the fields each change touched (compared in memory, not per row)."""
    entries = []
    by_object: dict[int, list] = {}
    for r in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        by_object.setdefault(r.id, []).append(r)
    # (attribute compared, name shown): the field's own label, in the user's language.
    fields = [(f.attname, str(f.verbose_name)) for f in records[0]._meta.fields] if records else []
    for rows in by_object.values():
        entries.append(
            HistoryEntry(
                rows[0].history_date, rows[0].history_user, rows[0].history_type, model_label, label_of(rows[0]), []
            )
        )
        for old, new in pairwise(rows):
            changed = [
                label
                for f, label in fields
                if not f.startswith("history_") and f not in skip and getattr(old, f) != getattr(new, f)
            ]
            entries.append(
                HistoryEntry(new.history_date, new.history_user, new.history_type, model_label, label_of(new), changed)
            )
    return entries


def history(cooperative: Cooperative, limit: int = 200) -> list[HistoryEntry]:
    skip = {"version", "updated_at", "created_at"}
    sources = [
        (Cooperative.history.filter(id=cooperative.pk), Cooperative._meta.verbose_name, lambda r: r.name),
        (
            FoundingMember.history.filter(cooperative_id=cooperative.pk),
            FoundingMember._meta.verbose_name,
            lambda r: r.full_name,
        ),
        (
            Officer.history.filter(cooperative_id=cooperative.pk),
            Officer._meta.verbose_name,
            lambda r: r.get_position_display(),
        ),
        (
            Meeting.history.filter(cooperative_id=cooperative.pk),
            Meeting._meta.verbose_name,
            lambda r: r.get_kind_display(),
        ),
        (
            BusinessUnit.history.filter(cooperative_id=cooperative.pk),
            BusinessUnit._meta.verbose_name,
            lambda r: r.other_name or r.get_kind_display(),
        ),
        (
            Document.history.filter(cooperative_id=cooperative.pk),
            Document._meta.verbose_name,
            lambda r: r.get_kind_display(),
        ),
    ]
    entries: list[HistoryEntry] = []
    for qs, label, label_of in sources:
        entries.extend(_entries(list(qs.select_related("history_user")), str(label), label_of, skip))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def transitions(cooperative: Cooperative) -> QuerySet[StageTransition]:
    return cooperative.transitions.select_related("actor").order_by("-at", "-id")


def duplicate_villages(cooperatives: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """Active cooperatives sharing their seat village with another active one: for a person to resolve."""
    shared = (
        cooperatives.filter(is_active=True)
        .values("village_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values("village_id")
    )
    return (
        cooperatives.filter(is_active=True, village_id__in=Subquery(shared))
        .select_related("village__parent")
        .order_by("village_id", "id")
    )


def nik_views() -> QuerySet[NikView]:
    return NikView.objects.select_related("user", "cooperative").order_by("-at", "-id")
