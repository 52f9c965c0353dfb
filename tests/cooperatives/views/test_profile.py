"""cooperatives.views.profile: registering a cooperative, its detail page, editing the profile (and two people
editing it at once), business units."""

from __future__ import annotations

import pytest

from cooperatives.models import BusinessUnit, Cooperative
from registry.stages import Stage
from tests.cooperatives.builders import record_musdesus, register, update
from tests.cooperatives.views.pages import conflict_rows, field_errors
from tests.factories import EMBAWANG

CREATE = f"/koperasi/baru/{EMBAWANG}/"


# --- registering and editing a cooperative ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1.500.000", "Rp 1.500.000", "Rp. 1.500.000", "rp1.500.000", "1500000"])
def test_registering_a_cooperative_stores_money_typed_the_indonesian_way(officer_client, district_officer, typed):
    response = officer_client.post(CREATE, {"pattern": "pendirian_baru", "simpanan_pokok": typed, "address": "Jl. A"})
    coop = Cooperative.objects.get(village_id=EMBAWANG)
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/"
    assert coop.simpanan_pokok == 1_500_000
    assert coop.address == "Jl. A"
    assert coop.created_by == district_officer
    assert coop.stage == Stage.BELUM


def test_the_name_defaults_to_the_proposed_one(officer_client):
    html = officer_client.get(CREATE).content.decode()
    assert 'value="Koperasi Desa Merah Putih Embawang"' in html
    officer_client.post(CREATE, {"pattern": "pendirian_baru", "name": ""})
    assert Cooperative.objects.get(village_id=EMBAWANG).name == "Koperasi Desa Merah Putih Embawang"


def test_a_cooperative_in_a_kelurahan_is_a_kkmp(officer_client):
    page = officer_client.get("/koperasi/baru/16.03.02.1006/")
    assert 'value="Koperasi Kelurahan Merah Putih Tungkal"' in page.content.decode()
    response = officer_client.post("/koperasi/baru/16.03.02.1006/", {"pattern": "pendirian_baru"})
    assert response.status_code == 302
    coop = Cooperative.objects.get(village_id="16.03.02.1006")
    assert (coop.kind, coop.name) == ("KKMP", "Koperasi Kelurahan Merah Putih Tungkal")


def test_a_joint_cooperative_covers_other_villages_of_the_regency(officer_client):
    response = officer_client.post(
        CREATE, {"pattern": "pendirian_baru", "covered_villages": ["16.03.01.2012", "16.03.01.2013"]}
    )
    assert response.status_code == 302
    coop = Cooperative.objects.get(village_id=EMBAWANG)
    assert sorted(coop.covered_villages.values_list("code", flat=True)) == ["16.03.01.2012", "16.03.01.2013"]


def test_a_village_of_another_regency_cannot_be_covered(officer_client):
    response = officer_client.post(CREATE, {"pattern": "pendirian_baru", "covered_villages": ["16.04.01.2001"]})
    assert response.status_code == 200
    assert field_errors(response, "covered_villages")
    assert not Cooperative.objects.exists()


@pytest.mark.parametrize(
    "typed", ["sejuta rupiah lebih", "1,5 juta", "1.500.000,50", "1.50.000", "abc", "-1.000", "-Rp 5.000"]
)
def test_an_unreadable_amount_is_refused_on_its_field(officer_client, typed):
    response = officer_client.post(CREATE, {"pattern": "pendirian_baru", "grants": typed})
    assert response.status_code == 200
    assert field_errors(response, "grants")
    assert not Cooperative.objects.filter(village_id=EMBAWANG).exists()


def test_the_development_pattern_without_the_existing_cooperative_is_refused_on_its_field(officer_client):
    response = officer_client.post(CREATE, {"pattern": "pengembangan"})
    assert response.status_code == 200
    assert field_errors(response, "existing_nik_koperasi")
    assert not Cooperative.objects.exists()


def test_a_second_cooperative_without_a_reason_re_renders_the_form_with_the_typed_values(
    officer_client, district_officer
):
    first = register(district_officer)
    response = officer_client.post(
        CREATE,
        {"pattern": "pendirian_baru", "name": "Koperasi Dusun Ilir", "simpanan_pokok": "1.500.000", "phone": "0812"},
    )
    assert response.status_code == 200
    assert field_errors(response, "duplicate_reason")
    html = response.content.decode()
    assert 'value="Koperasi Dusun Ilir"' in html
    assert 'value="1.500.000"' in html
    assert 'value="0812"' in html
    assert f'href="/koperasi/{first.pk}/"' in html  # the page names the existing cooperative
    assert list(Cooperative.objects.values_list("pk", flat=True)) == [first.pk]


