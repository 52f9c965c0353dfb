"""Private storage of a checked PDF (the checks are shared with the notaries in registry/uploads.py)."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from cooperatives.access import ensure_may_change
from cooperatives.models import Cooperative, Document
from cooperatives.services.common import ensure_active, validated_save
from registry.uploads import pdf_check


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
