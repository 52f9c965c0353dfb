"""cooperatives.views.documents: uploading a PDF on the documents tab, and downloading a stored one."""

from __future__ import annotations

import pytest

from cooperatives.models import Document
from tests.cooperatives.builders import register
from tests.cooperatives.views.pages import field_errors, not_pdf
from tests.factories import pdf_file


def test_an_sk_ahu_is_uploaded_on_the_documents_tab(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/dokumen/", {"kind": "sk_ahu", "file": pdf_file("sk.pdf")})
    assert response.status_code == 302
    document = Document.objects.get(cooperative=coop)
    assert (document.kind, document.original_name) == ("sk_ahu", "sk.pdf")


def test_a_document_that_is_not_a_pdf_is_refused_on_its_field(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/dokumen/", {"kind": "sk_ahu", "file": not_pdf()})
    assert response.status_code == 400
    assert field_errors(response, "file")
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer"])
def test_a_document_downloads_as_the_stored_pdf(request, client, minutes, role):
    coop, document, body = minutes
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/koperasi/{coop.pk}/dokumen/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == body
    assert body.startswith(b"%PDF-")
    response.close()


@pytest.mark.parametrize("role", ["other_district_officer", "other_provincial_staff", "notary"])
def test_a_document_of_another_area_is_not_found(request, client, minutes, role):
    coop, document, _body = minutes
    client.force_login(request.getfixturevalue(role))
    assert client.get(f"/koperasi/{coop.pk}/dokumen/{document.pk}/").status_code == 404
