"""The district officer's forms, driven through the pages: register and edit a cooperative, founders and the live NIK
check, board seats, meetings and documents, stage moves."""

from __future__ import annotations

import datetime as dt
import hashlib
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cooperatives import services
from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    DocumentKind,
    FoundingMember,
    Meeting,
    MeetingKind,
    Officer,
    Position,
    StageTransition,
)
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, founded, register, with_musdesus
from tests.factories import EMBAWANG, make_nik, pdf_file

CREATE = f"/koperasi/baru/{EMBAWANG}/"


@pytest.fixture
def officer_client(client, district_officer):
    client.force_login(district_officer)
    return client


def not_pdf(name: str = "x.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + b"\x00" * 64, content_type="application/pdf"
    )


def field_errors(response, field: str, form: str = "form") -> list[str]:
    return list(response.context[form].errors.get(field, []))


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


# --- founders --------------------------------------------------------------------------------------------------------


def founder(nik: str, **extra) -> dict:
    return {"nik": nik, "full_name": "Siti Rahmawati", "birth_place": "Muara Enim", "address": "Dusun 2", **extra}


GOOD_NIK = make_nik(birth=dt.date(1985, 5, 12), gender="P", serial=7)  # 1603015205850007


@pytest.mark.parametrize(
    "typed",
    [
        f"{GOOD_NIK[:4]} {GOOD_NIK[4:8]} {GOOD_NIK[8:12]} {GOOD_NIK[12:]}",
        f"{GOOD_NIK[:6]}.{GOOD_NIK[6:12]}.{GOOD_NIK[12:]}",
        f" {GOOD_NIK[:8]}-{GOOD_NIK[8:]} ",
    ],
)
def test_a_founder_is_added_with_a_nik_typed_with_separators(officer_client, district_officer, typed):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(typed))
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/pendiri/"
    member = FoundingMember.objects.get(cooperative=coop)
    assert member.nik == GOOD_NIK
    assert (member.full_name, member.birth_date, member.gender) == ("Siti Rahmawati", dt.date(1985, 5, 12), "P")


def test_a_wrong_nik_re_renders_the_form_with_the_error_and_the_typed_values(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK[:15]))
    assert response.status_code == 400
    assert field_errors(response, "nik")
    html = response.content.decode()
    assert 'class="field has-error"' in html
    assert 'value="Siti Rahmawati"' in html
    assert f'value="{GOOD_NIK[:15]}"' in html
    assert not FoundingMember.objects.exists()


def test_a_nik_already_among_the_founders_is_refused(officer_client, district_officer):
    coop = register(district_officer)
    officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK))
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK, full_name="Orang Lain"))
    assert response.status_code == 400
    assert field_errors(response, "nik")
    assert list(FoundingMember.objects.values_list("full_name", flat=True)) == ["Siti Rahmawati"]


def test_a_birth_date_that_contradicts_the_nik_is_refused(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK, birth_date="1986-05-12"))
    assert response.status_code == 400
    assert field_errors(response, "nik")
    assert not FoundingMember.objects.exists()


def test_a_missing_name_is_refused_on_its_field(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK, full_name=""))
    assert response.status_code == 400
    assert field_errors(response, "full_name")
    assert not FoundingMember.objects.exists()


def test_a_founder_is_edited_and_removed(officer_client, district_officer):
    coop = register(district_officer)
    (member,) = add_founders(district_officer, coop, count=1)
    url = f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/"
    response = officer_client.post(url, {**founder(member.nik), "full_name": "Siti Aminah Putri", "version": 1})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.version) == ("Siti Aminah Putri", 2)
    assert officer_client.post(f"/koperasi/{coop.pk}/pendiri/{member.pk}/hapus/").status_code == 302
    assert not FoundingMember.objects.exists()


def test_a_founder_holding_a_seat_is_not_removed(officer_client, district_officer):
    coop = register(district_officer)
    (member,) = add_founders(district_officer, coop, count=1)
    services.officer_assign(actor=district_officer, cooperative=coop, position=Position.KETUA, member=member)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/{member.pk}/hapus/")
    assert response.status_code == 302
    assert FoundingMember.objects.filter(pk=member.pk).exists()


# --- the live NIK check (htmx) ---------------------------------------------------------------------------------------


