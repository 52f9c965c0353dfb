"""cooperatives.services.documents: PDF uploads, checked by their content and size, stored under a name of their
own with their SHA-256. Uploaded files go to a per-test MEDIA_ROOT."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from cooperatives import services
from cooperatives.models import Document
from registry.errors import ApplicationError
from tests.cooperatives.builders import register
from tests.factories import pdf_file

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.usefixtures("indonesian", "media")


def upload(officer, coop, kind, file=None):
    return services.document_upload(actor=officer, cooperative=coop, kind=kind, file=file or pdf_file())


@override_settings(KDMP_MAX_UPLOAD_BYTES=1048576)
def test_too_large_file_is_refused_with_its_size_and_the_limit_in_mb(district_officer):
    coop = register(district_officer)
    one_and_a_half_mb = pdf_file(size=1572864 + 24)  # pdf_file writes size - 24 bytes

    with pytest.raises(ApplicationError) as refused:
        upload(district_officer, coop, "sk_ahu", one_and_a_half_mb)

    assert refused.value.message == "Ukuran berkas 1,5\xa0MB; batasnya 1,0\xa0MB."


@override_settings(KDMP_MAX_UPLOAD_BYTES=1000)
def test_file_of_exactly_the_limit_is_accepted(district_officer):
    coop = register(district_officer)
    content = PDF + b"0" * (1000 - len(PDF))

    document = upload(district_officer, coop, "sk_ahu", SimpleUploadedFile("sk.pdf", content))

    assert document.size == 1000


def test_pdf_header_after_the_first_1024_bytes_is_refused(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        upload(district_officer, coop, "sk_ahu", SimpleUploadedFile("sk.pdf", b"\x00" * 1100 + PDF))

    assert refused.value.field == "file"
    assert not Document.objects.exists()


def test_document_keeps_the_sha256_and_a_stored_name_that_is_not_the_uploaded_one(district_officer, media):
    coop = register(district_officer)
    content = PDF + b"isi surat keputusan"

    document = upload(
        district_officer, coop, "sk_ahu", SimpleUploadedFile("SK AHU Koperasi Embawang rahasia.pdf", content)
    )

    saved = Document.objects.get(pk=document.pk)
    digest = hashlib.sha256(content).hexdigest()
    assert saved.sha256 == digest
    assert (saved.size, saved.original_name, saved.uploaded_by) == (
        len(content),
        "SK AHU Koperasi Embawang rahasia.pdf",
        district_officer,
    )
    assert saved.file.name == f"cooperatives/16.03/{coop.pk}/sk_ahu-{digest[:16]}.pdf"
    assert "rahasia" not in saved.file.name
    assert "Embawang" not in saved.file.name
    assert (media / saved.file.name).read_bytes() == content
