"""Formation stages (advance, deed, correction) and the evidence behind them (meetings, PDF documents).

Messages are asserted in Indonesian (locale/id), the language officers read; it is activated explicitly because
outside a request nothing else does. Uploaded files go to a per-test MEDIA_ROOT.
"""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone, translation

from cooperatives import services
from cooperatives.models import Cooperative, Document, Meeting, MeetingKind, Pattern, StageTransition
from cooperatives.services import ConflictError
from registry.errors import ApplicationError
from registry.models import Region
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, founded, register, with_board, with_musdesus
from tests.factories import EMBAWANG, pdf_file

MUSDESUS_DATE = dt.date(2025, 5, 20)  # builders.with_musdesus
FOUNDING_DATE = dt.date(2025, 6, 10)  # builders.founded
DEED_DATE = dt.date(2025, 7, 1)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def fresh(coop: Cooperative) -> Cooperative:
    return Cooperative.objects.get(pk=coop.pk)


def advance(officer, coop, **kwargs):
    return services.cooperative_advance(actor=officer, cooperative=coop, **kwargs)


def meeting(officer, coop, kind=MeetingKind.MUSDESUS, date=MUSDESUS_DATE, place="Balai Desa", attendance=120, **kw):
    return services.meeting_record(
        actor=officer, cooperative=coop, kind=kind, date=date, place=place, attendance=attendance, **kw
    )


def update(officer, coop, **fields):
    return services.cooperative_update(actor=officer, cooperative=coop, expected_version=None, **fields)


def upload(officer, coop, kind, file=None):
    return services.document_upload(actor=officer, cooperative=coop, kind=kind, file=file or pdf_file())


def at_akta(officer) -> Cooperative:
    return services.cooperative_deed_verified(
        actor=officer, cooperative=founded(officer), deed_number="12", deed_date=DEED_DATE
    )


def at_badan_hukum(officer) -> Cooperative:
    coop = at_akta(officer)
    update(officer, coop, sk_ahu_number="AHU-0012345.AH.01.29.TAHUN 2025", sk_ahu_date=dt.date(2025, 7, 18))
    upload(officer, coop, "sk_ahu")
    return advance(officer, coop)


def at_terdaftar(officer) -> Cooperative:
    coop = at_badan_hukum(officer)
    update(officer, coop, npwp="0123456789012345", nib="9120001234567")
    return advance(officer, coop)


def at_operasional(officer) -> Cooperative:
    coop = at_terdaftar(officer)
    services.business_unit_set(actor=officer, cooperative=coop, kind="sembako", status="running")
    return advance(officer, coop)


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
    coop = services.cooperative_register(
        actor=district_officer,
        village=Region.objects.get(code=EMBAWANG),
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


def test_founding_meeting_stage_is_reached_with_meeting_founders_and_board(district_officer):
    coop = founded(district_officer)

    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN
    latest = coop.transitions.first()
    assert (latest.from_stage, latest.to_stage, latest.actor) == ("musdesus", "rapat_pendirian", district_officer)


# --- rapat_pendirian → akta: only through a verified deed -----------------------------------------------------------


def test_deed_stage_cannot_be_reached_by_advancing(district_officer):
    coop = founded(district_officer)

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Akta pendirian”: "
        "Tahap akta hanya dicapai setelah petugas kabupaten/kota memverifikasi akta dari notaris."
    )
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


