"""Background work of the cooperatives app. Thin: codes as arguments, the work itself in `cooperatives.rollup`.

Both tasks recompute from the base tables, so they are safe to run twice or out of order; they retry (capped, with
a backoff) when the database is briefly away.
"""

import logging
from contextlib import contextmanager

from celery import shared_task
from django.core.cache import cache
from django.db import InterfaceError, OperationalError

from cooperatives import rollup
from registry.services import progress_rollup_failed

logger = logging.getLogger(__name__)

_RETRY = {
    "autoretry_for": (OperationalError, InterfaceError),
    "max_retries": 3,
    "retry_backoff": 2,
    "retry_backoff_max": 30,
    "retry_jitter": True,
}


@contextmanager
def _recording_failure():
    """A roll-up that raises is recorded (the dashboards warn that their numbers may be stale), then raised again."""
    try:
        yield
    except Exception as exc:
        progress_rollup_failed(error=f"{type(exc).__name__}: {exc}")
        raise


def pending_key(regency_code: str) -> str:
    """The cache key that marks a refresh of this regency as enqueued and not yet started (the burst coalescing)."""
    return f"progress-pending:{regency_code}"


@shared_task(name="cooperatives.tasks.refresh_progress", soft_time_limit=60, time_limit=90, **_RETRY)
def refresh_progress(regency_code: str) -> str:
    """Recompute the kecamatan rows and the row of one regency, then its province and the nation (one transaction).

    The pending mark is dropped first, so a save during the recompute enqueues another refresh that will see it."""
    cache.delete(pending_key(regency_code))
    logger.info("Progress refresh requested for regency %s", regency_code)
    with _recording_failure():
        rollup.refresh_regency(regency_code)
    return regency_code


@shared_task(name="cooperatives.tasks.rollup_progress_full", soft_time_limit=600, time_limit=660, **_RETRY)
def rollup_progress_full() -> bool:
    """Recompute every progress row (beat: every 15 minutes and nightly). False when another one was running."""
    with _recording_failure():
        done = rollup.rollup_full()
    if not done:
        logger.info("Full progress roll-up skipped: another one is running")
    return done


# The spreadsheet import's task lives with its package; imported here so that the worker's autodiscovery finds it.
from cooperatives.imports.tasks import import_run  # noqa: E402, F401
