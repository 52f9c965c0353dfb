"""cooperatives.views.meetings: recording the Musdesus and the founding meeting, with their minutes."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from cooperatives.choices import DocumentKind, MeetingKind
from cooperatives.models import Document, Meeting
from tests.cooperatives.builders import register
from tests.cooperatives.views.pages import not_pdf
from tests.factories import pdf_file


def musdesus(**extra) -> dict:
    return {
        "kind": "musdesus",
        "date": "2025-05-20",
        "place": "Balai Desa Embawang",
        "attendance": "120",
        "minutes": pdf_file("berita-acara.pdf"),
        **extra,
    }


def test_recording_the_musdesus_with_minutes_stores_the_meeting_and_the_pdf(officer_client, district_officer):
    coop = register(district_officer)
    upload = pdf_file("berita-acara.pdf")
    body = upload.read()
    upload.seek(0)
    response = officer_client.post(f"/koperasi/{coop.pk}/rapat/", musdesus(minutes=upload))
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/rapat/"
    meeting = Meeting.objects.get(cooperative=coop)
    assert (meeting.kind, meeting.date, meeting.place, meeting.attendance) == (
        "musdesus",
        dt.date(2025, 5, 20),
        "Balai Desa Embawang",
        120,
    )
    document = Document.objects.get(cooperative=coop)
    assert meeting.minutes == document
    assert document.kind == DocumentKind.MINUTES_MUSDESUS
    assert (document.original_name, document.size, document.sha256) == (
        "berita-acara.pdf",
        len(body),
        hashlib.sha256(body).hexdigest(),
    )
    assert document.uploaded_by == district_officer


def test_a_meeting_may_be_recorded_without_minutes(officer_client, district_officer):
    coop = register(district_officer)
    data = musdesus()
    del data["minutes"]
    assert officer_client.post(f"/koperasi/{coop.pk}/rapat/", data).status_code == 302
    assert Meeting.objects.get().minutes is None
    assert not Document.objects.exists()


def test_minutes_that_are_not_a_pdf_are_refused_and_nothing_is_stored(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/rapat/", musdesus(minutes=not_pdf()))
    assert response.status_code == 400
    assert not Meeting.objects.exists()
    assert not Document.objects.exists()
    assert 'value="Balai Desa Embawang"' in response.content.decode()  # the typed values stay


def test_the_refusal_of_non_pdf_minutes_is_shown_on_the_minutes_field(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/rapat/", musdesus(minutes=not_pdf()))
    bound = next(form for kind, _meeting, form in response.context["meeting_forms"] if kind == MeetingKind.MUSDESUS)
    assert bound.errors.get("minutes")


def test_a_meeting_in_the_future_is_refused_on_the_date(officer_client, district_officer):
    coop = register(district_officer)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = officer_client.post(f"/koperasi/{coop.pk}/rapat/", musdesus(date=tomorrow.isoformat()))
    assert response.status_code == 400
    bound = next(form for kind, _meeting, form in response.context["meeting_forms"] if kind == MeetingKind.MUSDESUS)
    assert bound.errors.get("date")
    assert not Meeting.objects.exists()
    assert not Document.objects.exists()


def test_the_meetings_tab_links_the_minutes(officer_client, minutes):
    coop, document, _body = minutes
    html = officer_client.get(f"/koperasi/{coop.pk}/rapat/").content.decode()
    assert f'href="/koperasi/{coop.pk}/dokumen/{document.pk}/"' in html


# --- what a refused field says (issue 7, messages) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("attendance", "0", "Jumlah hadir minimal 1 orang."),
        ("attendance", "banyak", "Tulis jumlah hadir sebagai angka, mis. 25."),
        ("attendance", "", "Isi jumlah orang yang hadir."),
        ("date", "", "Isi tanggal rapat."),
        ("date", "31/02/2025", "Tanggal tidak terbaca: pilih dari kalender, atau tulis seperti 15/07/2025."),
        ("place", "", "Tuliskan tempat rapat."),
        ("kind", "rapat_lain", "Jenis rapat ini tidak dikenal. Muat ulang halaman, lalu catat rapatnya lagi."),
    ],
)
def test_a_refused_meeting_field_says_what_to_do(officer_client, district_officer, field, typed, message):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/rapat/", musdesus(**{field: typed}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Meeting.objects.exists()
