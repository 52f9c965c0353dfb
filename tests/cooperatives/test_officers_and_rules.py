"""Board and supervisors: officer_assign/officer_remove, and the rules that judge a board (cooperatives.rules).

Messages are asserted in Indonesian (locale/id), the language officers read; it is activated explicitly because
outside a request nothing else does.
"""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from cooperatives import services
from cooperatives.models import Body, Officer, Position
from cooperatives.rules import board_flags, board_problems
from registry.errors import ApplicationError
from tests.cooperatives.builders import BOARD, add_founders, founded, register, with_founding_meeting, with_musdesus
from tests.factories import make_nik

PAGAR_DEWA = "16.03.01.2012"
NOT_FROM_FOUNDERS = "Pengurus dan pengawas dipilih dari para pendiri."
# builders.FOUNDERS: 0 Siti Aminah (P), 1 Budi Santoso, 2 Rahmat Hidayat, 3 Dewi Lestari (P), 4 Agus Salim,
# 5 Nur Aini (P), 6 Joko Prasetyo, 7 Sri Wahyuni (P), 8 Hendra Gunawan; each in their own dusun.
MEN = [1, 2, 4, 6, 8]


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture
def coop(district_officer):
    return register(district_officer)


@pytest.fixture
def members(district_officer, coop):
    return add_founders(district_officer, coop)


def assign(officer, coop, position, member=None, name=""):
    return services.officer_assign(actor=officer, cooperative=coop, position=position, member=member, name=name)


def seat(officer, coop, members, indices, positions):
    """Seat members[i] in positions[k] for the paired lists; returns the officers in that order."""
    return [assign(officer, coop, p, members[i]) for i, p in zip(indices, positions, strict=True)]


# --- officer_assign -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "body"),
    [
        (Position.KETUA, Body.PENGURUS),
        (Position.BENDAHARA, Body.PENGURUS),
        (Position.ANGGOTA_PENGURUS, Body.PENGURUS),
        (Position.ANGGOTA_PENGAWAS, Body.PENGAWAS),
    ],
)
def test_a_founder_is_seated_in_the_body_of_the_position(district_officer, coop, members, position, body):
    officer = assign(district_officer, coop, position, members[0])

    saved = Officer.objects.get(pk=officer.pk)
    assert (saved.body, saved.position, saved.member) == (body, position, members[0])
    assert saved.history.get().history_user == district_officer


def test_a_founder_of_another_cooperative_cannot_sit_on_this_board(district_officer, coop, members):
    other = register(district_officer, PAGAR_DEWA)
    outsider = add_founders(district_officer, other, count=1, serial_offset=50)[0]

    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, Position.KETUA, outsider)

    assert refused.value.field == "member"
    assert refused.value.message == "Orang ini bukan pendiri koperasi ini."
    assert not Officer.objects.exists()


@pytest.mark.parametrize("position", [Position.KETUA, Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGAWAS])
def test_a_seat_other_than_the_supervisors_chair_needs_a_founder(district_officer, coop, members, position):
    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, position, name="Pak Lurah")

    assert refused.value.field == "member"
    assert refused.value.message == NOT_FROM_FOUNDERS
    assert not Officer.objects.exists()


@pytest.mark.parametrize("name", ["", "   "])
def test_chair_of_the_supervisors_needs_the_kepala_desa_name(district_officer, coop, name):
    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, Position.KETUA_PENGAWAS, name=name)

    assert refused.value.field == "name"
    assert refused.value.message == "Ketua pengawas dijabat kepala desa: tuliskan nama kepala desa."
    assert not Officer.objects.exists()


def test_chair_of_the_supervisors_is_the_kepala_desa_by_name(district_officer, coop):
    officer = assign(district_officer, coop, Position.KETUA_PENGAWAS, name="  H. Sulaiman ")

    saved = Officer.objects.get(pk=officer.pk)
    assert (saved.body, saved.member, saved.name, saved.display_name) == (
        Body.PENGAWAS,
        None,
        "H. Sulaiman",
        "H. Sulaiman",
    )


def test_unknown_position_is_refused(district_officer, coop, members):
    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, "bendahara_umum", members[0])

    assert refused.value.field == "position"
    assert refused.value.message == "Pilih jabatan."


def test_second_chair_is_refused_naming_the_holder(district_officer, coop, members):
    assign(district_officer, coop, Position.KETUA, members[0])

    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, Position.KETUA, members[1])

    assert refused.value.field == "position"
    assert refused.value.message == "Ketua sudah dijabat Siti Aminah. Lepaskan jabatan itu dahulu."
    assert list(coop.officers.values_list("member__full_name", flat=True)) == ["Siti Aminah"]