def test_a_second_cooperative_with_a_reason_is_registered(officer_client, district_officer):
    first = register(district_officer)
    response = officer_client.post(
        CREATE,
        {"pattern": "pendirian_baru", "name": "Koperasi Dusun Ilir", "duplicate_reason": "Dusun terpisah sungai"},
    )
    second = Cooperative.objects.exclude(pk=first.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{second.pk}/"
    assert (second.village_id, second.name, second.duplicate_reason) == (
        EMBAWANG,
        "Koperasi Dusun Ilir",
        "Dusun terpisah sungai",
    )


def test_the_edit_form_shows_money_the_indonesian_way_and_saves_changes(officer_client, district_officer):
    coop = register(district_officer, simpanan_pokok=1_500_000)
    page = officer_client.get(f"/koperasi/{coop.pk}/ubah/")
    assert 'value="1.500.000"' in page.content.decode()
    assert page.context["version"] == coop.version
    response = officer_client.post(
        f"/koperasi/{coop.pk}/ubah/",
        {"version": coop.version, "pattern": "pendirian_baru", "name": "Koperasi Baru", "simpanan_wajib": "10.000"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/"
    coop.refresh_from_db()
    assert (coop.name, coop.simpanan_wajib, coop.simpanan_pokok) == ("Koperasi Baru", 10_000, None)
    assert coop.version == 2


def test_a_business_unit_is_added_and_removed_from_the_profile(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/usaha/", {"kind": "klinik", "status": "running"})
    assert response.status_code == 302
    unit = BusinessUnit.objects.get(cooperative=coop)
    assert (unit.kind, unit.status) == ("klinik", "running")
    officer_client.post(f"/koperasi/{coop.pk}/usaha/{unit.pk}/hapus/")
    assert not BusinessUnit.objects.filter(cooperative=coop).exists()


def test_an_other_business_unit_needs_its_name(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/usaha/", {"kind": "lainnya", "status": "planned"})
    assert response.status_code == 400
    assert field_errors(response, "other_name", form="unit_form")
    assert not BusinessUnit.objects.exists()


def test_the_detail_page_offers_the_move_only_when_nothing_is_missing(officer_client, district_officer):
    coop = register(district_officer)
    before = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert 'data-testid="missing"' in before
    assert 'value="advance"' not in before
    record_musdesus(district_officer, coop)
    after = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert 'data-testid="missing"' not in after
    assert 'value="advance"' in after


# --- edit conflicts --------------------------------------------------------------------------------------------------


def test_saving_the_profile_over_a_newer_version_is_a_conflict_that_keeps_the_saved_value(
    officer_client, district_officer, colleague
):
    coop = register(district_officer, name="Koperasi Awal")
    opened = officer_client.get(f"/koperasi/{coop.pk}/ubah/").context["version"]
    update(colleague, coop, name="Koperasi Pilihan Rekan", phone="0711")
    response = officer_client.post(
        f"/koperasi/{coop.pk}/ubah/",
        {"version": opened, "pattern": "pendirian_baru", "name": "Koperasi Pilihan Saya", "phone": "0812"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Koperasi Pilihan Saya" in html
    assert "Koperasi Pilihan Rekan" in html
    rows = conflict_rows(response)
    assert ("Koperasi Pilihan Saya", "Koperasi Pilihan Rekan", True) in rows
    assert ("0812", "0711", True) in rows
    assert html.count('class="differs"') == 2  # name and phone
    coop.refresh_from_db()
    assert (coop.name, coop.phone, coop.version) == ("Koperasi Pilihan Rekan", "0711", opened + 1)


def test_saving_the_profile_on_the_current_version_is_no_conflict(officer_client, district_officer, colleague):
    coop = register(district_officer, name="Koperasi Awal")
    update(colleague, coop, name="Koperasi Rekan")
    current = officer_client.get(f"/koperasi/{coop.pk}/ubah/").context["version"]
    response = officer_client.post(
        f"/koperasi/{coop.pk}/ubah/", {"version": current, "pattern": "pendirian_baru", "name": "Koperasi Saya"}
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.name == "Koperasi Saya"
