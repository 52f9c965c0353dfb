"""Reads of deeds and of the cooperatives assigned to a notary. Each list a fixed number of queries."""

from __future__ import annotations

from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, Value, When

from cooperatives.models import Cooperative
from notaries.models import SUPERSEDED, Assignment, Deed, DeedDownload, DeedStatus
from registry.stages import STAGE_ORDER, Stage, stage_index

BELOW_AKTA = [s.value for s in STAGE_ORDER[: stage_index(Stage.AKTA)]]


def with_shown_status(deeds: QuerySet[Deed]) -> QuerySet[Deed]:
    """Each deed with `shown_status`: its status, or "digantikan" (superseded) where it was superseded by a newer
    version, or is verified while its cooperative was corrected back below `akta` (read from the cooperative's
    stage: cooperatives never calls up)."""
    return deeds.annotate(
        shown_status=Case(
            When(is_current=False, then=Value(SUPERSEDED)),
            When(status=DeedStatus.TERVERIFIKASI, cooperative__stage__in=BELOW_AKTA, then=Value(SUPERSEDED)),
            default=F("status"),
            output_field=CharField(),
        )
    )


def deed_list(deeds: QuerySet[Deed], *, status: str = "", current_only: bool = True) -> QuerySet[Deed]:
    """Deeds for a list page: the waiting ones oldest first (the queue), the others newest first."""
    qs = with_shown_status(deeds).select_related("cooperative__village__parent", "notary")
    if current_only:
        qs = qs.filter(is_current=True)
    if status == SUPERSEDED:
        qs = qs.filter(Q(is_current=False) | Q(status=DeedStatus.TERVERIFIKASI, cooperative__stage__in=BELOW_AKTA))
    elif status:
        qs = qs.filter(status=status)
        if status == DeedStatus.TERVERIFIKASI:
            qs = qs.exclude(cooperative__stage__in=BELOW_AKTA)
    if status == DeedStatus.DIAJUKAN:
        return qs.order_by("submitted_at", "id")
    return qs.order_by("-submitted_at", "-id")


def deed_versions(deed: Deed) -> list[Deed]:
    """Every version of the deed's chain (same cooperative and notary), newest first, with their shown status."""
    return list(
        with_shown_status(Deed.objects.filter(cooperative_id=deed.cooperative_id, notary_id=deed.notary_id))
        .select_related("submitted_by", "decided_by")
        .order_by("-version", "-id")
    )


def shown_status_of(deed: Deed) -> str:
    return with_shown_status(Deed.objects.filter(pk=deed.pk)).values_list("shown_status", flat=True).get()


def deed_downloads(deed: Deed) -> QuerySet[DeedDownload]:
    return DeedDownload.objects.filter(deed=deed).select_related("user").order_by("-at", "-id")


def assigned_cooperatives(cooperatives: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """The notary's cooperatives, each with its current deed (id, number, status) annotated: one query."""
    current = Deed.objects.filter(cooperative=OuterRef("pk"), is_current=True).order_by("-version", "-id")
    return (
        cooperatives.select_related("village__parent__parent")
        .annotate(
            current_deed_id=Subquery(current.values("id")[:1]),
            current_deed_number=Subquery(current.values("number")[:1]),
            current_deed_status=Subquery(current.values("status")[:1]),
        )
        .order_by("village_id", "id")
    )


def current_assignment(cooperative: Cooperative) -> Assignment | None:
    return Assignment.objects.filter(cooperative=cooperative, is_active=True).select_related("notary__seat").first()
