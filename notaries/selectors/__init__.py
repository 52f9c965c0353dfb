"""Reads for the notaries' pages and API; callers use `from notaries import selectors`. Selectors never write."""

from notaries.selectors.deeds import (
    assigned_cooperatives,
    current_assignment,
    deed_downloads,
    deed_list,
    deed_versions,
    shown_status_of,
    with_shown_status,
)
from notaries.selectors.directory import directory
from notaries.selectors.notifications import (
    cached_unread_count,
    notification_text,
    notifications_for,
    tokens_of,
    unread_count,
)

__all__ = [
    "assigned_cooperatives",
    "cached_unread_count",
    "current_assignment",
    "deed_downloads",
    "deed_list",
    "deed_versions",
    "directory",
    "notification_text",
    "notifications_for",
    "shown_status_of",
    "tokens_of",
    "unread_count",
    "with_shown_status",
]
