"""The notary API: the contract of each endpoint, token authentication and revocation, throttling, errors."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from cooperatives.models import Cooperative
from notaries import services
from notaries.models import ApiToken, Deed
from registry.stages import Stage
from tests.notaries.factories import deed_pdf, encrypted_pdf

COOPERATIVES = "/api/v1/notary/cooperatives/"
DEEDS = "/api/v1/notary/deeds/"


def upload(api, assigned, *, number="12", date="2025-07-01", file=None):
    return api.post(
        DEEDS,
        {"cooperative": assigned.pk, "number": number, "date": date, "file": file or deed_pdf()},
        format="multipart",
    )


def test_the_assigned_cooperatives_are_listed_with_their_current_deed(notary_api, assigned, deed):
    response = notary_api.get(COOPERATIVES)

    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row == {
        "id": assigned.pk,
        "name": "Koperasi Desa Merah Putih Embawang",
        "village": "16.03.01.2011",
        "village_name": "Embawang",
        "kecamatan_name": "Tanjung Agung",
        "regency_name": "Kabupaten Muara Enim",
        "stage": "rapat_pendirian",
        "current_deed": deed.pk,
        "current_deed_number": "12",
        "current_deed_status": "diajukan",
    }


def test_a_deed_is_created_by_multipart_upload(notary_api, assigned):
    response = upload(notary_api, assigned)

    assert response.status_code == 201
    body = response.json()
    deed = Deed.objects.get()
    assert body["id"] == deed.pk
    assert {k: body[k] for k in ("cooperative", "number", "date", "version", "status", "sha256")} == {
        "cooperative": assigned.pk,
        "number": "12",
        "date": "2025-07-01",
        "version": 1,
        "status": "diajukan",
        "sha256": deed.sha256,
    }


def test_the_identical_file_again_answers_200_with_the_existing_deed(notary_api, assigned):
    first = upload(notary_api, assigned).json()

    again = upload(notary_api, assigned, number="13")

    assert again.status_code == 200
    assert again.json()["id"] == first["id"]


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (lambda: deed_pdf().__class__("akta.pdf", b"teks biasa", "application/pdf"), "Berkas ini bukan PDF"),
        (encrypted_pdf, "PDF ini dilindungi kata sandi"),
    ],
)
def test_a_refused_file_answers_400_with_an_indonesian_field_error(notary_api, assigned, file, message):
    response = upload(notary_api, assigned, file=file())

    assert response.status_code == 400
    assert response.json()["file"][0].startswith(message)


def test_a_missing_field_is_an_indonesian_field_error(notary_api, assigned):
    response = notary_api.post(DEEDS, {"cooperative": assigned.pk, "number": "1"}, format="multipart")

    assert response.status_code == 400
    assert response.json()["date"] == ["Bidang ini harus diisi."]


def test_a_domain_refusal_is_a_detail(notary_api, assigned, deed):
    response = upload(notary_api, assigned, number="13", file=deed_pdf("Lain"))

    assert response.status_code == 400
    assert response.json() == {"detail": "Koperasi ini sudah mempunyai akta (12): ajukan perbaikannya."}


def test_the_own_deeds_are_listed_with_status_and_rejection_reason(notary_api, district_officer, deed):
    services.deed_reject(actor=district_officer, deed=deed, reason="Nomor salah.")

    (row,) = notary_api.get(DEEDS).json()["results"]

    assert (row["id"], row["status"], row["rejection_reason"]) == (deed.pk, "ditolak", "Nomor salah.")


def test_a_correction_is_a_new_version(notary_api, district_officer, deed):
    services.deed_reject(actor=district_officer, deed=deed, reason="Nomor salah.")

    response = notary_api.post(
        f"{DEEDS}{deed.pk}/correction/",
        {"number": "12", "date": "2025-07-02", "file": deed_pdf("Perbaikan")},
        format="multipart",
    )

    assert response.status_code == 201
    assert (response.json()["version"], response.json()["supersedes"]) == (2, deed.pk)
    assert notary_api.get(f"{DEEDS}{deed.pk}/").json()["status"] == "digantikan"


def test_verification_by_the_officer_shows_in_the_notarys_api(notary_api, district_officer, deed):
    services.deed_verify(actor=district_officer, deed=deed)

    assert notary_api.get(f"{DEEDS}{deed.pk}/").json()["status"] == "terverifikasi"
    assert Cooperative.objects.get(pk=deed.cooperative_id).stage == Stage.AKTA


def test_without_a_token_the_api_answers_401():
    response = APIClient().get(DEEDS)

    assert response.status_code == 401


def test_a_revoked_token_no_longer_opens_the_api(notary_api, notary):
    services.api_token_revoke(actor=notary, token=ApiToken.objects.get(user=notary))

    response = notary_api.get(DEEDS)

    assert response.status_code == 401
    assert response.json() == {"detail": "Token tidak sah atau sudah dicabut."}


def test_only_the_tokens_hash_is_stored(notary, notary_token):
    token = ApiToken.objects.get(user=notary)

    assert notary_token not in (token.key_hash, token.prefix)
    assert notary_token.startswith(token.prefix)


@pytest.fixture
def other_notary_api(other_notary):
    _token, raw = services.api_token_create(actor=other_notary, name="Kantor lain")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def test_another_notary_gets_404_on_the_deed_and_its_correction(other_notary_api, deed):
    assert other_notary_api.get(f"{DEEDS}{deed.pk}/").status_code == 404
    response = other_notary_api.post(
        f"{DEEDS}{deed.pk}/correction/",
        {"number": "1", "date": "2025-07-01", "file": deed_pdf("X")},
        format="multipart",
    )
    assert response.status_code == 404
    assert other_notary_api.get(DEEDS).json()["results"] == []


def test_another_notary_cannot_record_for_a_cooperative_not_assigned_to_them(other_notary_api, assigned):
    assert upload(other_notary_api, assigned).status_code == 404


@pytest.mark.parametrize("fixture", ["district_officer", "other_district_officer", "provincial_staff"])
@pytest.mark.parametrize("url", [COOPERATIVES, DEEDS])
def test_a_wrong_role_gets_404(api, request, fixture, url, deed):
    api.force_login(request.getfixturevalue(fixture))

    assert api.get(url).status_code == 404
    assert api.get(f"{DEEDS}{deed.pk}/").status_code == 404


def test_the_api_is_throttled_per_token(notary_api, settings):
    settings.KDMP_NOTARY_API_RATE = "2/min"
    cache.clear()

    statuses = [notary_api.get(DEEDS).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_openapi_schema_documents_the_notary_api_with_examples(api, national_viewer):
    api.force_login(national_viewer)

    schema = api.get("/api/schema/", {"format": "json"}).json()

    create = schema["paths"]["/api/v1/notary/deeds/"]["post"]
    assert "multipart/form-data" in create["requestBody"]["content"]
    assert create["responses"]["201"]["content"]["application/json"]["examples"]
    assert create["responses"]["400"]["content"]["application/json"]["examples"]
    assert {"notaryToken": []} in create["security"]
    assert "/api/v1/notary/deeds/{id}/correction/" in schema["paths"]
