"""Rules that do not write: a founder row's problems (all of them, from a context loaded once), the roster rule,
the typed inputs, and the board rules and flags."""

import dataclasses
import datetime as dt

import pytest

from cooperatives import rules, services
from cooperatives.choices import Position
from cooperatives.data import CooperativeProfile, FounderData
from cooperatives.models import MEMBER_FIELDS, PROFILE_FIELDS, Cooperative
from registry.stages import Stage
from tests.cooperatives.builders import BOARD, assign, founder, seat
from tests.factories import EMBAWANG, make_nik

CONTEXT = rules.FounderContext(village_code=EMBAWANG, founding_date=dt.date(2025, 6, 10))
GOOD = FounderData(
    nik=make_nik(birth=dt.date(1985, 5, 12), serial=7),
    full_name="Siti Aminah",
    birth_place="Muara Enim",
    address="Dusun 1",
)


def test_the_input_dataclasses_name_exactly_the_editable_fields():
    assert {f.name for f in dataclasses.fields(CooperativeProfile)} == set(PROFILE_FIELDS)
    assert {f.name for f in dataclasses.fields(FounderData)} == set(MEMBER_FIELDS)


def test_a_good_founder_row_has_no_problem_and_reads_birth_date_and_gender_from_the_nik(django_assert_num_queries):
    with django_assert_num_queries(0):
        check = rules.founder_problems(GOOD, CONTEXT)
    assert check.ok
    assert (check.nik, check.birth_date, check.gender) == (GOOD.nik, dt.date(1985, 5, 12), "L")


def test_every_problem_of_a_row_is_returned_not_only_the_first():
    row = GOOD.changed(full_name="", address="", birth_date=dt.date(1990, 1, 1), gender="P")
    problems = rules.founder_problems(row, CONTEXT).errors
    assert [p.field for p in problems] == ["full_name", "address", "nik", "nik"]
    assert [p.message for p in problems][:2] == ["Tulis nama lengkap pendiri.", "Tulis alamat."]


def test_a_nik_already_in_the_cooperative_is_a_problem_except_for_the_founder_being_edited():
    context = dataclasses.replace(CONTEXT, niks_here={GOOD.nik: 41})
    assert [p.message for p in rules.founder_problems(GOOD, context).errors] == [
        "NIK ini sudah tercatat sebagai pendiri koperasi ini."
    ]
    assert rules.founder_problems(GOOD, context, member_id=41).ok


def test_a_nik_founding_another_active_cooperative_names_only_its_regency():
    context = dataclasses.replace(CONTEXT, niks_elsewhere={GOOD.nik: "Lahat"})
    (problem,) = rules.founder_problems(GOOD, context).errors
    assert problem.field == "nik"
    assert "Lahat" in problem.message


def test_the_age_is_measured_on_the_founding_date_of_the_context():
    young = GOOD.changed(nik=make_nik(birth=dt.date(2008, 7, 1), serial=8))
    assert rules.founder_problems(young, dataclasses.replace(CONTEXT, founding_date=dt.date(2025, 6, 30))).errors
    assert rules.founder_problems(young, dataclasses.replace(CONTEXT, founding_date=dt.date(2025, 7, 1))).ok


@pytest.mark.parametrize(
    ("stage", "is_open"),
    [
        (Stage.BELUM, True),
        (Stage.MUSDESUS, True),
        (Stage.RAPAT_PENDIRIAN, False),
        (Stage.AKTA, False),
        (Stage.OPERASIONAL, False),
    ],
)
def test_the_roster_is_open_until_the_founding_meeting_stage(stage, is_open):
    assert rules.roster_is_open(Cooperative(stage=stage)) is is_open


# --- the board ------------------------------------------------------------------------------------------------------


in_indonesian = pytest.mark.usefixtures("indonesian")  # the board rules word their findings for the officer
# builders.FOUNDERS: 0 Siti Aminah (P), 1 Budi Santoso, 2 Rahmat Hidayat, 3 Dewi Lestari (P), 4 Agus Salim,
# 5 Nur Aini (P), 6 Joko Prasetyo, 7 Sri Wahyuni (P), 8 Hendra Gunawan; each in their own dusun.
MEN = [1, 2, 4, 6, 8]


# --- board_problems -------------------------------------------------------------------------------------------------


@in_indonesian
def test_board_with_the_five_required_positions_has_no_problem(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)

    assert rules.board_problems(officers) == []


@in_indonesian
def test_board_of_four_is_too_small_and_names_the_empty_position(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3], BOARD[:4])

    assert rules.board_problems(officers) == [
        "Jabatan pengurus yang belum terisi: Bendahara.",
        "Pengurus berjumlah 4 orang; minimal 5 orang.",
    ]


@in_indonesian
def test_board_of_six_is_not_an_odd_number(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4, 5], [*BOARD, Position.ANGGOTA_PENGURUS])

    assert rules.board_problems(officers) == ["Pengurus berjumlah 6 orang; jumlahnya harus ganjil."]