def test_second_chair_of_the_supervisors_is_refused_naming_the_kepala_desa(district_officer, coop):
    assign(district_officer, coop, Position.KETUA_PENGAWAS, name="H. Sulaiman")

    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, Position.KETUA_PENGAWAS, name="Drs. Anwar")

    assert refused.value.message == "Ketua pengawas sudah dijabat H. Sulaiman. Lepaskan jabatan itu dahulu."
    assert coop.officers.count() == 1


def test_several_board_members_and_supervisors_may_be_seated(district_officer, coop, members):
    seat(
        district_officer,
        coop,
        members,
        [0, 1, 2, 3],
        [Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGAWAS, Position.ANGGOTA_PENGAWAS],
    )

    assert coop.officers.count() == 4


@pytest.mark.parametrize("second", [Position.SEKRETARIS, Position.ANGGOTA_PENGAWAS])
def test_a_founder_holds_one_seat_only(district_officer, coop, members, second):
    assign(district_officer, coop, Position.KETUA, members[0])

    with pytest.raises(ApplicationError) as refused:
        assign(district_officer, coop, second, members[0])

    assert refused.value.field == "member"
    assert refused.value.message == "Siti Aminah sudah memegang jabatan."
    assert coop.officers.count() == 1


def test_database_refuses_a_second_holder_of_a_single_position(coop, members):
    Officer.objects.create(cooperative=coop, body=Body.PENGURUS, position=Position.KETUA, member=members[0])

    with pytest.raises(IntegrityError), transaction.atomic():
        Officer.objects.create(cooperative=coop, body=Body.PENGURUS, position=Position.KETUA, member=members[1])

    assert coop.officers.count() == 1


def test_officer_is_removed_with_history(district_officer, coop, members):
    officer = assign(district_officer, coop, Position.KETUA, members[0])
    pk = officer.pk

    services.officer_remove(actor=district_officer, officer=officer)

    assert not coop.officers.exists()
    assert Officer.history.filter(id=pk, history_type="-").get().history_user == district_officer


def test_board_is_locked_from_the_founding_meeting_stage(district_officer):
    coop = founded(district_officer)
    chair = coop.officers.get(position=Position.KETUA)
    seatless = coop.members.filter(seats__isnull=True).first()

    with pytest.raises(ApplicationError) as on_remove:
        services.officer_remove(actor=district_officer, officer=chair)
    with pytest.raises(ApplicationError) as on_assign:
        assign(district_officer, coop, Position.ANGGOTA_PENGURUS, seatless)

    locked = (
        "Daftar pendiri sudah ditetapkan pada rapat pendirian. Untuk mengubahnya, koreksi dulu tahap kembali ke "
        "Musdesus dengan alasan."
    )
    assert on_remove.value.message == on_assign.value.message == locked
    assert coop.officers.count() == 6


def test_board_lock_holds_for_an_officer_loaded_before_the_founding_meeting_stage(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    chair, *_others = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)
    assign(district_officer, coop, Position.KETUA_PENGAWAS, name="H. Sulaiman")
    with_founding_meeting(district_officer, coop)

    with pytest.raises(ApplicationError):
        services.officer_remove(actor=district_officer, officer=chair)

    assert coop.officers.filter(position=Position.KETUA).exists()


# --- board_problems -------------------------------------------------------------------------------------------------


def test_board_with_the_five_required_positions_has_no_problem(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)

    assert board_problems(officers) == []


def test_board_of_four_is_too_small_and_names_the_empty_position(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3], BOARD[:4])

    assert board_problems(officers) == [
        "Jabatan pengurus yang belum terisi: Bendahara.",
        "Pengurus berjumlah 4 orang; minimal 5 orang.",
    ]


def test_board_of_six_is_not_an_odd_number(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4, 5], [*BOARD, Position.ANGGOTA_PENGURUS])

    assert board_problems(officers) == ["Pengurus berjumlah 6 orang; jumlahnya harus ganjil."]


def test_board_of_seven_is_fine(district_officer, coop, members):
    officers = seat(
        district_officer,
        coop,
        members,
        [0, 1, 2, 3, 4, 5, 6],
        [*BOARD, Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGURUS],
    )

    assert board_problems(officers) == []