def test_verified_deed_moves_to_the_deed_stage_recording_number_and_date(district_officer):
    coop = founded(district_officer)

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
    ("build", "label"),
    [
        (register, "Belum mulai"),
        (lambda officer: with_musdesus(officer, register(officer)), "Musdesus terlaksana"),
        (at_akta, "Akta pendirian"),
    ],
    ids=["belum", "musdesus", "akta"],
)
def test_deed_is_refused_outside_the_founding_meeting_stage(district_officer, build, label):
    coop = build(district_officer)
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
def test_deed_without_a_number_is_refused(district_officer, number):
    coop = founded(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_deed_verified(
            actor=district_officer, cooperative=coop, deed_number=number, deed_date=DEED_DATE
        )

    assert (refused.value.field, refused.value.message) == ("deed_number", "Nomor akta belum diisi.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


# --- akta → badan_hukum → terdaftar → operasional -------------------------------------------------------------------


def test_legal_entity_stage_needs_the_sk_number_date_and_pdf(district_officer):
    coop = at_akta(district_officer)

    refused = refusal(district_officer, coop)

    assert refused.message == (
        "Belum dapat maju ke “Badan hukum disahkan”: Isi nomor SK AHU. Isi tanggal SK AHU. Unggah SK AHU (PDF)."
    )
    assert fresh(coop).stage == Stage.AKTA


def test_legal_entity_stage_needs_the_sk_pdf_even_with_number_and_date(district_officer):
    coop = at_akta(district_officer)
    update(district_officer, coop, sk_ahu_number="AHU-0012345.AH.01.29.TAHUN 2025", sk_ahu_date=dt.date(2025, 7, 18))
    upload(district_officer, coop, "assessment")  # a PDF, but not the SK

    refused = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Badan hukum disahkan”: Unggah SK AHU (PDF)."


def test_legal_entity_stage_is_reached_with_the_sk(district_officer):
    coop = at_badan_hukum(district_officer)

    assert fresh(coop).stage == Stage.BADAN_HUKUM


def test_registered_stage_needs_npwp_and_nib(district_officer):
    coop = at_badan_hukum(district_officer)

    refused = refusal(district_officer, coop)
    update(district_officer, coop, npwp="0123456789012345")
    refused_without_nib = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Terdaftar (NPWP, NIB)”: Isi NPWP. Isi NIB."
    assert refused_without_nib.message == "Belum dapat maju ke “Terdaftar (NPWP, NIB)”: Isi NIB."
    assert fresh(coop).stage == Stage.BADAN_HUKUM


def test_registered_stage_is_reached_with_npwp_and_nib(district_officer):
    assert fresh(at_terdaftar(district_officer)).stage == Stage.TERDAFTAR


def test_operational_stage_needs_a_running_business_unit(district_officer):
    coop = at_terdaftar(district_officer)
    services.business_unit_set(actor=district_officer, cooperative=coop, kind="sembako", status="planned")

    refused = refusal(district_officer, coop)

    assert refused.message == "Belum dapat maju ke “Beroperasi”: Tandai minimal satu unit usaha sebagai berjalan."
    assert fresh(coop).stage == Stage.TERDAFTAR


def test_operational_stage_is_reached_with_a_running_business_unit(district_officer):
    assert fresh(at_operasional(district_officer)).stage == Stage.OPERASIONAL


def test_there_is_no_stage_after_operational(district_officer):
    coop = at_operasional(district_officer)

    refused = refusal(district_officer, coop)

    assert refused.message == "Koperasi sudah beroperasi: tidak ada tahap berikutnya."
    assert fresh(coop).stage == Stage.OPERASIONAL


def test_every_move_is_on_the_timeline_with_actor_and_stages(district_officer):
    coop = at_operasional(district_officer)

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


def test_correction_back_to_an_earlier_stage_is_on_the_timeline_with_its_reason(district_officer):
    coop = founded(district_officer)

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
def test_correction_without_a_reason_is_refused(district_officer, reason):
    coop = founded(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(actor=district_officer, cooperative=coop, to_stage="musdesus", reason=reason)

    assert (refused.value.field, refused.value.message) == ("reason", "Tuliskan alasan koreksi tahap.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize("to_stage", ["akta", "operasional", "rapat_pendirian", "dibubarkan"])
def test_correction_must_go_back(district_officer, to_stage):
    coop = founded(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(
            actor=district_officer, cooperative=coop, to_stage=to_stage, reason="Loncat tahap"
        )

    assert (refused.value.field, refused.value.message) == ("to_stage", "Koreksi hanya kembali ke tahap sebelumnya.")
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN
    assert coop.transitions.count() == 2


@pytest.mark.parametrize("role", ["provincial_staff", "national_admin", "national_viewer", "notary"])
def test_only_a_district_officer_may_correct_a_stage(request, district_officer, role):
    coop = founded(district_officer)

    with pytest.raises(ApplicationError) as refused:
        services.cooperative_correct_stage(
            actor=request.getfixturevalue(role), cooperative=coop, to_stage="musdesus", reason="Salah input"
        )

    assert refused.value.message == "Hanya petugas kabupaten/kota yang boleh mengoreksi tahap."
    assert fresh(coop).stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize("to_stage", ["rapat_pendirian", "musdesus", "belum"])
def test_correction_below_the_deed_stage_clears_the_deed(district_officer, to_stage):
    coop = at_akta(district_officer)

    services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage=to_stage, reason="Akta dibatalkan notaris"
    )

    saved = fresh(coop)
    assert (saved.stage, saved.deed_number, saved.deed_date) == (to_stage, "", None)


def test_correction_back_to_the_deed_stage_keeps_the_deed(district_officer):
    coop = at_badan_hukum(district_officer)

    services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage="akta", reason="SK AHU salah nomor"
    )

    saved = fresh(coop)
    assert (saved.stage, saved.deed_number, saved.deed_date) == (Stage.AKTA, "12", DEED_DATE)


# --- meetings -------------------------------------------------------------------------------------------------------


def test_meeting_in_the_future_is_refused(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, date=timezone.localdate() + dt.timedelta(days=1))

    assert (refused.value.field, refused.value.message) == ("date", "Tanggal rapat tidak boleh di masa depan.")
    assert not Meeting.objects.exists()


def test_meeting_held_today_is_recorded(district_officer):
    coop = register(district_officer)

    recorded = meeting(district_officer, coop, date=timezone.localdate(), place="  Balai Desa Embawang ")

    saved = Meeting.objects.get(pk=recorded.pk)
    assert (saved.kind, saved.date, saved.place, saved.attendance) == (
        "musdesus",
        timezone.localdate(),
        "Balai Desa Embawang",
        120,
    )


def test_founding_meeting_before_the_musdesus_is_refused(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, kind=MeetingKind.FOUNDING, date=MUSDESUS_DATE - dt.timedelta(days=1))

    assert (refused.value.field, refused.value.message) == (
        "date",
        "Rapat pendirian tidak boleh sebelum Musdesus.",
    )
    assert not coop.meetings.filter(kind=MeetingKind.FOUNDING).exists()


def test_founding_meeting_on_the_day_of_the_musdesus_is_recorded(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))

    recorded = meeting(district_officer, coop, kind=MeetingKind.FOUNDING, date=MUSDESUS_DATE)

    assert coop.meetings.get(kind=MeetingKind.FOUNDING) == recorded


def test_musdesus_cannot_be_moved_after_the_founding_meeting(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    meeting(district_officer, coop, kind=MeetingKind.FOUNDING, date=FOUNDING_DATE)

    with pytest.raises(ApplicationError):
        meeting(district_officer, coop, date=FOUNDING_DATE + dt.timedelta(days=1))

    assert coop.meetings.get(kind=MeetingKind.MUSDESUS).date == MUSDESUS_DATE


@pytest.mark.parametrize("place", ["", "   ", None])
def test_meeting_without_a_place_is_refused(district_officer, place):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, place=place)

    assert (refused.value.field, refused.value.message) == ("place", "Tuliskan tempat rapat.")
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("attendance", [0, -3, None])
def test_meeting_without_attendance_is_refused(district_officer, attendance):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, attendance=attendance)

    assert (refused.value.field, refused.value.message) == ("attendance", "Jumlah hadir minimal 1.")
    assert not Meeting.objects.exists()


def test_unknown_meeting_kind_is_refused(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, kind="rapat_anggota_tahunan")

    assert (refused.value.field, refused.value.message) == ("kind", "Jenis rapat tidak dikenal.")


def test_minutes_that_are_not_a_pdf_are_refused_and_nothing_is_written(district_officer, media):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, minutes=SimpleUploadedFile("x.pdf", b"hello", content_type="application/pdf"))

    assert refused.value.field == "minutes"
    assert refused.value.message == (
        "Berkas ini bukan PDF (isinya bukan PDF, apa pun namanya). Pindai atau simpan sebagai PDF."
    )
    assert not Meeting.objects.exists()
    assert not Document.objects.exists()
    assert list(media.rglob("*.pdf")) == []


