from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cooperatives.access import ensure_may_change
from cooperatives.models import Cooperative, Document
from cooperatives.services.common import ensure_active, validated_save
from registry.errors import ApplicationError

PDF_MAGIC = b"%PDF-"


def pdf_check(upload: UploadedFile, *, field: str = "file") -> str:
    """Refuse anything that is not a PDF by its content, or is too large. Returns the SHA-256 of the file."""
    limit = settings.KDMP_MAX_UPLOAD_BYTES
    if upload.size is None or upload.size > limit:
        raise ApplicationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size or 0), "limit": filesizeformat(limit)},
            field=field,
        )
    upload.seek(0)
    # PDF (ISO 32000) allows the header anywhere in the first 1024 bytes.
    if PDF_MAGIC not in upload.read(1024):
        raise ApplicationError(
            _("The file is not a PDF (its content says otherwise, whatever its name). Scan or save it as PDF."),
            field=field,
        )
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def document_upload(*, actor, cooperative: Cooperative, kind: str, file: UploadedFile) -> Document:
    """Store a checked PDF privately. Callers validate everything else first, so that a refusal writes no file;
    if saving the row fails, the file is removed again."""
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    sha256 = pdf_check(file)
    document = Document(
        cooperative=cooperative,
        kind=kind,
        original_name=(file.name or "dokumen.pdf")[-255:],
        size=file.size,
        sha256=sha256,
        uploaded_by=actor,
    )
    document.file.save("dokumen.pdf", file, save=False)
    stored = document.file
    try:
        validated_save(document, actor=actor, exclude=["file"])
    except Exception:
        stored.storage.delete(stored.name)
        raise
    return document
