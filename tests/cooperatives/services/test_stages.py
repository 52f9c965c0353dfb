"""cooperatives.services.stages: moving forward (advance, the verified deed), corrections back, and the stage names."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import translation

from cooperatives import services
from cooperatives.choices import MeetingKind, Pattern
from cooperatives.models import Cooperative, StageTransition
from cooperatives.services import ConflictError
from registry.errors import ApplicationError
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, cooperative_at, register, update, with_board, with_musdesus
from tests.factories import pdf_file

MUSDESUS_DATE = dt.date(2025, 5, 20)  # builders.with_musdesus
FOUNDING_DATE = dt.date(2025, 6, 10)  # builders.founded
DEED_DATE = dt.date(2025, 7, 1)  # builders.cooperative_at

pytestmark = pytest.mark.usefixtures("indonesian", "media")


def fresh(coop: Cooperative) -> Cooperative:
    return Cooperative.objects.get(pk=coop.pk)


def advance(officer, coop, **kwargs):
    return services.cooperative_advance(actor=officer, cooperative=coop, **kwargs)


def meeting(officer, coop, kind=MeetingKind.MUSDESUS, date=MUSDESUS_DATE, place="Balai Desa", attendance=120, **kw):
    return services.meeting_record(
        actor=officer, cooperative=coop, kind=kind, date=date, place=place, attendance=attendance, **kw
    )


def upload(officer, coop, kind):
    return services.document_upload(actor=officer, cooperative=coop, kind=kind, file=pdf_file())


def refusal(officer, coop, **kwargs) -> ApplicationError:
    with pytest.raises(ApplicationError) as refused:
        advance(officer, coop, **kwargs)
    return refused.value


# --- belum → musdesus -----------------------------------------------------------------------------------------------


def test_musdesus_stage_is_refused_without_a_recorded_musdesus(district_officer):
    coop = register(district_officer)

    refused = refusal(district_officer, coop)

    assert (
        refused.message == "Belum dapat maju ke “Musdesus terlaksana”: Catat Musdesus (tanggal, tempat, jumlah hadir)."
    )
    assert fresh(coop).stage == Stage.BELUM
    assert not StageTransition.objects.exists()


def test_musdesus_stage_is_refused_while_its_minutes_are_missing(district_officer):
    coop = register(district_officer)
    meeting(district_officer, coop)

    refused = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Musdesus terlaksana”: Unggah berita acara Musdesus (PDF)."
    assert fresh(coop).stage == Stage.BELUM


def test_musdesus_stage_is_reached_once_the_minutes_are_uploaded(district_officer):
    coop = register(district_officer)
    meeting(district_officer, coop, minutes=pdf_file())

    moved = advance(district_officer, coop)

    saved = fresh(coop)
    assert (moved.stage, saved.stage, saved.version) == (Stage.MUSDESUS, Stage.MUSDESUS, 2)
    transition = StageTransition.objects.get()
    assert (transition.from_stage, transition.to_stage, transition.actor) == ("belum", "musdesus", district_officer)
    assert (transition.is_correction, transition.reason) == (False, "")
    assert saved.history.first().history_user == district_officer


def test_revitalisation_also_needs_the_dinas_assessment_before_musdesus(district_officer):
    coop = register(
        district_officer,
        pattern=Pattern.REVITALISASI,
        revitalisation_method="reaktivasi",
        revitalised_cooperatives="KUD Embawang",
    )
    meeting(district_officer, coop, minutes=pdf_file())

    refused = refusal(district_officer, coop)
    upload(district_officer, coop, "assessment")
    moved = advance(district_officer, coop)

    assert (
        refused.message == "Belum dapat maju ke “Musdesus terlaksana”: Unggah dokumen penilaian Dinas (revitalisasi)."
    )
    assert moved.stage == Stage.MUSDESUS


# --- musdesus → rapat_pendirian -------------------------------------------------------------------------------------


def test_founding_meeting_stage_refusal_lists_everything_missing(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Rapat pendirian terlaksana”: "
        "Catat rapat pendirian (tanggal, tempat, jumlah hadir). "
        "Tambah pendiri: baru 0 tercatat, minimal 9. "
        "Jabatan pengurus yang belum terisi: Ketua, Wakil ketua bidang usaha, Wakil ketua bidang keanggotaan, "
        "Sekretaris, Bendahara. "
        "Pengurus berjumlah 0 orang; minimal 5 orang."
    )
    assert fresh(coop).stage == Stage.MUSDESUS


def test_founding_meeting_without_minutes_and_a_short_board_are_listed(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    with_board(district_officer, coop, members[:4])
    meeting(district_officer, coop, kind=MeetingKind.FOUNDING, date=FOUNDING_DATE)

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Rapat pendirian terlaksana”: Unggah berita acara rapat pendirian (PDF). "
        "Jabatan pengurus yang belum terisi: Bendahara. Pengurus berjumlah 4 orang; minimal 5 orang."
    )


def _ready_but_for_founders(officer, count):
    coop = with_musdesus(officer, register(officer))
    members = add_founders(officer, coop, count=count)
    with_board(officer, coop, members)
    meeting(officer, coop, kind=MeetingKind.FOUNDING, date=FOUNDING_DATE, minutes=pdf_file())
    return coop


def test_five_founders_are_too_few_by_default(district_officer):
    coop = _ready_but_for_founders(district_officer, 5)

    refused = refusal(district_officer, coop)

    assert (
        refused.message
        == "Belum dapat maju ke “Rapat pendirian terlaksana”: Tambah pendiri: baru 5 tercatat, minimal 9."
    )


@override_settings(KDMP_MIN_FOUNDERS=3)
def test_five_founders_suffice_when_the_setting_asks_for_three(district_officer):
    coop = _ready_but_for_founders(district_officer, 5)

    assert advance(district_officer, coop).stage == Stage.RAPAT_PENDIRIAN


@override_settings(KDMP_MIN_FOUNDERS=3)
def test_founder_minimum_in_the_refusal_follows_the_setting(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    add_founders(district_officer, coop, count=2)

    refused = refusal(district_officer, coop)

    assert "Tambah pendiri: baru 2 tercatat, minimal 3." in refused.message


def test_founding_meeting_stage_is_reached_with_meeting_founders_and_board(district_officer, founded):
    coop = founded

    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN
    latest = coop.transitions.first()
    assert (latest.from_stage, latest.to_stage, latest.actor) == ("musdesus", "rapat_pendirian", district_officer)


# --- rapat_pendirian → akta: only through a verified deed -----------------------------------------------------------


def test_deed_stage_cannot_be_reached_by_advancing(district_officer, founded):
    coop = founded

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Akta pendirian”: "
        "Tahap akta hanya dicapai setelah petugas kabupaten/kota memverifikasi akta dari notaris."
    )
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


def test_verified_deed_moves_to_the_deed_stage_recording_number_and_date(district_officer, founded):
    coop = founded

    services.cooperative_deed_verified(
        actor=district_officer, cooperative=coop, deed_number="  12  ", deed_date=DEED_DATE
    )

    saved = fresh(coop)
    assert (saved.stage, saved.deed_number, saved.deed_date) == (Stage.AKTA, "12", DEED_DATE)
    transition = coop.transitions.first()
    assert (transition.from_stage, transition.to_stage, transition.actor) == (
        "rapat_pendirian",
        "akta",
        district_officer,
    )
    assert transition.reason == "Akta nomor 12"


@pytest.mark.parametrize(
    ("stage", "label"),
    [
        (Stage.BELUM, "Belum mulai"),
        (Stage.MUSDESUS, "Musdesus terlaksana"),
        (Stage.AKTA, "Akta pendirian"),
    ],
    ids=["belum", "musdesus", "akta"],
)
def test_deed_is_refused_outside_the_founding_meeting_stage(district_officer, stage, label):
    coop = cooperative_at(district_officer, stage)
    before = (fresh(coop).stage, fresh(coop).deed_number, coop.transitions.count())

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_deed_verified(
            actor=district_officer, cooperative=coop, deed_number="99", deed_date=DEED_DATE
        )

    assert refused.value.message == (
        f"Akta diverifikasi setelah tahap rapat pendirian; koperasi ini berada di tahap “{label}”."
    )
    assert (fresh(coop).stage, fresh(coop).deed_number, coop.transitions.count()) == before


@pytest.mark.parametrize("number", ["", "   "])
def test_deed_without_a_number_is_refused(district_officer, founded, number):
    coop = founded

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_deed_verified(
            actor=district_officer, cooperative=coop, deed_number=number, deed_date=DEED_DATE
        )

    assert (refused.value.field, refused.value.message) == ("deed_number", "Nomor akta belum diisi.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


# --- akta → badan_hukum → terdaftar → operasional -------------------------------------------------------------------


def test_legal_entity_stage_needs_the_sk_number_date_and_pdf(district_officer):
    coop = cooperative_at(district_officer, Stage.AKTA)

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Badan hukum disahkan”: Isi nomor SK AHU. Isi tanggal SK AHU. Unggah SK AHU (PDF)."
    )
    assert fresh(coop).stage == Stage.AKTA


def test_legal_entity_stage_needs_the_sk_pdf_even_with_number_and_date(district_officer):
    coop = cooperative_at(district_officer, Stage.AKTA)
    update(district_officer, coop, sk_ahu_number="AHU-0012345.AH.01.29.TAHUN 2025", sk_ahu_date=dt.date(2025, 7, 18))
    upload(district_officer, coop, "assessment")  # a PDF, but not the SK

    refused = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Badan hukum disahkan”: Unggah SK AHU (PDF)."


def test_legal_entity_stage_is_reached_with_the_sk(district_officer):
    coop = cooperative_at(district_officer, Stage.BADAN_HUKUM)

    assert fresh(coop).stage == Stage.BADAN_HUKUM


def test_registered_stage_needs_npwp_and_nib(district_officer):
    coop = cooperative_at(district_officer, Stage.BADAN_HUKUM)

    refused = refusal(district_officer, coop)
    update(district_officer, coop, npwp="0123456789012345")
    refused_without_nib = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Terdaftar (NPWP, NIB)”: Isi NPWP. Isi NIB."
    assert refused_without_nib.message == "Belum dapat maju ke “Terdaftar (NPWP, NIB)”: Isi NIB."
    assert fresh(coop).stage == Stage.BADAN_HUKUM


def test_registered_stage_is_reached_with_npwp_and_nib(district_officer):
    assert fresh(cooperative_at(district_officer, Stage.TERDAFTAR)).stage == Stage.TERDAFTAR


def test_operational_stage_needs_a_running_business_unit(district_officer):
    coop = cooperative_at(district_officer, Stage.TERDAFTAR)
    services.business_unit_set(actor=district_officer, cooperative=coop, kind="sembako", status="planned")

    refused = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Beroperasi”: Tandai minimal satu unit usaha sebagai berjalan."
    assert fresh(coop).stage == Stage.TERDAFTAR


def test_operational_stage_is_reached_with_a_running_business_unit(district_officer):
    assert fresh(cooperative_at(district_officer, Stage.OPERASIONAL)).stage == Stage.OPERASIONAL


def test_there_is_no_stage_after_operational(district_officer):
    coop = cooperative_at(district_officer, Stage.OPERASIONAL)

    refused = refusal(district_officer, coop)

    assert refused.message == "Koperasi sudah beroperasi: tidak ada tahap berikutnya."
    assert fresh(coop).stage == Stage.OPERASIONAL


def test_every_move_is_on_the_timeline_with_actor_and_stages(district_officer):
    coop = cooperative_at(district_officer, Stage.OPERASIONAL)

    timeline = list(coop.transitions.order_by("id").values_list("from_stage", "to_stage", "actor", "is_correction"))

    me = district_officer.pk
    assert timeline == [
        ("belum", "musdesus", me, False),
        ("musdesus", "rapat_pendirian", me, False),
        ("rapat_pendirian", "akta", me, False),
        ("akta", "badan_hukum", me, False),
        ("badan_hukum", "terdaftar", me, False),
        ("terdaftar", "operasional", me, False),
    ]


def test_advance_with_a_stale_version_raises_conflict_and_moves_nothing(district_officer):
    coop = register(district_officer)
    meeting(district_officer, coop, minutes=pdf_file())
    update(district_officer, coop, phone="0734 421000")  # version 1 → 2

    with pytest.raises(ConflictError):
        advance(district_officer, coop, expected_version=1)

    assert (fresh(coop).stage, fresh(coop).version) == (Stage.BELUM, 2)
    assert not coop.transitions.exists()


def test_advance_with_the_current_version_moves(district_officer):
    coop = register(district_officer)
    meeting(district_officer, coop, minutes=pdf_file())

    assert advance(district_officer, coop, expected_version=1).version == 2


# --- corrections ----------------------------------------------------------------------------------------------------


def test_correction_back_to_an_earlier_stage_is_on_the_timeline_with_its_reason(district_officer, founded):
    coop = founded

    corrected = services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage="musdesus", reason="  Berita acara pendirian tertukar  "
    )

    saved = fresh(coop)
    assert saved.stage == corrected.stage == Stage.MUSDESUS
    assert saved.version == 4
    latest = coop.transitions.first()
    assert (latest.from_stage, latest.to_stage, latest.actor) == ("rapat_pendirian", "musdesus", district_officer)
    assert latest.is_correction is True
    assert latest.reason == "Berita acara pendirian tertukar"


@pytest.mark.parametrize("reason", ["", "   "])
def test_correction_without_a_reason_is_refused(district_officer, founded, reason):
    coop = founded

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(actor=district_officer, cooperative=coop, to_stage="musdesus", reason=reason)

    assert (refused.value.field, refused.value.message) == ("reason", "Tuliskan alasan koreksi tahap.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize("to_stage", ["akta", "operasional", "rapat_pendirian", "dibubarkan"])
def test_correction_must_go_back(district_officer, founded, to_stage):
    coop = founded

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(
            actor=district_officer, cooperative=coop, to_stage=to_stage, reason="Loncat tahap"
        )

    assert (refused.value.field, refused.value.message) == ("to_stage", "Koreksi hanya kembali ke tahap sebelumnya.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN
    assert coop.transitions.count() == 2


@pytest.mark.parametrize("role", ["provincial_staff", "national_admin", "national_viewer", "notary"])
def test_only_a_district_officer_may_correct_a_stage(request, founded, role):
    coop = founded

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(
            actor=request.getfixturevalue(role), cooperative=coop, to_stage="musdesus", reason="Salah input"
        )

    assert refused.value.message == "Hanya petugas kabupaten/kota yang boleh mengoreksi tahap."
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize("to_stage", ["rapat_pendirian", "musdesus", "belum"])
def test_correction_below_the_deed_stage_clears_the_deed(district_officer, to_stage):
    coop = cooperative_at(district_officer, Stage.AKTA)

    services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage=to_stage, reason="Akta dibatalkan notaris"
    )

    saved = fresh(coop)
    assert (saved.stage, saved.deed_number, saved.deed_date) == (to_stage, "", None)


def test_correction_back_to_the_deed_stage_keeps_the_deed(district_officer):
    coop = cooperative_at(district_officer, Stage.BADAN_HUKUM)
    deed_number = fresh(coop).deed_number

    services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage="akta", reason="SK AHU salah nomor"
    )

    saved = fresh(coop)
    assert deed_number != ""
    assert (saved.stage, saved.deed_number, saved.deed_date) == (Stage.AKTA, deed_number, DEED_DATE)


# --- stage names ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "english", "in_indonesian"),
    [
        (Stage.BELUM, "Not started", "Belum mulai"),
        (Stage.MUSDESUS, "Musdesus held", "Musdesus terlaksana"),
        (Stage.RAPAT_PENDIRIAN, "Founding meeting held", "Rapat pendirian terlaksana"),
        (Stage.AKTA, "Founding deed signed", "Akta pendirian"),
        (Stage.BADAN_HUKUM, "Legal entity approved", "Badan hukum disahkan"),
        (Stage.TERDAFTAR, "Registered", "Terdaftar (NPWP, NIB)"),
        (Stage.OPERASIONAL, "Operational", "Beroperasi"),
    ],
)
def test_stage_names_read_right_in_both_languages(stage, english, in_indonesian):
    with translation.override("en"):
        shown_in_english = str(stage.label)

    assert str(stage.label) == in_indonesian
    assert shown_in_english == english
