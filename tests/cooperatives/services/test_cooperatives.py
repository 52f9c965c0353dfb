"""cooperatives.services.cooperatives: registering a cooperative, editing its profile, and its business units."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Count

from cooperatives import selectors, services
from cooperatives.choices import CooperativeKind, Pattern, UnitKind, UnitStatus
from cooperatives.models import BusinessUnit, Cooperative
from cooperatives.services import ConflictError
from registry.errors import ApplicationError
from registry.models import Region, RegionLevel
from tests.cooperatives.builders import register, update
from tests.factories import EMBAWANG, LAHAT_VILLAGE, CooperativeFactory

PAGAR_DEWA = "16.03.01.2012"
TANJUNG_BULAN = "16.03.01.2013"

pytestmark = pytest.mark.usefixtures("indonesian")


@pytest.fixture
def kelurahan(db) -> Region:
    return Region.objects.filter(code__startswith="16.03.", kind="kelurahan").first()


def region(code: str) -> Region:
    return Region.objects.get(code=code)


# --- kind and name --------------------------------------------------------------------------------------------------


def test_cooperative_in_a_desa_is_a_kdmp_named_after_the_desa(district_officer):
    coop = register(district_officer)

    saved = Cooperative.objects.get(pk=coop.pk)
    assert saved.kind == CooperativeKind.KDMP
    assert saved.name == "Koperasi Desa Merah Putih Embawang"
    assert saved.stage == "belum"
    assert saved.version == 1
    assert saved.created_by == district_officer


def test_cooperative_in_a_kelurahan_is_a_kkmp_named_after_the_kelurahan(district_officer, kelurahan):
    coop = register(district_officer, kelurahan.code)

    saved = Cooperative.objects.get(pk=coop.pk)
    assert saved.kind == CooperativeKind.KKMP
    assert saved.name == f"Koperasi Kelurahan Merah Putih {kelurahan.name}"


def test_proposed_name_follows_the_kind_of_village(kelurahan):
    assert services.proposed_name(region(EMBAWANG)) == "Koperasi Desa Merah Putih Embawang"
    assert services.proposed_name(kelurahan) == f"Koperasi Kelurahan Merah Putih {kelurahan.name}"


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("Koperasi Desa Merah Putih Embawang Jaya", "Koperasi Desa Merah Putih Embawang Jaya"),
        ("  KDMP Embawang Sejahtera  ", "KDMP Embawang Sejahtera"),
        ("   ", "Koperasi Desa Merah Putih Embawang"),
        ("", "Koperasi Desa Merah Putih Embawang"),
    ],
)
def test_an_explicit_name_is_kept_and_an_empty_one_replaced_by_the_proposal(district_officer, typed, saved):
    coop = register(district_officer, name=typed)

    assert Cooperative.objects.get(pk=coop.pk).name == saved


# "Pagar Dewa" names a village in three kecamatan of Muara Enim (and one of Lahat).
PAGAR_DEWAS = {PAGAR_DEWA: "Tanjung Agung", "16.03.19.2003": "Benakat", "16.03.25.2006": "Lubai Ulu"}
LAHAT_PAGAR_DEWA = "16.04.06.2023"


def muara_enim_villages():
    return Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE)


def test_fourteen_village_names_repeat_across_kecamatan_of_muara_enim():
    repeated = muara_enim_villages().values("name").annotate(n=Count("code")).filter(n__gt=1)

    assert len(repeated) == 14
    assert {r["name"]: r["n"] for r in repeated}["Pagar Dewa"] == 3


@pytest.mark.parametrize(("code", "kecamatan"), PAGAR_DEWAS.items())
def test_proposed_name_adds_the_kecamatan_when_the_village_name_repeats_in_the_regency(code, kecamatan):
    assert services.proposed_name(region(code)) == f"Koperasi Desa Merah Putih Pagar Dewa {kecamatan}"


def test_proposed_name_stays_plain_when_the_name_repeats_only_in_other_regencies():
    assert services.proposed_name(region(LAHAT_PAGAR_DEWA)) == "Koperasi Desa Merah Putih Pagar Dewa"


def test_proposed_names_are_unique_in_the_regency():
    names = [services.proposed_name(v) for v in muara_enim_villages().select_related("parent")]

    assert len(set(names)) == len(names) == 256


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_name_becomes_the_proposal_that_is_unique_in_the_regency(district_officer, typed):
    coop = register(district_officer, PAGAR_DEWA, name=typed)

    assert Cooperative.objects.get(pk=coop.pk).name == "Koperasi Desa Merah Putih Pagar Dewa Tanjung Agung"


# --- the same name twice in a regency: accepted, with a warning ------------------------------------------------------


def test_a_name_another_active_cooperative_of_the_regency_has_is_accepted_with_a_warning(district_officer):
    register(district_officer, PAGAR_DEWA, name="Koperasi Desa Merah Putih Pagar Dewa")

    second = register(district_officer, "16.03.19.2003", name="koperasi desa merah putih  PAGAR DEWA")

    assert Cooperative.objects.filter(pk=second.pk, is_active=True).exists()
    assert selectors.name_warnings(second) == [
        "Nama ini sudah dipakai koperasi aktif lain di kabupaten/kota ini: Koperasi Desa Merah Putih Pagar Dewa, "
        "di Desa Pagar Dewa, Kecamatan Tanjung Agung. Nama tetap disimpan; agar keduanya tidak tertukar, tambahkan "
        "nama kecamatan atau kata lain pada nama koperasi."
    ]


def test_renaming_to_a_name_of_the_regency_is_accepted_with_a_warning(district_officer):
    first = register(district_officer, PAGAR_DEWA, name="Koperasi Pagar Dewa Bersatu")
    second = register(district_officer, "16.03.25.2006")

    renamed = update(district_officer, second, name="Koperasi  Pagar Dewa BERSATU")

    assert Cooperative.objects.get(pk=second.pk).name == "Koperasi Pagar Dewa BERSATU"
    assert selectors.name_warnings(renamed, renamed_from=second.name) == [
        f"Nama ini sudah dipakai koperasi aktif lain di kabupaten/kota ini: {first.name}, di Desa Pagar Dewa, "
        "Kecamatan Tanjung Agung. Nama tetap disimpan; agar keduanya tidak tertukar, tambahkan nama kecamatan atau "
        "kata lain pada nama koperasi."
    ]


@pytest.mark.parametrize("code", ["16.03.01", "16.03", "16"], ids=["kecamatan", "regency", "province"])
def test_a_cooperative_is_seated_only_in_a_village(district_officer, code):
    with pytest.raises(ApplicationError) as refused:
        register(district_officer, code)

    assert refused.value.field == "village"
    assert refused.value.message == "Koperasi berkedudukan di desa atau kelurahan."
    assert not Cooperative.objects.exists()


def test_fields_the_officer_may_not_set_are_a_programming_error(district_officer):
    with pytest.raises(TypeError):
        register(district_officer, stage="operasional")


# --- formation patterns ---------------------------------------------------------------------------------------------


def test_development_pattern_needs_the_existing_cooperatives_nik_koperasi(district_officer):
    with pytest.raises(ApplicationError) as refused:
        register(district_officer, pattern=Pattern.PENGEMBANGAN, existing_grade="B")

    assert refused.value.field == "existing_nik_koperasi"
    assert refused.value.message == (
        "Pola pengembangan berangkat dari NIK Koperasi koperasi yang sudah ada: isi NIK Koperasi tersebut."
    )
    assert not Cooperative.objects.exists()


@pytest.mark.parametrize("grade", ["D", ""])
def test_development_pattern_refuses_an_existing_cooperative_graded_below_c(district_officer, grade):
    with pytest.raises(ApplicationError) as refused:
        register(
            district_officer, pattern=Pattern.PENGEMBANGAN, existing_nik_koperasi="1603010000123", existing_grade=grade
        )

    assert refused.value.field == "existing_grade"
    assert refused.value.message == "Pola pengembangan memerlukan koperasi yang sudah ada dengan grade minimal C."
    assert not Cooperative.objects.exists()


@pytest.mark.parametrize("grade", ["A", "B", "C"])
def test_development_pattern_accepts_an_existing_cooperative_graded_c_or_better(district_officer, grade):
    coop = register(
        district_officer, pattern=Pattern.PENGEMBANGAN, existing_nik_koperasi="1603010000123", existing_grade=grade
    )

    saved = Cooperative.objects.get(pk=coop.pk)
    assert (saved.pattern, saved.existing_nik_koperasi, saved.existing_grade) == (
        "pengembangan",
        "1603010000123",
        grade,
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"revitalised_cooperatives": "KUD Sumber Rejeki"},
            "revitalisation_method",
            "Pilih cara revitalisasi (reaktivasi atau penggabungan).",
        ),
        (
            {"revitalisation_method": "penggabungan"},
            "revitalised_cooperatives",
            "Sebutkan koperasi yang direaktivasi atau digabung.",
        ),
        (
            {"revitalisation_method": "reaktivasi", "revitalised_cooperatives": "   "},
            "revitalised_cooperatives",
            "Sebutkan koperasi yang direaktivasi atau digabung.",
        ),
    ],
    ids=["no-method", "no-cooperatives", "blank-cooperatives"],
)
def test_revitalisation_needs_a_method_and_the_cooperatives_revived(district_officer, fields, field, message):
    with pytest.raises(ApplicationError) as refused:
        register(district_officer, pattern=Pattern.REVITALISASI, **fields)

    assert refused.value.field == field
    assert refused.value.message == message
    assert not Cooperative.objects.exists()


def test_revitalisation_with_method_and_cooperatives_is_registered(district_officer):
    coop = register(
        district_officer,
        pattern=Pattern.REVITALISASI,
        revitalisation_method="penggabungan",
        revitalised_cooperatives="KUD Sumber Rejeki, Gapoktan Maju",
    )

    saved = Cooperative.objects.get(pk=coop.pk)
    assert (saved.revitalisation_method, saved.revitalised_cooperatives) == (
        "penggabungan",
        "KUD Sumber Rejeki, Gapoktan Maju",
    )


# --- one active cooperative per village, unless there is a reason ---------------------------------------------------


def test_second_active_cooperative_in_the_village_is_refused_naming_the_first(district_officer):
    register(district_officer, name="KDMP Embawang Pertama")

    with pytest.raises(ApplicationError) as refused:
        register(district_officer, name="KDMP Embawang Kedua")

    assert refused.value.field == "duplicate_reason"
    assert refused.value.message == (
        "Desa Embawang sudah memiliki koperasi aktif (KDMP Embawang Pertama). Koperasi kedua hanya boleh dengan "
        "alasan: tuliskan di isian “alasan koperasi kedua”."
    )
    assert list(Cooperative.objects.values_list("name", flat=True)) == ["KDMP Embawang Pertama"]


def test_second_active_cooperative_in_the_village_is_allowed_with_a_reason(district_officer):
    register(district_officer, name="KDMP Embawang Pertama")

    second = register(
        district_officer, name="KDMP Embawang Kedua", duplicate_reason="  Dua dusun berjauhan, disepakati Musdesus  "
    )

    assert Cooperative.objects.filter(village_id=EMBAWANG, is_active=True).count() == 2
    assert Cooperative.objects.get(pk=second.pk).duplicate_reason.strip() == "Dua dusun berjauhan, disepakati Musdesus"


def test_a_new_cooperative_is_allowed_where_the_existing_one_is_inactive(district_officer):
    CooperativeFactory(village_id=EMBAWANG, is_active=False)

    coop = register(district_officer)

    assert Cooperative.objects.get(pk=coop.pk).is_active


def test_database_refuses_two_active_cooperatives_without_a_reason_in_one_village():
    CooperativeFactory(village_id=EMBAWANG)

    with pytest.raises(IntegrityError), transaction.atomic():
        CooperativeFactory(village_id=EMBAWANG)

    assert Cooperative.objects.count() == 1


@pytest.mark.parametrize(
    "second", [{"duplicate_reason": "Dua dusun berjauhan"}, {"is_active": False}], ids=["with-reason", "inactive"]
)
def test_database_allows_a_second_cooperative_with_a_reason_or_inactive(second):
    CooperativeFactory(village_id=EMBAWANG)

    CooperativeFactory(village_id=EMBAWANG, **second)

    assert Cooperative.objects.filter(village_id=EMBAWANG).count() == 2


def test_clearing_the_reason_of_a_second_cooperative_is_refused(district_officer):
    register(district_officer, name="KDMP Embawang Pertama")
    second = register(district_officer, name="KDMP Embawang Kedua", duplicate_reason="Dua dusun berjauhan")

    with pytest.raises(ApplicationError) as refused:
        update(district_officer, second, expected_version=1, duplicate_reason="")

    assert refused.value.field == "duplicate_reason"
    assert "(KDMP Embawang Pertama)" in refused.value.message
    assert Cooperative.objects.get(pk=second.pk).duplicate_reason == "Dua dusun berjauhan"


# --- villages covered by a joint cooperative ------------------------------------------------------------------------


def test_other_villages_of_the_same_regency_may_be_covered(district_officer):
    coop = register(district_officer, covered_villages=[region(PAGAR_DEWA), region(TANJUNG_BULAN)])

    assert set(coop.covered_villages.values_list("code", flat=True)) == {PAGAR_DEWA, TANJUNG_BULAN}


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        (LAHAT_VILLAGE, "Desa Kembang Ayun"),
        (EMBAWANG, "Desa Embawang"),
        ("16.03.01", "Kecamatan Tanjung Agung"),
    ],
    ids=["other-regency", "the-seat", "a-kecamatan"],
)
def test_covered_village_outside_the_regency_or_the_seat_itself_is_refused_and_nothing_saved(
    district_officer, code, shown
):
    with pytest.raises(ApplicationError) as refused:
        register(district_officer, covered_villages=[region(PAGAR_DEWA), region(code)])

    assert refused.value.field == "covered_villages"
    assert refused.value.message == (
        f"{shown} tidak dapat dicakup: koperasi bersama mencakup desa/kelurahan lain di kabupaten/kota yang sama."
    )
    assert not Cooperative.objects.exists()


# --- updating the profile -------------------------------------------------------------------------------------------


def test_update_with_a_stale_version_raises_conflict_and_changes_nothing(district_officer):
    coop = register(district_officer)
    update(district_officer, coop, expected_version=1, phone="0734 421000")

    with pytest.raises(ConflictError) as conflict:
        update(district_officer, coop, expected_version=1, name="KDMP Embawang Baru", phone="")

    saved = Cooperative.objects.get(pk=coop.pk)
    assert (saved.name, saved.phone, saved.version) == ("Koperasi Desa Merah Putih Embawang", "0734 421000", 2)
    assert conflict.value.current.version == 2
    assert saved.history.count() == 2


def test_update_bumps_the_version_and_writes_history_with_the_officer(district_officer):
    coop = register(district_officer)

    updated = update(
        district_officer,
        coop,
        expected_version=1,
        address="Jl. Desa Embawang No. 1",
        simpanan_pokok=100000,
        sk_ahu_date=dt.date(2025, 7, 18),
    )

    saved = Cooperative.objects.get(pk=coop.pk)
    assert updated.version == saved.version == 2
    assert (saved.address, saved.simpanan_pokok) == ("Jl. Desa Embawang No. 1", 100000)
    latest = saved.history.first()
    assert saved.history.count() == 2
    assert latest.history_user == district_officer
    assert latest.version == 2
    assert latest.address == "Jl. Desa Embawang No. 1"


def test_update_with_an_invalid_field_is_refused_on_that_field_and_changes_nothing(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, expected_version=1, npwp="12.345.678")

    assert refused.value.field == "npwp"
    assert refused.value.message == "Hanya angka."
    assert Cooperative.objects.get(pk=coop.pk).version == 1


def test_update_re_checks_the_formation_pattern(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, expected_version=1, pattern=Pattern.PENGEMBANGAN)

    assert refused.value.field == "existing_nik_koperasi"
    assert Cooperative.objects.get(pk=coop.pk).pattern == Pattern.PENDIRIAN_BARU


def test_update_of_covered_villages_outside_the_regency_is_refused_and_rolls_back(district_officer):
    coop = register(district_officer, covered_villages=[region(PAGAR_DEWA)])

    with pytest.raises(ApplicationError):
        update(
            district_officer, coop, expected_version=1, phone="0734 421000", covered_villages=[region(LAHAT_VILLAGE)]
        )

    saved = Cooperative.objects.get(pk=coop.pk)
    assert (saved.phone, saved.version) == ("", 1)
    assert list(saved.covered_villages.values_list("code", flat=True)) == [PAGAR_DEWA]


def test_stage_and_deed_cannot_be_set_through_the_profile(district_officer):
    coop = register(district_officer)

    with pytest.raises(TypeError):
        update(district_officer, coop, expected_version=1, stage="akta", deed_number="12")

    assert Cooperative.objects.get(pk=coop.pk).stage == "belum"


# --- business units -------------------------------------------------------------------------------------------------


def test_business_unit_is_added_as_planned_then_changed_to_running(district_officer):
    coop = register(district_officer)

    planned = services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.PLANNED
    )
    running = services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.RUNNING
    )

    assert running.pk == planned.pk
    assert list(coop.business_units.values_list("kind", "status")) == [("sembako", "running")]
    assert [h.status for h in BusinessUnit.history.filter(id=planned.pk).order_by("history_id")] == [
        "planned",
        "running",
    ]
    assert BusinessUnit.history.filter(id=planned.pk).first().history_user == district_officer


@pytest.mark.parametrize("other_name", ["", "   "])
def test_other_business_unit_needs_a_name(district_officer, other_name):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.business_unit_set(
            actor=district_officer, cooperative=coop, kind=UnitKind.LAINNYA, status="planned", other_name=other_name
        )

    assert refused.value.field == "other_name"
    assert refused.value.message == "Tuliskan nama unit usaha lainnya."
    assert not coop.business_units.exists()


def test_several_other_business_units_are_told_apart_by_name(district_officer):
    coop = register(district_officer)

    services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.LAINNYA, status="planned", other_name="Wisata desa"
    )
    services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.LAINNYA, status="running", other_name=" Penggilingan "
    )

    assert list(coop.business_units.values_list("other_name", "status")) == [
        ("Penggilingan", "running"),
        ("Wisata desa", "planned"),
    ]


def test_other_name_is_dropped_for_a_named_business_unit_kind(district_officer):
    coop = register(district_officer)

    unit = services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.APOTEK, status="planned", other_name="Apotek Sehat"
    )

    assert BusinessUnit.objects.get(pk=unit.pk).other_name == ""


def test_business_unit_status_must_be_planned_or_running(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.business_unit_set(actor=district_officer, cooperative=coop, kind=UnitKind.KLINIK, status="closed")

    assert refused.value.field == "status"
    assert refused.value.message == "Pilih direncanakan atau berjalan."
    assert not coop.business_units.exists()
