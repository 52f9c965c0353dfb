"""registry/uploads.py: the checks shared by every PDF upload (minutes, SK AHU, deeds), with their messages."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from registry.errors import ApplicationError
from registry.uploads import is_encrypted, pdf_check
from tests.factories import pdf_file
from tests.notaries.factories import deed_pdf, encrypted_pdf


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


def test_a_pdf_passes_and_its_sha256_is_returned():
    upload = deed_pdf()
    content = upload.read()

    assert pdf_check(upload) == hashlib.sha256(content).hexdigest()
    assert upload.tell() == 0


def test_a_text_file_renamed_pdf_is_refused_by_its_content():
    upload = SimpleUploadedFile("akta.pdf", b"Akta Pendirian Koperasi\nNomor 12\n", content_type="application/pdf")

    with pytest.raises(ApplicationError) as exc:
        pdf_check(upload, field="file")

    assert exc.value.field == "file"
    assert exc.value.message == (
        "Berkas ini bukan PDF (isinya bukan PDF, apa pun namanya). Pindai atau simpan sebagai PDF."
    )


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(ApplicationError) as exc:
        pdf_check(encrypted_pdf())

    assert exc.value.message == (
        "PDF ini dilindungi kata sandi atau enkripsi sehingga tidak dapat diperiksa atau dibuka petugas. "
        "Simpan ulang tanpa perlindungan, lalu unggah kembali."
    )


def test_an_11_mb_file_is_refused_with_both_sizes():
    with pytest.raises(ApplicationError) as exc:
        pdf_check(pdf_file(size=11 * 1024 * 1024))

    assert exc.value.message == "Ukuran berkas 11,0\xa0MB; batasnya 10,0\xa0MB."


def test_a_pdf_pypdf_cannot_parse_is_checked_for_encryption_by_its_trailer():
    damaged = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF\n"

    assert is_encrypted(damaged) is True
    assert is_encrypted(pdf_file().read()) is False
