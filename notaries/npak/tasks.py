"""The NPAK import started from the admin, as a Celery task. Thin: the stored upload's task id, the acting user's id.

Safe to run twice: a task whose state says done returns its summary without importing again (and the import itself
is idempotent: a second run of one file creates and changes nothing)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from notaries.npak import progress
from notaries.npak.importer import npak_import
from notaries.npak.report import report_bytes
from registry.errors import ApplicationError

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="notaries.npak.tasks.npak_import_run",
    soft_time_limit=600,
    time_limit=660,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=3,
    retry_backoff=5,
    retry_backoff_max=60,
)
def npak_import_run(self, actor_id: int | None = None) -> dict | None:
    task_id = self.request.id
    state = progress.state_of(task_id) or {}
    if state.get("status") == progress.DONE:
        return state.get("summary")
    name = progress.upload_name(task_id)
    if not default_storage.exists(name):
        logger.warning("NPAK import %s: the uploaded file is gone", task_id)
        progress.state_set(task_id, status=progress.FAILED, error=_("The uploaded file is no longer there."))
        return None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    progress.state_set(task_id, status=progress.RUNNING, percent=0)
    try:
        with default_storage.open(name, "rb") as upload:
            result = npak_import(source=upload, actor=actor, progress=progress.ticker(task_id))
    except ApplicationError as error:
        progress.state_set(task_id, status=progress.FAILED, error=error.message)
        return None
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        progress.state_set(task_id, status=progress.FAILED, error=_("The import failed; nothing was saved."))
        raise
    report = progress.report_name(task_id)
    if default_storage.exists(report):
        default_storage.delete(report)
    default_storage.save(report, ContentFile(report_bytes(result)))
    summary = result.summary()
    progress.state_set(task_id, status=progress.DONE, percent=100, summary=summary, report=report)
    return summary
