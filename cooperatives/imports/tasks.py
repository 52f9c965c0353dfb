"""The import of a big file as a Celery task. Thin: the import's id, fetched again; the step's own status check
makes it safe to run twice (a checked file is not checked again, a saved one not saved again), and the commit is
one transaction, so a retry never finds half a file written."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _


@shared_task(
    bind=True,
    name="cooperatives.imports.tasks.import_run",
    soft_time_limit=300,
    time_limit=360,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=3,
    retry_backoff=2,
    retry_backoff_max=30,
    retry_jitter=True,
)
def import_run(self, import_id: int, step: str, actor_id: int | None = None) -> str | None:
    from cooperatives.imports.models import Import
    from cooperatives.imports.run import import_fail, run_step

    imp = Import.objects.select_related("cooperative", "regency").filter(pk=import_id).first()
    if imp is None:
        return None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        return run_step(imp=imp, step=step, actor=actor).status
    except (OperationalError, InterfaceError):
        if self.request.retries >= self.max_retries:
            import_fail(imp=imp, message=_("The database could not be reached; nothing was saved. Try again later."))
        raise