def check(client, coop, **data) -> str:
    response = client.post(f"/koperasi/{coop.pk}/pendiri/periksa-nik/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a fragment for the page to swap in, not a page
    return html


@pytest.mark.parametrize("nik", ["160301520585000", "16030152058500071", "1603015299850007", "9903015205850007", "abc"])
def test_the_nik_check_flags_a_bad_nik(officer_client, district_officer, nik):
    html = check(officer_client, register(district_officer), nik=nik)
    assert 'data-testid="nik-errors"' in html
    assert 'data-testid="nik-ok"' not in html


def test_the_nik_check_accepts_a_good_nik(officer_client, district_officer):
    html = check(officer_client, register(district_officer), nik=f"{GOOD_NIK[:8]} {GOOD_NIK[8:]}")
    assert 'data-testid="nik-ok"' in html
    assert 'data-testid="nik-errors"' not in html
    assert 'class="warning-text"' not in html


def test_the_nik_check_warns_about_a_nik_of_another_regency(officer_client, district_officer):
    html = check(officer_client, register(district_officer), nik=make_nik(regency="16.04", serial=3))
    assert 'data-testid="nik-ok"' in html
    assert 'class="warning-text"' in html
    assert "16.04" in html


def test_the_nik_check_reads_the_typed_birth_date(officer_client, district_officer):
    html = check(officer_client, register(district_officer), nik=GOOD_NIK, birth_date="1990-01-01")
    assert 'data-testid="nik-errors"' in html


def test_the_nik_check_says_nothing_before_a_nik_is_typed(officer_client, district_officer):
    assert check(officer_client, register(district_officer), nik="  ").strip() == ""


def test_the_nik_check_writes_nothing(officer_client, district_officer):
    coop = register(district_officer)
    check(officer_client, coop, **founder(GOOD_NIK))
    assert not FoundingMember.objects.exists()


# --- board -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def with_founders(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    return coop, add_founders(district_officer, coop, count=3)


def test_the_officer_seats_the_chair(officer_client, with_founders):
    coop, members = with_founders
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[1].pk})
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/pengurus/"
    seat = Officer.objects.get(cooperative=coop)
    assert (seat.body, seat.position, seat.member) == ("pengurus", "ketua", members[1])
    html = officer_client.get(response["Location"]).content.decode()
    assert members[1].full_name in html


def test_a_second_chair_is_refused(officer_client, with_founders):
    coop, members = with_founders
    officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[0].pk})
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[1].pk})
    assert response.status_code == 400
    assert field_errors(response, "position")
    assert list(Officer.objects.values_list("member", flat=True)) == [members[0].pk]


def test_a_founder_of_another_cooperative_cannot_be_seated(officer_client, district_officer, with_founders):
    coop, _members = with_founders
    other = register(district_officer, "16.03.01.2012")
    (stranger,) = add_founders(district_officer, other, count=1, serial_offset=30)
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": stranger.pk})
    assert response.status_code == 400
    assert field_errors(response, "member")
    assert not Officer.objects.exists()


def test_the_kepala_desa_chairs_the_supervisors_by_name(officer_client, with_founders):
    coop, _members = with_founders
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua_pengawas", "name": "H. Umar"})
    assert response.status_code == 302
    seat = Officer.objects.get()
    assert (seat.body, seat.member, seat.name) == ("pengawas", None, "H. Umar")
    assert officer_client.post(f"/koperasi/{coop.pk}/pengurus/{seat.pk}/hapus/").status_code == 302
    assert not Officer.objects.exists()


# --- meetings and documents ------------------------------------------------------------------------------------------


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


def test_an_sk_ahu_is_uploaded_on_the_documents_tab(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/dokumen/", {"kind": "sk_ahu", "file": pdf_file("sk.pdf")})
    assert response.status_code == 302
    document = Document.objects.get(cooperative=coop)
    assert (document.kind, document.original_name) == ("sk_ahu", "sk.pdf")


def test_a_document_that_is_not_a_pdf_is_refused_on_its_field(officer_client, district_officer):
    coop = register(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/dokumen/", {"kind": "sk_ahu", "file": not_pdf()})
    assert response.status_code == 400
    assert field_errors(response, "file")
    assert not Document.objects.exists()


@pytest.fixture
def minutes(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    document = coop.documents.get()
    with document.file.open("rb") as f:
        return coop, document, f.read()


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer"])
def test_a_document_downloads_as_the_stored_pdf(request, client, minutes, role):
    coop, document, body = minutes
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/koperasi/{coop.pk}/dokumen/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == body
    assert body.startswith(b"%PDF-")
    response.close()


@pytest.mark.parametrize("role", ["other_district_officer", "other_provincial_staff", "notary"])
def test_a_document_of_another_area_is_not_found(request, client, minutes, role):
    coop, document, _body = minutes
    client.force_login(request.getfixturevalue(role))
    assert client.get(f"/koperasi/{coop.pk}/dokumen/{document.pk}/").status_code == 404


def test_the_meetings_tab_links_the_minutes(officer_client, minutes):
    coop, document, _body = minutes
    html = officer_client.get(f"/koperasi/{coop.pk}/rapat/").content.decode()
    assert f'href="/koperasi/{coop.pk}/dokumen/{document.pk}/"' in html


# --- stages ----------------------------------------------------------------------------------------------------------


def record_musdesus(officer, coop, *, minutes: bool = True) -> None:
    """Set-up through the service: the meetings page is tested above."""
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=dt.date(2025, 5, 20),
        place="Balai Desa",
        attendance=120,
        minutes=pdf_file() if minutes else None,
    )


def advance(client, coop, **extra):
    return client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "advance", "version": coop.version, **extra})


