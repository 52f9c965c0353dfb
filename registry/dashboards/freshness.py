"""How fresh a dashboard's numbers are: when they were computed, and whether to warn (older than 30 minutes, or the
last roll-up failed after the last success)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from registry.models import RollupStatus

STALE_AFTER = datetime.timedelta(minutes=30)


@dataclass(frozen=True)
class Status:
    """The roll-up status row as the dashboards read it (one query)."""

    last_success_at: datetime.datetime | None
    last_failure_at: datetime.datetime | None

    @property
    def token(self) -> str:
        """Changes with every successful roll-up write: the dashboards' cache key (registry.dashboards.cache)."""
        return self.last_success_at.isoformat() if self.last_success_at else "none"


@dataclass(frozen=True)
class Freshness:
    as_of: datetime.datetime | None
    stale: bool  # older than STALE_AFTER, or never computed
    failed_at: datetime.datetime | None  # the last roll-up failed (after the last success) at this time

    @property
    def warn(self) -> bool:
        return self.stale or self.failed_at is not None


def rollup_status() -> Status:
    row = RollupStatus.objects.filter(singleton=True).values_list("last_success_at", "last_failure_at").first()
    return Status(*row) if row else Status(None, None)


def freshness(*, as_of: datetime.datetime | None, status: Status, now: datetime.datetime) -> Freshness:
    failed = status.last_failure_at is not None and (
        status.last_success_at is None or status.last_failure_at > status.last_success_at
    )
    return Freshness(
        as_of=as_of,
        stale=as_of is None or now - as_of > STALE_AFTER,
        failed_at=status.last_failure_at if failed else None,
    )
