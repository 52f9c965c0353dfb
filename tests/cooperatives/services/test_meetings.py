"""cooperatives.services.meetings: the Musdesus and the founding meeting, with their minutes (a PDF document).

Uploaded files go to a per-test MEDIA_ROOT."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.models import Document, Meeting
from registry.errors import ApplicationError
from tests.cooperatives.builders import register, with_musdesus
from tests.factories import pdf_file

MUSDESUS_DATE = dt.date(2025, 5, 20)  # builders.with_musdesus
FOUNDING_DATE = dt.date(2025, 6, 10)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.usefixtures("indonesian", "media")


def meeting(officer, coop, kind=MeetingKind.MUSDESUS, date=MUSDESUS_DATE, place="Balai Desa", attendance=120, **kw):
    return services.meeting_record(
        actor=officer, cooperative=coop, kind=kind, date=date, place=place, attendance=attendance, **kw
    )


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

    # The message names both dates (testers: "refused with a message naming both dates").
    assert (refused.value.field, refused.value.message) == (
        "date",
        "Rapat pendirian (19 Mei 2025) tidak boleh bertanggal sebelum Musdesus (20 Mei 2025).",
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


def test_pdf_whose_header_comes_after_some_bytes_within_the_first_1024_is_accepted(district_officer):
    coop = register(district_officer)
    content = b"\x00" * 500 + PDF

    recorded = meeting(district_officer, coop, minutes=SimpleUploadedFile("ba.pdf", content))

    assert recorded.minutes.size == len(content)
    assert Meeting.objects.get(pk=recorded.pk).minutes_id == recorded.minutes.pk


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
