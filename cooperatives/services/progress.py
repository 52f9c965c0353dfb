"""The one place where a change that progress counts is announced.

Every service that changes what the roll-up counts (registration, a stage move, a founder added or removed, a
profile or seat change, a deactivation) calls `progress_changed` with the regency of the cooperative. The refresh is
enqueued once per transaction and regency, after commit: nothing is enqueued for a change that is rolled back, and
the worker never reads a state the database does not hold yet. Across transactions, a burst of saves in one regency
enqueues one refresh (a mark in the cache while one is pending, a countdown of a second).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

# How long a pending mark outlives a refresh that never started (a lost message): the next save after it enqueues.
PENDING_TIMEOUT = 60


class _Refresh:
    """The on-commit callback for one regency; marked, so a second call in the same transaction finds it."""

    def __init__(self, regency_code: str) -> None:
        self.regency_code = regency_code

    def __call__(self) -> None:
        from cooperatives.tasks import pending_key, refresh_progress

        # Bursts coalesce: while a refresh of this regency is enqueued and has not started, saves add nothing (the
        # task drops the mark when it starts, so a save during the recompute enqueues the next one).
        if cache.add(pending_key(self.regency_code), 1, timeout=PENDING_TIMEOUT):
            refresh_progress.apply_async((self.regency_code,), countdown=1)

    def __repr__(self) -> str:
        return f"<progress refresh {self.regency_code}>"


def _pending(using: str | None) -> list[_Refresh]:
    connection = transaction.get_connection(using)
    # Django drops the callbacks of a rolled-back savepoint from this list, so a refresh announced inside one is
    # announced again by the next change that commits.
    return [func for _sids, func, _robust in connection.run_on_commit if isinstance(func, _Refresh)]


def progress_changed(*, regency_code: str, using: str | None = None) -> None:
    """Enqueue `refresh_progress(regency_code)` when the current transaction commits, once per regency."""
    if any(refresh.regency_code == regency_code for refresh in _pending(using)):
        return
    transaction.on_commit(_Refresh(regency_code), using=using)
