"""The one place where a change that progress counts is announced.

Every service that changes what the roll-up counts (registration, a stage move, a founder added or removed, a
profile or seat change, a deactivation) calls `progress_changed` with the regency of the cooperative. The refresh is
enqueued once per transaction and regency, after commit: nothing is enqueued for a change that is rolled back, and
the worker never reads a state the database does not hold yet.
"""

from __future__ import annotations

from django.db import transaction


class _Refresh:
    """The on-commit callback for one regency; marked, so a second call in the same transaction finds it."""

    def __init__(self, regency_code: str) -> None:
        self.regency_code = regency_code

    def __call__(self) -> None:
        from cooperatives.tasks import refresh_progress

        refresh_progress.delay(self.regency_code)

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
