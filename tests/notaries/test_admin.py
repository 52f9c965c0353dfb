"""The notary registry in the admin and the NPAK import page (notaries/admin.py, notaries/npak/admin_views.py)."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from notaries.models import Notary
from notaries.npak import progress
from registry.models import Role
from tests.factories import UserFactory
from tests.notaries.factories import NotaryFactory
from tests.notaries.npak.conftest import npak_csv

IMPORT_URL = "/admin/notaries/notary/npak-import/"
ROWS = (
    ["Annies Diah Ratnawati, S.H.", "KAB. SLEMAN", "DAERAH ISTIMEWA YOGYAKARTA"],
    ["Annies Diah Ratnawati, S.H., M.Kn.", "KAB. SLEMAN", "DIY"],
    ["Jemmy Wangke, S.H.", "KAB. MIMIKA", "PAPUA"],
    ["Ratna Puspitasari, S.H.", "KOTA KEDIRI/KAB. SLEMAN", "JAWA TIMUR"],
)


def _upload(client, data: bytes, name="npak.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


@pytest.fixture
def started(client, national_admin, django_capture_on_commit_callbacks):
    """An import uploaded by the national admin and run (Celery is eager in tests); the run's task id."""
    client.force_login(national_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, npak_csv(*ROWS))
    assert response.status_code == 302
    return response.url.rstrip("/").rsplit("/", 1)[1]


def test_national_admin_uploads_the_list_and_sees_the_summary(client, started, indonesian):
    response = client.get(f"{IMPORT_URL}{started}/")
    assert "Impor selesai." in response.text
    assert '<th scope="row">Baris</th><td>4</td>' in response.text
    assert '<th scope="row">Tingkat keterpetakan</th><td>75,00%</td>' in response.text
    assert '<th scope="row">Dibuat</th><td>2</td>' in response.text
    assert '<th scope="row">Duplikat</th><td>1</td>' in response.text
    assert '<th scope="row">Ambigu</th><td>1</td>' in response.text
    assert "hx-trigger" not in response.text
    assert sorted(Notary.objects.values_list("seat_id", flat=True)) == ["34.04", "94.04"]


def test_national_admin_downloads_the_report(client, started):
    response = client.get(f"{IMPORT_URL}{started}/report.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"] == f'attachment; filename="npak-report-{started[:8]}.csv"'
    assert [line.split(",")[0] for line in body.splitlines()[1:]] == ["3", "4", "5"]


def test_running_import_shows_a_bar_that_htmx_polls(client, national_admin):
    task_id = uuid.uuid4().hex
    progress.state_set(task_id, status=progress.RUNNING, percent=45)
    client.force_login(national_admin)
    response = client.get(f"{IMPORT_URL}{task_id}/progress/")
    assert f'hx-get="{IMPORT_URL}{task_id}/progress/" hx-trigger="every 1s"' in response.text
    assert '<progress max="100" value="45"' in response.text


def test_failed_import_shows_why(client, national_admin, indonesian):
    task_id = uuid.uuid4().hex
    progress.state_set(task_id, status=progress.FAILED, error="Berkas yang diunggah sudah tidak ada.")
    client.force_login(national_admin)
    assert "Berkas yang diunggah sudah tidak ada." in client.get(f"{IMPORT_URL}{task_id}/").text


def test_upload_of_a_file_that_is_not_an_npak_list_is_refused_on_the_form(client, national_admin, indonesian):
    client.force_login(national_admin)
    response = _upload(client, b"NIK,Nama Lengkap\n1603,Budi\n")
    assert response.status_code == 200
    assert (
        "Berkas ini bukan daftar NPAK: kolom \u201cNama\u201d dan \u201cTempat Kedudukan\u201d wajib ada."
        in response.text
    )


def test_upload_larger_than_the_limit_is_refused(client, national_admin, settings, indonesian):
    settings.KDMP_IMPORT_MAX_BYTES = 1024 * 1024
    client.force_login(national_admin)
    response = _upload(client, npak_csv(*ROWS) + b"x" * (1024 * 1024))
    assert "Ukuran berkas melebihi 1 MB." in response.text