def test_the_stage_moves_to_musdesus_once_the_musdesus_with_minutes_is_recorded(officer_client, district_officer):
    coop = register(district_officer)
    record_musdesus(district_officer, coop)
    response = advance(officer_client, coop)
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/"
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS
    move = StageTransition.objects.get(cooperative=coop)
    assert (move.from_stage, move.to_stage, move.is_correction, move.actor) == (
        Stage.BELUM,
        Stage.MUSDESUS,
        False,
        district_officer,
    )


def test_the_detail_page_offers_the_move_only_when_nothing_is_missing(officer_client, district_officer):
    coop = register(district_officer)
    before = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert 'data-testid="missing"' in before
    assert 'value="advance"' not in before
    record_musdesus(district_officer, coop)
    after = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    assert 'data-testid="missing"' not in after
    assert 'value="advance"' in after


@pytest.mark.parametrize(
    "recorded",
    [
        pytest.param(lambda officer, coop: None, id="nothing"),
        pytest.param(lambda officer, coop: record_musdesus(officer, coop, minutes=False), id="no minutes"),
    ],
)
def test_the_stage_does_not_move_while_evidence_is_missing(officer_client, district_officer, recorded):
    coop = register(district_officer)
    recorded(district_officer, coop)
    response = advance(officer_client, coop)
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    assert not StageTransition.objects.exists()


def test_the_stage_does_not_move_from_a_stale_page(officer_client, district_officer):
    coop = register(district_officer)
    record_musdesus(district_officer, coop)
    stale = coop.version
    services.cooperative_update(
        actor=district_officer, cooperative=coop, expected_version=None, pattern="pendirian_baru", phone="0711"
    )
    response = officer_client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "advance", "version": stale})
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    assert not StageTransition.objects.exists()


def test_a_correction_with_a_reason_moves_the_stage_back(officer_client, district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    response = officer_client.post(
        f"/koperasi/{coop.pk}/tahap/", {"action": "correct", "to_stage": "belum", "reason": "Notulen keliru"}
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    correction = StageTransition.objects.filter(cooperative=coop, is_correction=True).get()
    assert (correction.from_stage, correction.to_stage, correction.reason, correction.actor) == (
        Stage.MUSDESUS,
        Stage.BELUM,
        "Notulen keliru",
        district_officer,
    )


def test_the_deed_stage_is_not_reached_through_the_stage_form(officer_client, district_officer):
    coop = founded(district_officer)
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    response = advance(officer_client, coop)
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    assert StageTransition.objects.filter(cooperative=coop).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"to_stage": "belum", "reason": ""},
        {"to_stage": "belum", "reason": "   "},
        {"to_stage": "belum"},
        {"to_stage": "musdesus", "reason": "Bukan mundur"},
        {"to_stage": "akta", "reason": "Maju lewat koreksi"},
        {"to_stage": "bogus", "reason": "Tahap tak dikenal"},
    ],
)
def test_a_correction_without_a_reason_or_to_a_later_stage_changes_nothing(officer_client, district_officer, data):
    coop = with_musdesus(district_officer, register(district_officer))
    response = officer_client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "correct", **data})
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS
    assert not StageTransition.objects.filter(is_correction=True).exists()


# --- page structure --------------------------------------------------------------------------------------------------


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids.extend(value for name, value in attrs if name == "id" and value)


def duplicate_ids(html: str) -> list[str]:
    parser = Ids()
    parser.feed(html)
    return sorted({i for i in parser.ids if parser.ids.count(i) > 1})


@pytest.mark.parametrize(
    "tab",
    [
        "",
        "ubah/",
        "pendiri/",
        "pengurus/",
        "rapat/",
        "dokumen/",
        "riwayat/",
    ],
)
def test_every_element_id_on_a_cooperative_page_is_unique(officer_client, district_officer, tab):
    coop = with_musdesus(district_officer, register(district_officer))
    add_founders(district_officer, coop, count=2)
    response = officer_client.get(f"/koperasi/{coop.pk}/{tab}")
    assert response.status_code == 200
    assert duplicate_ids(response.content.decode()) == []


def test_the_roster_is_closed_after_the_founding_meeting(officer_client, district_officer):
    coop = founded(district_officer)
    response = officer_client.post(f"/koperasi/{coop.pk}/pendiri/", founder(GOOD_NIK))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert coop.members.count() == 9
    assert not coop.members.filter(nik=GOOD_NIK).exists()
