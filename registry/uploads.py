"""The checks every uploaded PDF passes (minutes, SK AHU, assessments, notary deeds): one place, one set of messages.

A PDF is recognised by its content, never by its name; it must not be encrypted (an officer has to be able to open
it, and an encrypted file cannot be checked); it is at most `KDMP_MAX_UPLOAD_BYTES`. The SHA-256 returned is stored
beside the file, so an identical upload can be recognised and a stored file proven unchanged.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from registry.errors import ApplicationError

PDF_MAGIC = b"%PDF-"
# The trailer (or cross-reference stream) dictionary of an encrypted PDF names its security handler.
ENCRYPT_KEY = re.compile(rb"/Encrypt[\s/<\[0-9]")
logger = logging.getLogger(__name__)


def pdf_check(upload: UploadedFile, *, field: str = "file") -> str:
    """Refuse anything that is not a PDF by its content, is encrypted, or is too large. Returns the SHA-256."""
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
    content = bytearray()
    for chunk in upload.chunks():
        digest.update(chunk)
        content += chunk
    upload.seek(0)
    if is_encrypted(bytes(content)):
        raise ApplicationError(
            _(
                "The PDF is protected with a password or encryption, so it cannot be checked or opened by the "
                "officer. Save it again without protection, then upload it."
            ),
            field=field,
        )
    return digest.hexdigest()


def is_encrypted(content: bytes) -> bool:
    """Whether a PDF is encrypted: pypdf reads its trailer; a file pypdf cannot parse is searched for the /Encrypt
    entry of a trailer or cross-reference stream instead (a damaged file is not refused for that alone)."""
    try:
        from pypdf import PdfReader

        return bool(PdfReader(io.BytesIO(content), strict=False).is_encrypted)
    except Exception:  # noqa: BLE001 - any parse failure falls back to the byte search
        logger.debug("pypdf could not read an upload; searching for /Encrypt instead", exc_info=True)
    return ENCRYPT_KEY.search(content) is not None


def stored_once(name: str, content: bytes) -> tuple[int, str]:
    """Keep `content` under `name` in the default (private) storage, written only when missing or different: the one
    file that seeded and demo rows all point at. Returns (size, SHA-256)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            same = stored.read() == content
        if not same:
            default_storage.delete(name)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return len(content), hashlib.sha256(content).hexdigest()
