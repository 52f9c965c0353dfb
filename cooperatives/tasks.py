"""Background work of the cooperatives app. Thin: codes as arguments, the work itself in a service or selector."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="cooperatives.tasks.refresh_progress", soft_time_limit=120, time_limit=150)
def refresh_progress(regency_code: str) -> str:
    """Recompute the progress of one regency and the regions above it.

    The roll-up tables come with their own issue; until then the task only records that it ran, so the hook that
    enqueues it (services.progress.progress_changed) is exercised end to end. Safe to run twice: it writes nothing.
    """
    logger.info("Progress refresh requested for regency %s", regency_code)
    return regency_code
