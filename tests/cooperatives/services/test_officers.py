"""cooperatives.services.officers: seating founders and the kepala desa on the board and the supervisors
(officer_assign), removing a seat (officer_remove), and the lock from the founding meeting on."""

import pytest
from django.db import IntegrityError, transaction

from cooperatives import services
from cooperatives.choices import Body, Position
from cooperatives.models import Officer
from registry.errors import ApplicationError
from tests.cooperatives.builders import (
    BOARD,
    add_founders,
    assign,
    register,
    seat,
    with_founding_meeting,
    with_musdesus,
)

PAGAR_DEWA = "16.03.01.2012"
NOT_FROM_FOUNDERS = "Pengurus dan pengawas dipilih dari para pendiri."

pytestmark = pytest.mark.usefixtures("indonesian")


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


def test_board_is_locked_from_the_founding_meeting_stage(district_officer, founded):
    coop = founded
    chair = coop.officers.get(position=Position.KETUA)
    seatless = coop.members.filter(seats__isnull=True).first()
    seats = list(coop.officers.order_by("pk").values_list("pk", "position", "member", "name"))

    with pytest.raises(ApplicationError) as on_remove:
        services.officer_remove(actor=district_officer, officer=chair)
    with pytest.raises(ApplicationError) as on_assign:
        assign(district_officer, coop, Position.ANGGOTA_PENGURUS, seatless)

    locked = (
        "Daftar pendiri sudah ditetapkan pada rapat pendirian. Untuk mengubahnya, koreksi dulu tahap kembali ke "
        "Musdesus dengan alasan."
    )
    assert on_remove.value.message == on_assign.value.message == locked
    assert list(coop.officers.order_by("pk").values_list("pk", "position", "member", "name")) == seats


def test_board_lock_holds_for_an_officer_loaded_before_the_founding_meeting_stage(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    chair, *_others = seat(district_officer, coop, members, [0, 1, 2, 3, 4], BOARD)
    assign(district_officer, coop, Position.KETUA_PENGAWAS, name="H. Sulaiman")
    with_founding_meeting(district_officer, coop)

    with pytest.raises(ApplicationError):
        services.officer_remove(actor=district_officer, officer=chair)

    assert coop.officers.filter(position=Position.KETUA).exists()
