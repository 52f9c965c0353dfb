from celery import shared_task
from django.core.management import call_command

from registry import services


@shared_task(name="registry.tasks.sessions_clear_expired", soft_time_limit=600, time_limit=660)
def sessions_clear_expired() -> None:
    """Daily: drop expired sessions. Safe to repeat: a second run finds nothing to delete."""
    call_command("clearsessions")


@shared_task(name="registry.tasks.progress_snapshot_take", soft_time_limit=300, time_limit=360)
def progress_snapshot_take() -> int:
    """Daily at 23:55 WIB: the day's data point of the trend. Safe to repeat: it upserts on (region, day)."""
    return services.progress_snapshot_take()
