"""The deactivation and change-of-seat pages: forms with a reason, scoped like every cooperative page."""

import pytest

from cooperatives.models import Cooperative, StageTransition
from tests.cooperatives.builders import register
from tests.factories import EMBAWANG

ANOTHER_DESA = "16.03.01.2012"


@pytest.fixture
def coop(district_officer):
    return register(district_officer)


@pytest.mark.parametrize("page", ["nonaktifkan", "pindah-desa"])
def test_the_officer_opens_the_lifecycle_pages(client, district_officer, coop, page):
    client.force_login(district_officer)
    response = client.get(f"/koperasi/{coop.pk}/{page}/")
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()


def test_the_profile_links_to_both_pages_for_the_officer(client, district_officer, coop):
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert f"/koperasi/{coop.pk}/nonaktifkan/" in html
    assert f"/koperasi/{coop.pk}/pindah-desa/" in html


def test_deactivating_from_the_page(client, district_officer, coop):
    client.force_login(district_officer)
    response = client.post(f"/koperasi/{coop.pk}/nonaktifkan/", {"reason": "Terdaftar ganda", "version": coop.version})
    assert response.status_code == 302
    assert Cooperative.objects.get(pk=coop.pk).is_active is False
    html = client.get(f"/koperasi/{coop.pk}/riwayat/").content.decode()
    assert "Terdaftar ganda" in html


def test_deactivating_without_a_reason_shows_the_form_again_with_an_error(client, district_officer, coop):
    client.force_login(district_officer)
    response = client.post(f"/koperasi/{coop.pk}/nonaktifkan/", {"reason": "", "version": coop.version})
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert Cooperative.objects.get(pk=coop.pk).is_active


def test_reseating_from_the_page(client, district_officer, coop):
    client.force_login(district_officer)
    response = client.post(
        f"/koperasi/{coop.pk}/pindah-desa/",
        {"village": ANOTHER_DESA, "reason": "Salah catat", "version": coop.version},
    )
    assert response.status_code == 302
    assert Cooperative.objects.get(pk=coop.pk).village_id == ANOTHER_DESA
    assert StageTransition.objects.filter(cooperative=coop).count() == 1


def test_the_reseat_choices_are_the_other_villages_of_the_regency_with_their_kecamatan(client, district_officer, coop):
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{coop.pk}/pindah-desa/").content.decode()
    assert f'value="{ANOTHER_DESA}"' in html
    assert f'value="{EMBAWANG}"' not in html
    assert 'value="16.04.01.2001"' not in html
    assert "(Kecamatan Tanjung Agung)" in html


def test_a_deactivated_cooperative_shows_no_change_buttons(client, district_officer, coop):
    client.force_login(district_officer)
    client.post(f"/koperasi/{coop.pk}/nonaktifkan/", {"reason": "Terdaftar ganda", "version": coop.version})
    html = client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert f"/koperasi/{coop.pk}/ubah/" not in html
    assert f"/koperasi/{coop.pk}/nonaktifkan/" not in html


@pytest.mark.parametrize("page", ["nonaktifkan", "pindah-desa"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", ["other_district_officer", "provincial_staff", "national_viewer", "notary"])
def test_lifecycle_pages_are_404_for_other_regencies_and_roles_that_may_not_write(
    client, request, coop, page, method, who
):
    client.force_login(request.getfixturevalue(who))
    response = getattr(client, method)(
        f"/koperasi/{coop.pk}/{page}/", {"reason": "Alasan", "village": ANOTHER_DESA, "version": coop.version}
    )
    assert response.status_code == 404
    stored = Cooperative.objects.get(pk=coop.pk)
    assert (stored.is_active, stored.village_id) == (True, EMBAWANG)