@pytest.mark.parametrize("fixture", ["district_officer", "provincial_staff", "national_viewer", "notary"])
@pytest.mark.parametrize("suffix", ["", "{task}/", "{task}/progress/", "{task}/report.csv"])
def test_import_pages_are_not_found_for_other_roles(client, request, started, fixture, suffix):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(IMPORT_URL + suffix.format(task=started)).status_code == 404


def test_staff_account_without_the_admin_role_cannot_upload(client):
    staff = UserFactory(role=Role.DISTRICT_OFFICER, is_staff=True)
    client.force_login(staff)
    assert _upload(client, npak_csv(*ROWS)).status_code == 404


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(IMPORT_URL)
    assert (response.status_code, response.url) == (302, f"/admin/login/?next={IMPORT_URL}")


@pytest.mark.parametrize("task_id", ["0" * 32, "not-a-task"])
def test_unknown_run_is_not_found(client, national_admin, task_id):
    client.force_login(national_admin)
    assert client.get(f"{IMPORT_URL}{task_id}/").status_code == 404


def test_changelist_offers_the_import_and_searches_by_name(client, national_admin, django_assert_max_num_queries):
    NotaryFactory(name="Hj. Siti Aminah, S.H., M.Kn.")
    NotaryFactory.create_batch(30)
    client.force_login(national_admin)
    with django_assert_max_num_queries(12):
        response = client.get("/admin/notaries/notary/", {"q": "siti aminah"})
    assert f'href="{IMPORT_URL}"' in response.text
    assert list(response.context["cl"].result_list) == [Notary.objects.get(search_name="siti aminah")]


def test_changelist_filters_by_province(client, national_admin):
    NotaryFactory(seat_id="16.03")
    jakarta = NotaryFactory(seat_id="31.71")
    client.force_login(national_admin)
    response = client.get("/admin/notaries/notary/", {"province": "31"})
    assert list(response.context["cl"].result_list) == [jakarta]


def _add(client, **overrides):
    data = {"name": "Rina Marlina, S.H., M.Kn.", "seat": "16.71", "is_active": "on", "_save": "Simpan"}
    return client.post("/admin/notaries/notary/add/", {**data, **overrides})


def test_national_admin_adds_a_notary_whose_province_and_search_name_follow(client, national_admin):
    client.force_login(national_admin)
    assert _add(client).status_code == 302
    notary = Notary.objects.get()
    assert (notary.province_id, notary.search_name, notary.import_key) == ("16", "rina marlina", None)
    assert notary.history.get().history_user == national_admin


def test_linking_an_account_sets_its_region_to_the_seat(client, national_admin):
    account = UserFactory(role=Role.NOTARY, region_id="16.03")
    client.force_login(national_admin)
    _add(client, user=account.pk)
    account.refresh_from_db()
    assert (Notary.objects.get().user, account.region_id) == (account, "16.71")


def test_only_a_notary_account_can_be_linked(client, national_admin, district_officer, indonesian):
    client.force_login(national_admin)
    response = _add(client, user=district_officer.pk)
    assert "Hanya akun dengan peran notaris yang dapat ditautkan ke notaris." in response.text
    assert not Notary.objects.exists()


def test_moving_a_linked_notary_moves_the_account_too(client, national_admin, notary):
    entry = NotaryFactory(name="Hj. Siti Aminah, S.H., M.Kn.", user=notary)
    client.force_login(national_admin)
    data = {"name": entry.name, "seat": "16.71", "is_active": "on", "user": notary.pk, "_save": "Simpan"}
    assert client.post(f"/admin/notaries/notary/{entry.pk}/change/", data).status_code == 302
    notary.refresh_from_db()
    entry.refresh_from_db()
    assert (entry.seat_id, entry.province_id, notary.region_id) == ("16.71", "16", "16.71")


def test_superuser_without_a_role_may_import(client):
    superuser = UserFactory(role="", region_id=None, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.get(IMPORT_URL).status_code == 200
