"""cooperatives.services.members: NIK checks, one founder per NIK, versions, history, the locked roster, the log of
full-NIK showings."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from cooperatives import services
from cooperatives.choices import MeetingKind, Position
from cooperatives.models import Cooperative, FoundingMember, NikView, mask_nik
from cooperatives.services import ConflictError
from registry.errors import ApplicationError
from tests.cooperatives.builders import (
    add_founders,
    founder,
    register,
    update_founder,
    with_board,
    with_founding_meeting,
    with_musdesus,
)
from tests.factories import LAHAT_VILLAGE, FoundingMemberFactory, make_nik

PAGAR_DEWA = "16.03.01.2012"  # another desa of Kecamatan Tanjung Agung, Muara Enim
ROSTER_LOCKED = (
    "Daftar pendiri sudah ditetapkan pada rapat pendirian. Untuk mengubahnya, koreksi dulu tahap kembali ke Musdesus "
    "dengan alasan."
)
SAME_COOPERATIVE = "NIK ini sudah tercatat sebagai pendiri koperasi ini."

pytestmark = pytest.mark.usefixtures("indonesian")


def add(officer, coop, **overrides):
    """Add Siti Aminah (born 14 March 1980, NIK 1603015403800001), with `overrides` to her particulars."""
    fields = {
        "nik": make_nik(birth=dt.date(1980, 3, 14), gender="P"),
        "birth_date": dt.date(1980, 3, 14),
        "gender": "P",
        "rt": "001",
        "rw": "002",
        **overrides,
    }
    return services.founding_member_add(actor=officer, cooperative=coop, founder=founder(**fields))


# --- adding ---------------------------------------------------------------------------------------------------------


def test_valid_founder_is_added_without_warnings(district_officer, coop):
    member, warnings = add(district_officer, coop)

    assert warnings == []
    saved = FoundingMember.objects.get(pk=member.pk)
    assert saved.cooperative == coop
    assert saved.full_name == "Siti Aminah"
    assert saved.nik == make_nik(birth=dt.date(1980, 3, 14), gender="P")
    assert saved.version == 1


def test_founder_with_a_nik_from_another_regency_is_saved_with_a_warning(district_officer, coop):
    member, warnings = add(
        district_officer, coop, nik=make_nik(regency="16.04", birth=dt.date(1980, 3, 14), gender="P")
    )

    assert warnings == [
        "NIK ini diterbitkan di Kabupaten Lahat (16.04), bukan di Kabupaten Muara Enim; pendiri tetap dapat dicatat."
    ]
    assert FoundingMember.objects.filter(pk=member.pk, nik="1604015403800001").exists()


@pytest.mark.parametrize("typed", ["1603 0154 0380 0001", "1603.0154.0380-0001", " 1603015403800001 "])
def test_nik_typed_with_separators_is_saved_as_16_digits(district_officer, coop, typed):
    member, _warnings = add(district_officer, coop, nik=typed)

    assert FoundingMember.objects.get(pk=member.pk).nik == "1603015403800001"


def test_birth_date_and_gender_are_taken_from_the_nik_when_not_typed(district_officer, coop):
    member, _warnings = add(
        district_officer, coop, nik=make_nik(birth=dt.date(1990, 3, 14), gender="P"), birth_date=None, gender=""
    )

    saved = FoundingMember.objects.get(pk=member.pk)
    assert saved.birth_date == dt.date(1990, 3, 14)
    assert saved.gender == "P"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"nik": "12345"}, "NIK harus 16 digit angka (spasi, titik, dan tanda hubung diabaikan); yang diisi 5 digit."),
        (
            {"nik": "1603019903800001"},
            "Digit ke-7 sampai 12 NIK (990380) bukan tanggal lahir yang benar (untuk perempuan tanggal ditambah 40).",
        ),
        ({"nik": "1603015403800000"}, "Empat digit terakhir NIK (nomor urut) tidak boleh 0000."),
        ({"birth_date": dt.date(1980, 3, 15)}, "Tanggal lahir tidak sesuai dengan NIK, yang berisi 14 Maret 1980."),
        ({"gender": "L"}, "Jenis kelamin tidak sesuai dengan NIK, yang berisi perempuan."),
    ],
    ids=["length", "birth-date", "serial", "typed-date", "typed-gender"],
)
def test_wrong_nik_is_refused_on_the_nik_field_and_nothing_is_saved(district_officer, coop, overrides, message):
    with pytest.raises(ApplicationError) as refused:
        add(district_officer, coop, **overrides)

    assert refused.value.field == "nik"
    assert refused.value.message == message
    assert not FoundingMember.objects.exists()


def test_founder_younger_than_17_on_the_recorded_founding_meeting_date_is_refused(district_officer, coop):
    services.meeting_record(
        actor=district_officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=dt.date(2025, 6, 10),
        place="Balai Desa",
        attendance=40,
    )

    with pytest.raises(ApplicationError) as refused:
        add(district_officer, coop, nik=make_nik(birth=dt.date(2008, 6, 11)), birth_date=None, gender="")

    assert refused.value.message == "Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (10 Juni 2025)."
    assert not coop.members.exists()


@pytest.mark.parametrize("second", ["1603015403800001", "1603 0154 0380 0001"])
def test_same_nik_twice_in_one_cooperative_is_refused(district_officer, coop, second):
    add(district_officer, coop)

    with pytest.raises(ApplicationError) as refused:
        add(district_officer, coop, nik=second, full_name="Siti Aminah Lain")

    assert refused.value.field == "nik"
    assert refused.value.message == SAME_COOPERATIVE
    assert coop.members.count() == 1


def test_database_refuses_the_same_nik_twice_in_one_cooperative(coop):
    FoundingMemberFactory(cooperative=coop, nik="1603011205850001")

    with pytest.raises(IntegrityError), transaction.atomic():
        FoundingMemberFactory(cooperative=coop, nik="1603011205850001")

    assert coop.members.count() == 1


@pytest.mark.parametrize(
    ("village", "officer", "regency"),
    [
        (LAHAT_VILLAGE, "other_district_officer", "Kabupaten Lahat"),
        (PAGAR_DEWA, "district_officer", "Kabupaten Muara Enim"),
    ],
)
def test_founder_of_another_active_cooperative_is_refused_naming_only_its_regency(
    request, district_officer, coop, village, officer, regency
):
    other_officer = request.getfixturevalue(officer)
    other = register(other_officer, village)
    add(other_officer, other)

    with pytest.raises(ApplicationError) as refused:
        add(district_officer, coop)

    assert refused.value.field == "nik"
    assert refused.value.message == f"NIK ini sudah menjadi pendiri koperasi aktif di {regency}."
    assert other.name not in refused.value.message
    assert other.village.name not in refused.value.message
    assert not coop.members.exists()


def test_founder_of_an_inactive_cooperative_may_found_another(district_officer, other_district_officer, coop):
    other = register(other_district_officer, LAHAT_VILLAGE)
    add(other_district_officer, other)
    Cooperative.objects.filter(pk=other.pk).update(is_active=False)

    member, _warnings = add(district_officer, coop)

    assert coop.members.get() == member
    assert FoundingMember.objects.filter(nik=member.nik).count() == 2


def test_unknown_member_field_is_a_programming_error(district_officer, coop):
    with pytest.raises(TypeError):
        add(district_officer, coop, cooperative_id=999)


# --- updating -------------------------------------------------------------------------------------------------------


def test_update_with_a_stale_version_raises_conflict_and_changes_nothing(district_officer, coop):
    member, _ = add(district_officer, coop)
    update_founder(district_officer, member, expected_version=1, occupation="Petani")

    with pytest.raises(ConflictError) as conflict:
        update_founder(district_officer, member, expected_version=1, full_name="Siti A.")

    saved = FoundingMember.objects.get(pk=member.pk)
    assert saved.full_name == "Siti Aminah"
    assert saved.occupation == "Petani"
    assert saved.version == 2
    assert conflict.value.current.version == 2
    assert (
        conflict.value.message == "Orang lain sudah menyimpan data ini setelah Anda membukanya. Tidak ada yang ditimpa."
    )


def test_update_with_the_current_version_saves_bumps_the_version_and_records_history(district_officer, coop):
    member, _ = add(district_officer, coop)

    updated, warnings = update_founder(
        district_officer, member, expected_version=1, full_name="  Siti Aminah Lubis ", rt="003"
    )

    saved = FoundingMember.objects.get(pk=member.pk)
    assert warnings == []
    assert (saved.full_name, saved.rt, saved.version) == ("Siti Aminah Lubis", "003", 2)
    assert updated.version == 2
    assert saved.history.count() == 2
    assert saved.history.first().full_name == "Siti Aminah Lubis"


def test_update_runs_the_nik_checks_again(district_officer, coop):
    member, _ = add(district_officer, coop)

    with pytest.raises(ApplicationError) as refused:
        update_founder(district_officer, member, expected_version=1, gender="L")

    assert refused.value.message == "Jenis kelamin tidak sesuai dengan NIK, yang berisi perempuan."
    assert FoundingMember.objects.get(pk=member.pk).version == 1


def test_update_to_a_nik_already_in_the_cooperative_is_refused(district_officer, coop):
    add(district_officer, coop)
    other, _ = add(district_officer, coop, nik=make_nik(serial=2), birth_date=None, gender="", full_name="Budi")

    with pytest.raises(ApplicationError) as refused:
        update_founder(district_officer, other, expected_version=1, nik="1603015403800001", birth_date=None, gender="")

    assert refused.value.message == SAME_COOPERATIVE
    assert FoundingMember.objects.get(pk=other.pk).nik == make_nik(serial=2)


# --- removing -------------------------------------------------------------------------------------------------------


def test_founder_without_a_seat_is_removed(district_officer, coop):
    member, _ = add(district_officer, coop)
    pk = member.pk

    services.founding_member_remove(actor=district_officer, member=member)

    assert not coop.members.exists()
    assert FoundingMember.history.filter(id=pk, history_type="-").get().history_user == district_officer


def test_founder_holding_a_seat_cannot_be_removed(district_officer, coop):
    member, _ = add(district_officer, coop)
    services.officer_assign(actor=district_officer, cooperative=coop, position=Position.KETUA, member=member)

    with pytest.raises(ApplicationError) as refused:
        services.founding_member_remove(actor=district_officer, member=member)

    assert refused.value.message == "Pendiri ini menjabat sebagai pengurus atau pengawas: lepaskan jabatannya dahulu."
    assert coop.members.filter(pk=member.pk).exists()


# --- the roster is fixed at the founding meeting --------------------------------------------------------------------


def _add_new(officer, member):
    return add(officer, member.cooperative, nik=make_nik(serial=99), birth_date=None, gender="", full_name="Baru")


def _update(officer, member):
    return update_founder(officer, member, expected_version=member.version, occupation="Petani")


def _remove(officer, member):
    return services.founding_member_remove(actor=officer, member=member)


@pytest.mark.parametrize("change", [_add_new, _update, _remove], ids=["add", "update", "remove"])
def test_roster_is_locked_from_the_founding_meeting_stage(district_officer, founded, change):
    coop = founded
    seatless = FoundingMember.objects.filter(cooperative=coop, seats__isnull=True).first()
    before = list(coop.members.order_by("pk").values_list("pk", "occupation", "version"))

    with pytest.raises(ApplicationError) as refused:
        change(district_officer, seatless)

    assert refused.value.message == ROSTER_LOCKED
    assert list(coop.members.order_by("pk").values_list("pk", "occupation", "version")) == before


def test_roster_opens_again_after_a_correction_back_to_musdesus(district_officer, founded):
    coop = founded
    services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage="musdesus", reason="Satu pendiri salah dicatat"
    )
    seatless = FoundingMember.objects.filter(cooperative=coop, seats__isnull=True).first()

    services.founding_member_remove(actor=district_officer, member=seatless)

    assert coop.members.count() == 8


def test_roster_lock_holds_for_a_member_loaded_before_the_founding_meeting_stage(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    with_board(district_officer, coop, members)
    with_founding_meeting(district_officer, coop)
    loaded_earlier = members[-1]  # no seat: the board took the first five

    with pytest.raises(ApplicationError) as refused:
        services.founding_member_remove(actor=district_officer, member=loaded_earlier)

    assert refused.value.message == ROSTER_LOCKED
    assert coop.members.count() == 9


# --- personal data: masking and the NIK view log --------------------------------------------------------------------


def test_masked_nik_keeps_the_serial_only(district_officer, coop):
    """Issue 7 B: the regency of issue is no longer shown (with the birth date and the village's kecamatan, the
    first twelve digits could be rebuilt)."""
    member, _ = add(district_officer, coop)

    assert member.masked_nik == "••••••••••••0001"


@pytest.mark.parametrize(("nik", "masked"), [("1603015208900012", "••••••••••••0012"), ("12345", "•••••"), ("", "")])
def test_mask_nik_hides_everything_of_a_malformed_number(nik, masked):
    assert mask_nik(nik) == masked


def test_nik_view_is_logged_with_a_masked_label(district_officer, coop):
    member, _ = add(district_officer, coop)

    view = services.nik_view_record(actor=district_officer, member=member)

    saved = NikView.objects.get(pk=view.pk)
    assert (saved.user, saved.member, saved.cooperative_id) == (district_officer, member, coop.pk)
    assert saved.member_label == "Siti Aminah (••••••••••••0001)"
    assert "••••••••••••" in saved.member_label
    assert member.nik not in saved.member_label


def test_every_change_to_a_founder_records_the_officer_in_history(district_officer, coop):
    member, _ = add(district_officer, coop)
    update_founder(district_officer, member, expected_version=1, occupation="Petani")

    rows = list(FoundingMember.history.filter(id=member.pk).order_by("history_id"))

    assert [row.history_type for row in rows] == ["+", "~"]
    assert [row.history_user for row in rows] == [district_officer, district_officer]
