from celery import shared_task
from django.core.management import call_command


@shared_task(name="registry.tasks.sessions_clear_expired", soft_time_limit=600, time_limit=660)
def sessions_clear_expired() -> None:
    """Daily: drop expired sessions. Safe to repeat: a second run finds nothing to delete."""
    call_command("clearsessions")
