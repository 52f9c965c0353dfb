"""Factories for the notaries tests: notaries of the registry (as the NPAK import leaves them) and real PDFs."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from cooperatives.demo import demo_pdf
from notaries.models import Notary
from notaries.names import search_name_of
from registry import codes


class NotaryFactory(factory.django.DjangoModelFactory):
    """A notary seated in Muara Enim unless told otherwise; the province follows the seat."""

    class Meta:
        model = Notary

    name = factory.Sequence(lambda n: f"Siti Notaria {n}, S.H., M.Kn.")
    seat_id = "16.03"
    province_id = factory.LazyAttribute(lambda o: codes.province_code(o.seat_id))
    npak_certificate = factory.Sequence(lambda n: f"{n}/KEP/M.KUKM/X/24")
    search_name = factory.LazyAttribute(lambda o: search_name_of(o.name))
    is_active = True


def deed_pdf(title: str = "Akta Pendirian", name: str = "akta.pdf") -> SimpleUploadedFile:
    """A real one-page PDF; a different title gives a different file (and SHA-256)."""
    upload = demo_pdf(title)
    upload.name = name
    return upload


def encrypted_pdf(name: str = "akta-terkunci.pdf") -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("rahasia", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")
