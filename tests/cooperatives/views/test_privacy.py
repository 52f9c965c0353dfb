"""What testers found on personal data and robustness: no cache for logged-in pages, every full-NIK showing logged
whatever the method, a NUL byte refused with a message instead of a 500, and pages that survive a deleted account."""

import pytest

from cooperatives import services
from cooperatives.choices import DocumentKind
from cooperatives.models import NikView
from tests.cooperatives.builders import with_musdesus
from tests.factories import pdf_file


def _edit(coop, member) -> str:
    return f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/"


@pytest.mark.parametrize("method", ["options", "put", "patch", "delete"])
def test_other_methods_on_the_founder_edit_page_show_no_nik_and_are_refused(officer_client, one_founder, method):
    coop, member = one_founder
    response = getattr(officer_client, method)(_edit(coop, member))
    assert response.status_code == 405
    assert member.nik not in response.content.decode()
    assert not NikView.objects.filter(member=member).exists()


def test_every_showing_of_the_full_nik_is_logged(officer_client, one_founder):
    coop, member = one_founder
    officer_client.get(_edit(coop, member))
    refused = officer_client.post(_edit(coop, member), {"nik": member.nik, "full_name": "", "version": member.version})
    assert refused.status_code == 400
    assert member.nik in refused.content.decode()
    assert NikView.objects.filter(member=member).count() == 2


@pytest.mark.parametrize("page", ["pendiri/{member}/ubah/", "pendiri/", "", "riwayat/"])
def test_logged_in_pages_are_private_and_not_stored(officer_client, one_founder, page):
    coop, member = one_founder
    response = officer_client.get(f"/koperasi/{coop.pk}/" + page.format(member=member.pk))
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}


def test_the_public_page_stays_cacheable(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "url", ["/koperasi/wilayah/16.03/?q=%00", "/wilayah/16.03/desa/?q=%00", "/wilayah/16.03.01/?q=a%00b"]
)
def test_a_nul_byte_in_a_search_is_refused_with_a_message(officer_client, url):
    response = officer_client.get(url)
    assert response.status_code == 400
    assert "karakter kontrol" in response.content.decode()


def test_a_nul_byte_in_an_api_filter_is_refused_with_a_message(officer_api):
    response = officer_api.get("/api/v1/cooperatives/?q=%00")
    assert response.status_code == 400
    assert "karakter kontrol" in response.json()["detail"]


def test_a_nul_byte_in_a_form_is_refused_and_nothing_is_written(officer_client, coop):
    response = officer_client.post(f"/koperasi/{coop.pk}/ubah/", {"name": "Koperasi\x00", "pattern": "pendirian_baru"})
    assert response.status_code == 400
    coop.refresh_from_db()
    assert "\x00" not in coop.name


@pytest.mark.parametrize("tab", ["dokumen/", "riwayat/", ""])
def test_the_tabs_survive_a_deleted_account(client, district_officer, colleague, coop, tab):
    services.document_upload(actor=colleague, cooperative=coop, kind=DocumentKind.SK_AHU, file=pdf_file())
    with_musdesus(colleague, coop)  # the colleague is on the timeline and in the history
    colleague.delete()
    client.force_login(district_officer)
    response = client.get(f"/koperasi/{coop.pk}/{tab}")
    assert response.status_code == 200
    assert "–" in response.content.decode()
