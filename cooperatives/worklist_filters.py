"""Named worklist filters that other apps register from their AppConfig.ready (cooperatives never imports them).

A filter narrows the villages of the worklist and orders them itself: the notaries app registers "deeds waiting"
(villages whose cooperative has a deed waiting for verification, the oldest waiting first). The worklist offers the
filters the user may use (`?queue=<key>`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet

if TYPE_CHECKING:
    from django.utils.functional import Promise


@dataclass(frozen=True)
class WorklistFilter:
    key: str
    label: str | Promise
    apply: Callable[[QuerySet], QuerySet]  # the worklist's villages → those in the queue, in the queue's order
    allowed: Callable[[object], bool]


_filters: dict[str, WorklistFilter] = {}


def register(
    key: str, *, label: str | Promise, apply: Callable[[QuerySet], QuerySet], allowed: Callable[[object], bool]
) -> None:
    """Register (or replace) a named filter."""
    _filters[key] = WorklistFilter(key, label, apply, allowed)


def available(user) -> list[WorklistFilter]:
    return [f for f in sorted(_filters.values(), key=lambda f: f.key) if f.allowed(user)]


def get(user, key: str) -> WorklistFilter | None:
    found = _filters.get(key)
    return found if found is not None and found.allowed(user) else None
