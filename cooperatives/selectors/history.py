"""The history tab: who changed which fields of a cooperative's records, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import (
    QuerySet,
)

from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    FoundingMember,
    Meeting,
    Officer,
    StageTransition,
)


@dataclass(frozen=True)
class HistoryEntry:
    at: object
    user: object
    kind: str  # "+", "~", "-"
    model: str
    label: str
    changes: list[str]
    source: str = ""  # what made the change besides a form, e.g. "impor #12 sha256:… pendiri.xlsx"


# Not worth a line in the history; the many-to-many covered villages would cost a query per row to compare.
HISTORY_SKIP = {"id", "version", "updated_at", "created_at", "cooperative", "covered_villages"}


def _entries(records: list, model, label_of) -> list[HistoryEntry]:
    """History rows of one model, each with the fields its change touched (simple-history's diff, in memory)."""
    order = {f.name: i for i, f in enumerate(model._meta.concrete_fields)}
    labels = {f.name: str(f.verbose_name) for f in model._meta.concrete_fields}
    by_object: dict[int, list] = {}
    for r in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        by_object.setdefault(r.id, []).append(r)
    entries = []
    model_label = str(model._meta.verbose_name)
    for rows in by_object.values():
        first = rows[0]
        entries.append(
            HistoryEntry(
                first.history_date,
                first.history_user,
                first.history_type,
                model_label,
                label_of(first),
                [],
                first.history_change_reason or "",
            )
        )
        for old, new in pairwise(rows):
            changed = sorted(new.diff_against(old, excluded_fields=HISTORY_SKIP).changed_fields, key=order.get)
            entries.append(
                HistoryEntry(
                    new.history_date,
                    new.history_user,
                    new.history_type,
                    model_label,
                    label_of(new),
                    [labels[name] for name in changed],
                    new.history_change_reason or "",
                )
            )
    return entries


def history(cooperative: Cooperative, limit: int = 200) -> list[HistoryEntry]:
    sources = [
        (Cooperative, Cooperative.history.filter(id=cooperative.pk), lambda r: r.name),
        (FoundingMember, FoundingMember.history.filter(cooperative_id=cooperative.pk), lambda r: r.full_name),
        (Officer, Officer.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_position_display()),
        (Meeting, Meeting.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_kind_display()),
        (
            BusinessUnit,
            BusinessUnit.history.filter(cooperative_id=cooperative.pk),
            lambda r: r.other_name or r.get_kind_display(),
        ),
        (Document, Document.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_kind_display()),
    ]
    entries: list[HistoryEntry] = []
    for model, qs, label_of in sources:
        entries.extend(_entries(list(qs.select_related("history_user")), model, label_of))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def transitions(cooperative: Cooperative) -> QuerySet[StageTransition]:
    return cooperative.transitions.select_related("actor").order_by("-at", "-id")