def test_five_people_without_secretary_and_treasurer_list_both_positions(district_officer, coop, members):
    officers = seat(
        district_officer,
        coop,
        members,
        [0, 1, 2, 3, 4],
        [*BOARD[:3], Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGURUS],
    )

    assert board_problems(officers) == ["Jabatan pengurus yang belum terisi: Sekretaris, Bendahara."]


def test_supervisors_do_not_count_as_board_members(district_officer, coop, members):
    officers = [
        *seat(district_officer, coop, members, [0, 1, 2, 3], BOARD[:4]),
        assign(district_officer, coop, Position.KETUA_PENGAWAS, name="H. Sulaiman"),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, members[5]),
    ]

    assert "Pengurus berjumlah 4 orang; minimal 5 orang." in board_problems(officers)


def test_no_board_at_all_lists_every_position_and_the_size():
    assert board_problems([]) == [
        "Jabatan pengurus yang belum terisi: Ketua, Wakil ketua bidang usaha, Wakil ketua bidang keanggotaan, "
        "Sekretaris, Bendahara.",
        "Pengurus berjumlah 0 orang; minimal 5 orang.",
    ]


# --- board_flags ----------------------------------------------------------------------------------------------------


def test_all_male_board_is_flagged_but_not_blocking(district_officer, coop, members):
    officers = seat(district_officer, coop, members, MEN, BOARD)

    assert board_flags(officers) == ["Tidak ada perempuan di kepengurusan."]
    assert board_problems(officers) == []


def test_board_with_a_woman_is_not_flagged(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)

    assert board_flags(officers) == []


def test_women_only_among_the_supervisors_still_flags_the_board(district_officer, coop, members):
    officers = [
        *seat(district_officer, coop, members, MEN, BOARD),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, members[0]),
    ]

    assert board_flags(officers) == ["Tidak ada perempuan di kepengurusan."]


def relatives(officer, coop, second_address="Dusun 3", second_rt="001", second_rw="002"):
    """Two founders named … Santoso, the second at the given address; returns both."""
    common = {"birth_place": "Muara Enim", "birth_date": None, "gender": "", "rt": "001", "rw": "002"}
    first, _ = services.founding_member_add(
        actor=officer,
        cooperative=coop,
        nik=make_nik(birth=dt.date(1970, 1, 5), serial=101),
        full_name="Ahmad Santoso",
        address="Dusun 3",
        **common,
    )
    second, _ = services.founding_member_add(
        actor=officer,
        cooperative=coop,
        nik=make_nik(birth=dt.date(1995, 8, 20), gender="P", serial=102),
        full_name="Rina Santoso",
        **{**common, "address": second_address, "rt": second_rt, "rw": second_rw},
    )
    return first, second


@pytest.mark.parametrize("second_address", ["Dusun 3", "  dusun   3 "])
def test_officers_with_the_same_surname_and_address_are_flagged(district_officer, coop, members, second_address):
    father, daughter = relatives(district_officer, coop, second_address=second_address)
    officers = [
        assign(district_officer, coop, Position.KETUA, father),
        assign(district_officer, coop, Position.BENDAHARA, daughter),
        *seat(district_officer, coop, members, [0, 1, 2], BOARD[1:4]),
    ]

    assert board_flags(officers) == [
        "Ahmad Santoso, Rina Santoso memiliki nama belakang dan alamat yang sama: pengurus dan pengawas tidak boleh "
        "memiliki hubungan keluarga dekat."
    ]
    assert board_problems(officers) == []


def test_a_board_member_and_a_supervisor_of_one_family_are_flagged(district_officer, coop, members):
    father, daughter = relatives(district_officer, coop)
    officers = [
        assign(district_officer, coop, Position.KETUA, father),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, daughter),
    ]

    assert board_flags(officers) == [
        "Tidak ada perempuan di kepengurusan.",  # the daughter sits among the supervisors
        "Ahmad Santoso, Rina Santoso memiliki nama belakang dan alamat yang sama: pengurus dan pengawas tidak boleh "
        "memiliki hubungan keluarga dekat.",
    ]


@pytest.mark.parametrize(
    "different",
    [{"second_address": "Dusun 4"}, {"second_rt": "002"}, {"second_rw": "003"}],
    ids=["address", "rt", "rw"],
)
def test_same_surname_at_another_address_is_not_flagged(district_officer, coop, different):
    first, second = relatives(district_officer, coop, **different)
    officers = [
        assign(district_officer, coop, Position.KETUA, first),
        assign(district_officer, coop, Position.BENDAHARA, second),
    ]

    assert board_flags(officers) == []
