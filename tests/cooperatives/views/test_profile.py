"""cooperatives.views.profile: registering a cooperative, its detail page, editing the profile (and two people
editing it at once), business units."""

from __future__ import annotations

import pytest

from cooperatives.models import BusinessUnit, Cooperative
from registry.models import Region
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


# --- same-name villages and the same cooperative name twice (issue 7, formation 5 and 6) ----------------------------

PAGAR_DEWA = "16.03.01.2012"  # "Pagar Dewa" is also a village of Kecamatan Benakat and of Kecamatan Lubai Ulu
SAME_NAME = "Koperasi Desa Merah Putih Pagar Dewa"
NAME_WARNING = (
    '<li class="warning">Nama ini sudah dipakai koperasi aktif lain di kabupaten/kota ini: {name}, di Desa Pagar '
    "Dewa, Kecamatan Benakat. Nama tetap disimpan; agar keduanya tidak tertukar, tambahkan nama kecamatan atau kata "
    "lain pada nama koperasi.</li>"
)


def test_the_registration_page_proposes_a_name_unique_in_the_regency(officer_client):
    html = officer_client.get(f"/koperasi/baru/{PAGAR_DEWA}/").content.decode()
    assert 'value="Koperasi Desa Merah Putih Pagar Dewa Tanjung Agung"' in html
    officer_client.post(f"/koperasi/baru/{PAGAR_DEWA}/", {"pattern": "pendirian_baru", "name": ""})
    assert Cooperative.objects.get(village_id=PAGAR_DEWA).name == "Koperasi Desa Merah Putih Pagar Dewa Tanjung Agung"


def test_the_covered_villages_are_offered_with_their_kecamatan(officer_client):
    html = officer_client.get(CREATE).content.decode()
    assert f'<option value="{PAGAR_DEWA}">Desa Pagar Dewa (Kecamatan Tanjung Agung)</option>' in html
    assert '<option value="16.03.19.2003">Desa Pagar Dewa (Kecamatan Benakat)</option>' in html
    assert '<option value="16.03.25.2006">Desa Pagar Dewa (Kecamatan Lubai Ulu)</option>' in html


def test_the_profile_shows_each_covered_village_with_its_kecamatan(officer_client, district_officer):
    villages = list(Region.objects.filter(code__in=[PAGAR_DEWA, "16.03.19.2003"]))
    coop = register(district_officer, covered_villages=villages)
    html = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert "Pagar Dewa (Kecamatan Tanjung Agung), Pagar Dewa (Kecamatan Benakat)" in html


def test_registering_a_name_the_regency_already_has_is_saved_with_a_warning(officer_client, district_officer):
    other = register(district_officer, "16.03.19.2003", name=SAME_NAME)
    response = officer_client.post(
        f"/koperasi/baru/{PAGAR_DEWA}/",
        {"pattern": "pendirian_baru", "name": "KOPERASI desa merah putih  Pagar Dewa"},
        follow=True,
    )
    assert response.status_code == 200
    assert Cooperative.objects.get(village_id=PAGAR_DEWA).name == "KOPERASI desa merah putih Pagar Dewa"
    assert NAME_WARNING.format(name=other.name) in response.content.decode()


def test_registering_a_name_of_its_own_gives_no_warning(officer_client, district_officer):
    register(district_officer, "16.03.19.2003", name=SAME_NAME)
    response = officer_client.post(f"/koperasi/baru/{PAGAR_DEWA}/", {"pattern": "pendirian_baru"}, follow=True)
    assert response.status_code == 200
    assert 'class="warning"' not in response.content.decode()


def test_renaming_to_a_name_the_regency_already_has_is_saved_with_a_warning(officer_client, district_officer):
    other = register(district_officer, "16.03.19.2003", name=SAME_NAME)
    coop = register(district_officer, PAGAR_DEWA)
    url = f"/koperasi/{coop.pk}/ubah/"
    response = officer_client.post(url, {"version": 1, "pattern": "pendirian_baru", "name": SAME_NAME}, follow=True)
    assert Cooperative.objects.get(pk=coop.pk).name == SAME_NAME
    assert NAME_WARNING.format(name=other.name) in response.content.decode()
    # Saving again without renaming: the officer was told once, and the data-quality page keeps the list.
    again = officer_client.post(url, {"version": 2, "pattern": "pendirian_baru", "name": SAME_NAME}, follow=True)
    assert Cooperative.objects.get(pk=coop.pk).version == 3
    assert 'class="warning"' not in again.content.decode()


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


# --- what a refused field says (issue 7, messages) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("pattern", "koperasi_lain", "Pilih salah satu pola pembentukan dari daftar."),
        ("pattern", "", "Pilih salah satu pola pembentukan dari daftar."),
        ("existing_grade", "E", "Pilih grade koperasi yang sudah ada: A, B, C, atau D."),
        ("revitalisation_method", "bubar", "Pilih cara revitalisasi dari daftar: reaktivasi atau penggabungan."),
        ("simpanan_wajib_period", "harian", "Pilih dari daftar seberapa sering simpanan wajib dibayar."),
        ("sk_ahu_date", "31/02/2025", "Tanggal tidak terbaca: pilih dari kalender, atau tulis seperti 15/07/2025."),
        ("email", "koperasi@", "Tulis alamat email lengkap, mis. koperasi@example.id."),
    ],
)
def test_a_refused_profile_field_says_what_to_do(officer_client, field, typed, message):
    """Not the framework's "Masukkan pilihan yang valid": what the officer should do instead."""
    response = officer_client.post(CREATE, {"pattern": "pendirian_baru", field: typed})
    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    assert not Cooperative.objects.filter(village_id=EMBAWANG).exists()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("kind", "kios", "Pilih salah satu unit usaha dari daftar."),
        ("status", "tutup", "Pilih status unit usaha dari daftar: direncanakan atau berjalan."),
    ],
)
def test_a_refused_business_unit_field_says_what_to_do(officer_client, district_officer, field, typed, message):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/usaha/", {"kind": "klinik", "status": "planned", field: typed})
    assert response.status_code == 400
    assert field_errors(response, field, form="unit_form") == [message]
    assert not BusinessUnit.objects.exists()