@in_indonesian
def test_board_of_seven_is_fine(district_officer, coop, members):
    officers = seat(
        district_officer,
        coop,
        members,
        [0, 1, 2, 3, 4, 5, 6],
        [*BOARD, Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGURUS],
    )

    assert rules.board_problems(officers) == []


@in_indonesian
def test_five_people_without_secretary_and_treasurer_list_both_positions(district_officer, coop, members):
    officers = seat(
        district_officer,
        coop,
        members,
        [0, 1, 2, 3, 4],
        [*BOARD[:3], Position.ANGGOTA_PENGURUS, Position.ANGGOTA_PENGURUS],
    )

    assert rules.board_problems(officers) == ["Jabatan pengurus yang belum terisi: Sekretaris, Bendahara."]


@in_indonesian
def test_supervisors_do_not_count_as_board_members(district_officer, coop, members):
    officers = [
        *seat(district_officer, coop, members, [0, 1, 2, 3], BOARD[:4]),
        assign(district_officer, coop, Position.KETUA_PENGAWAS, name="H. Sulaiman"),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, members[5]),
    ]

    assert "Pengurus berjumlah 4 orang; minimal 5 orang." in rules.board_problems(officers)


@in_indonesian
def test_no_board_at_all_lists_every_position_and_the_size():
    assert rules.board_problems([]) == [
        "Jabatan pengurus yang belum terisi: Ketua, Wakil ketua bidang usaha, Wakil ketua bidang keanggotaan, "
        "Sekretaris, Bendahara.",
        "Pengurus berjumlah 0 orang; minimal 5 orang.",
    ]


# --- board_flags ----------------------------------------------------------------------------------------------------


@in_indonesian
def test_all_male_board_is_flagged_but_not_blocking(district_officer, coop, members):
    officers = seat(district_officer, coop, members, MEN, BOARD)

    assert rules.board_flags(officers) == ["Tidak ada perempuan di kepengurusan."]
    assert rules.board_problems(officers) == []


@in_indonesian
def test_board_with_a_woman_is_not_flagged(district_officer, coop, members):
    officers = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)

    assert rules.board_flags(officers) == []


@in_indonesian
def test_women_only_among_the_supervisors_still_flags_the_board(district_officer, coop, members):
    officers = [
        *seat(district_officer, coop, members, MEN, BOARD),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, members[0]),
    ]

    assert rules.board_flags(officers) == ["Tidak ada perempuan di kepengurusan."]


def relatives(officer, coop, second_address="Dusun 3", second_rt="001", second_rw="002"):
    """Two founders named … Santoso, the second at the given address; returns both."""
    first, _ = services.founding_member_add(
        actor=officer,
        cooperative=coop,
        founder=founder(
            make_nik(birth=dt.date(1970, 1, 5), serial=101), "Ahmad Santoso", address="Dusun 3", rt="001", rw="002"
        ),
    )
    second, _ = services.founding_member_add(
        actor=officer,
        cooperative=coop,
        founder=founder(
            make_nik(birth=dt.date(1995, 8, 20), gender="P", serial=102),
            "Rina Santoso",
            address=second_address,
            rt=second_rt,
            rw=second_rw,
        ),
    )
    return first, second


@in_indonesian
@pytest.mark.parametrize("second_address", ["Dusun 3", "  dusun   3 "])
def test_officers_with_the_same_surname_and_address_are_flagged(district_officer, coop, members, second_address):
    father, daughter = relatives(district_officer, coop, second_address=second_address)
    officers = [
        assign(district_officer, coop, Position.KETUA, father),
        assign(district_officer, coop, Position.BENDAHARA, daughter),
        *seat(district_officer, coop, members, [0, 1, 2], BOARD[1:4]),
    ]

    assert rules.board_flags(officers) == [
        "Ahmad Santoso, Rina Santoso memiliki nama belakang dan alamat yang sama: pengurus dan pengawas tidak boleh "
        "memiliki hubungan keluarga dekat."
    ]
    assert rules.board_problems(officers) == []


@in_indonesian
def test_a_board_member_and_a_supervisor_of_one_family_are_flagged(district_officer, coop, members):
    father, daughter = relatives(district_officer, coop)
    officers = [
        assign(district_officer, coop, Position.KETUA, father),
        assign(district_officer, coop, Position.ANGGOTA_PENGAWAS, daughter),
    ]

    assert rules.board_flags(officers) == [
        "Tidak ada perempuan di kepengurusan.",  # the daughter sits among the supervisors
        "Ahmad Santoso, Rina Santoso memiliki nama belakang dan alamat yang sama: pengurus dan pengawas tidak boleh "
        "memiliki hubungan keluarga dekat.",
    ]


@in_indonesian
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

    assert rules.board_flags(officers) == []
