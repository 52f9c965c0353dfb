"""Reads for the cooperative pages and the API, by subject; callers use `from cooperatives import selectors`.
Selectors read; they never import the services."""

from cooperatives.selectors.history import (
    HISTORY_SKIP,
    HistoryEntry,
    history,
    transitions,
)
from cooperatives.selectors.quality import (
    STALLED_DAYS,
    RowsByIds,
    duplicate_names,
    duplicate_villages,
    name_duplicates,
    name_warnings,
    served_over_villages,
    stalled,
)
from cooperatives.selectors.records import (
    NO_COOPERATIVE,
    MemberRow,
    Seats,
    active_in_village,
    cooperative_detail,
    cooperative_page,
    document_of,
    founder_context,
    member_rows,
    nik_views,
    seats,
    with_founders_count,
    worklist,
    worklist_rows,
)

__all__ = [
    "HISTORY_SKIP",
    "HistoryEntry",
    "MemberRow",
    "NO_COOPERATIVE",
    "RowsByIds",
    "STALLED_DAYS",
    "Seats",
    "active_in_village",
    "cooperative_detail",
    "cooperative_page",
    "document_of",
    "duplicate_names",
    "duplicate_villages",
    "founder_context",
    "history",
    "member_rows",
    "name_duplicates",
    "name_warnings",
    "nik_views",
    "seats",
    "served_over_villages",
    "stalled",
    "transitions",
    "with_founders_count",
    "worklist",
    "worklist_rows",
]