@override_settings(KDMP_MAX_UPLOAD_BYTES=1000)
def test_minutes_larger_than_the_limit_are_refused_and_nothing_is_written(district_officer, media):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, minutes=pdf_file(size=2048))

    assert refused.value.field == "minutes"
    assert refused.value.message.startswith("Ukuran berkas ")
    assert not Meeting.objects.exists()
    assert not Document.objects.exists()
    assert list(media.rglob("*.pdf")) == []


@override_settings(KDMP_MAX_UPLOAD_BYTES=1048576)
def test_too_large_file_is_refused_with_its_size_and_the_limit_in_mb(district_officer):
    coop = register(district_officer)
    one_and_a_half_mb = pdf_file(size=1572864 + 24)  # pdf_file writes size - 24 bytes

    with pytest.raises(ApplicationError) as refused:
        upload(district_officer, coop, "sk_ahu", one_and_a_half_mb)

    assert refused.value.message == "Ukuran berkas 1,5\xa0MB; batasnya 1,0\xa0MB."


@override_settings(KDMP_MAX_UPLOAD_BYTES=1000)
def test_file_of_exactly_the_limit_is_accepted(district_officer):
    coop = register(district_officer)
    content = PDF + b"0" * (1000 - len(PDF))

    document = upload(district_officer, coop, "sk_ahu", SimpleUploadedFile("sk.pdf", content))

    assert document.size == 1000


