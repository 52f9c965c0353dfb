"""Starting an import from the admin: the upload checked, stored privately, and handed to the Celery task on commit.
Its state (queued, running with a percentage, done with the summary, failed with a reason) is in `progress`."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notaries import access
from notaries.npak import cells, progress
from notaries.npak.tasks import npak_import_run
from registry.errors import ApplicationError


def npak_import_start(*, actor, data: bytes, filename: str = "") -> str:
    """Check that `data` is an NPAK list, store it, and enqueue its import (after commit). The task id, which is also
    the key of the run's state and files. ApplicationError for a file that is too large or not an NPAK list."""
    if not access.can(actor, "notary.import"):
        raise ApplicationError(_("Your role does not allow this."))
    if len(data) > settings.KDMP_IMPORT_MAX_BYTES:
        raise ApplicationError(
            _("The file is larger than %(size)s MB.") % {"size": settings.KDMP_IMPORT_MAX_BYTES // (1024 * 1024)},
            field="file",
        )
    table = cells.read(data)  # ApplicationError when the columns are not the list's
    task_id = uuid.uuid4().hex
    stored = default_storage.save(progress.upload_name(task_id), ContentFile(data))
    if stored != progress.upload_name(task_id):  # pragma: no cover - a fresh uuid never collides
        raise ApplicationError(_("The file could not be stored."))
    progress.state_set(
        task_id,
        status=progress.QUEUED,
        percent=0,
        rows=len(table.rows),
        filename=filename[-255:],
        actor=getattr(actor, "pk", None),
        started=timezone.now().isoformat(),
    )
    transaction.on_commit(lambda: npak_import_run.apply_async(kwargs={"actor_id": actor.pk}, task_id=task_id))
    return task_id