def test_pdf_whose_header_comes_after_some_bytes_within_the_first_1024_is_accepted(district_officer):
    coop = register(district_officer)
    content = b"\x00" * 500 + PDF

    recorded = meeting(district_officer, coop, minutes=SimpleUploadedFile("ba.pdf", content))

    assert recorded.minutes.size == len(content)
    assert Meeting.objects.get(pk=recorded.pk).minutes_id == recorded.minutes.pk


def test_pdf_header_after_the_first_1024_bytes_is_refused(district_officer):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        upload(district_officer, coop, "sk_ahu", SimpleUploadedFile("sk.pdf", b"\x00" * 1100 + PDF))

    assert refused.value.field == "file"
    assert not Document.objects.exists()


def test_document_keeps_the_sha256_and_a_stored_name_that_is_not_the_uploaded_one(district_officer, media):
    coop = register(district_officer)
    content = PDF + b"isi surat keputusan"

    document = upload(
        district_officer, coop, "sk_ahu", SimpleUploadedFile("SK AHU Koperasi Embawang rahasia.pdf", content)
    )

    saved = Document.objects.get(pk=document.pk)
    digest = hashlib.sha256(content).hexdigest()
    assert saved.sha256 == digest
    assert (saved.size, saved.original_name, saved.uploaded_by) == (
        len(content),
        "SK AHU Koperasi Embawang rahasia.pdf",
        district_officer,
    )
    assert saved.file.name == f"cooperatives/16.03/{coop.pk}/sk_ahu-{digest[:16]}.pdf"
    assert "rahasia" not in saved.file.name
    assert "Embawang" not in saved.file.name
    assert (media / saved.file.name).read_bytes() == content


def test_new_minutes_replace_the_shown_ones_and_the_old_document_stays(district_officer):
    coop = register(district_officer)
    first = meeting(district_officer, coop, minutes=pdf_file("ba-1.pdf")).minutes
    second = meeting(district_officer, coop, minutes=SimpleUploadedFile("ba-2.pdf", PDF)).minutes

    assert coop.meetings.get().minutes == second
    assert set(coop.documents.values_list("pk", flat=True)) == {first.pk, second.pk}


def test_meeting_refused_by_validation_leaves_no_file_behind(district_officer, media):
    coop = register(district_officer)

    with pytest.raises(ApplicationError) as refused:
        meeting(district_officer, coop, place="Balai Desa " * 20, minutes=pdf_file())

    assert refused.value.field == "place"
    assert not Document.objects.exists()
    assert list(media.rglob("*.pdf")) == []


# --- stage names ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "english", "indonesian"),
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
def test_stage_names_read_right_in_both_languages(stage, english, indonesian):
    with translation.override("en"):
        shown_in_english = str(stage.label)

    assert str(stage.label) == indonesian
    assert shown_in_english == english
