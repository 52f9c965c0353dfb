"""notaries.services.deeds: recording, versions, duplicates, verification moving the stage, rejection."""

import datetime as dt

import pytest

from cooperatives import services as cooperative_services
from cooperatives.models import Cooperative
from notaries import selectors, services
from notaries.models import SUPERSEDED, Deed, DeedStatus
from registry.errors import ApplicationError
from registry.stages import Stage
from tests.cooperatives import builders
from tests.notaries.conftest import DEED_DATE
from tests.notaries.factories import deed_pdf

pytestmark = pytest.mark.usefixtures("indonesian")


def test_a_recorded_deed_waits_with_its_sha256_in_private_storage(deed, media):
    assert deed.status == DeedStatus.DIAJUKAN
    assert (deed.version, deed.year, deed.is_current) == (1, 2025, True)
    assert len(deed.sha256) == 64
    assert deed.file.name.startswith(f"notaries/16.03/{deed.cooperative_id}/akta-v1-")
    assert (media / deed.file.name).exists()


def test_the_identical_file_again_returns_the_existing_deed(notary, assigned, deed):
    again, created = services.deed_record(
        actor=notary, cooperative=assigned, number="99", date=DEED_DATE, file=deed_pdf()
    )

    assert (again.pk, created) == (deed.pk, False)
    assert Deed.objects.count() == 1


def test_a_second_deed_for_the_same_cooperative_is_refused(notary, assigned, deed):
    with pytest.raises(ApplicationError) as exc:
        services.deed_record(actor=notary, cooperative=assigned, number="13", date=DEED_DATE, file=deed_pdf("Lain"))

    assert exc.value.message == "Koperasi ini sudah mempunyai akta (12): ajukan perbaikannya."


def test_the_deed_number_is_unique_per_notary_and_year(notary, district_officer, registry_notary, deed):
    second = builders.founded(district_officer, village_code="16.03.01.2012", serial_offset=50)
    services.notary_assign(actor=district_officer, cooperative=second, notary=registry_notary)

    with pytest.raises(ApplicationError) as exc:
        services.deed_record(actor=notary, cooperative=second, number="12", date=DEED_DATE, file=deed_pdf("Dua"))

    assert exc.value.field == "number"
    assert exc.value.message.startswith("Nomor akta 12 tahun 2025 sudah dipakai untuk Koperasi Desa Merah Putih")


def test_the_same_number_in_another_year_is_accepted(notary, district_officer, registry_notary, deed, monkeypatch):
    second = builders.founded(district_officer, village_code="16.03.01.2012", serial_offset=50)
    services.notary_assign(actor=district_officer, cooperative=second, notary=registry_notary)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2026, 3, 1))

    other, created = services.deed_record(
        actor=notary, cooperative=second, number="12", date=dt.date(2026, 1, 5), file=deed_pdf("Dua")
    )

    assert (created, other.year) == (True, 2026)


def test_a_deed_of_a_cooperative_not_assigned_is_refused(notary, registry_notary, founded):
    with pytest.raises(ApplicationError) as exc:
        services.deed_record(actor=notary, cooperative=founded, number="1", date=DEED_DATE, file=deed_pdf())

    assert exc.value.message == "Koperasi ini tidak ditugaskan kepada Anda."


def test_a_deed_dated_before_the_founding_meeting_is_refused(notary, assigned):
    with pytest.raises(ApplicationError) as exc:
        services.deed_record(actor=notary, cooperative=assigned, number="1", date=dt.date(2025, 6, 1), file=deed_pdf())

    assert exc.value.field == "date"
    assert "rapat pendirian" in exc.value.message


def test_verification_moves_the_cooperative_to_akta_and_tells_the_notary(district_officer, notary, deed):
    verified = services.deed_verify(actor=district_officer, deed=deed)

    coop = Cooperative.objects.get(pk=deed.cooperative_id)
    assert verified.status == DeedStatus.TERVERIFIKASI
    assert (coop.stage, coop.deed_number, coop.deed_date) == (Stage.AKTA, "12", DEED_DATE)
    assert notary.notifications.filter(kind="deed_verified").count() == 1


def test_verifying_twice_changes_nothing(district_officer, deed):
    services.deed_verify(actor=district_officer, deed=deed)
    again = services.deed_verify(actor=district_officer, deed=deed)

    assert again.status == DeedStatus.TERVERIFIKASI
    assert Cooperative.objects.get(pk=deed.cooperative_id).version == deed.cooperative.version + 1


def test_another_regencys_officer_cannot_verify(other_district_officer, deed):
    with pytest.raises(ApplicationError) as exc:
        services.deed_verify(actor=other_district_officer, deed=deed)

    assert exc.value.message == "Hanya petugas kabupaten/kota tempat koperasi berada yang memverifikasi aktanya."


def test_a_rejection_needs_a_reason_and_the_notary_reads_it(district_officer, notary, deed):
    with pytest.raises(ApplicationError):
        services.deed_reject(actor=district_officer, deed=deed, reason="  ")

    rejected = services.deed_reject(actor=district_officer, deed=deed, reason="Nama ketua salah tulis.")

    assert (rejected.status, rejected.rejection_reason) == (DeedStatus.DITOLAK, "Nama ketua salah tulis.")
    assert selectors.notification_text(notary.notifications.get(kind="deed_rejected")).endswith(
        "ditolak: Nama ketua salah tulis."
    )


def test_a_correction_is_a_new_version_and_the_old_one_stays(district_officer, notary, deed, media):
    services.deed_reject(actor=district_officer, deed=deed, reason="Tanggal salah.")

    corrected, created = services.deed_correct(
        actor=notary, deed=deed, number="12", date=dt.date(2025, 7, 2), file=deed_pdf("Perbaikan")
    )

    old = Deed.objects.get(pk=deed.pk)
    assert created
    assert (corrected.version, corrected.supersedes_id, corrected.status) == (2, deed.pk, DeedStatus.DIAJUKAN)
    assert (old.is_current, old.status, old.rejection_reason) == (False, DeedStatus.DITOLAK, "Tanggal salah.")
    assert (media / old.file.name).exists() and (media / corrected.file.name).exists()
    assert [v.shown_status for v in selectors.deed_versions(corrected)] == [DeedStatus.DIAJUKAN, SUPERSEDED]


def test_a_retried_correction_returns_the_correction(district_officer, notary, deed):
    services.deed_reject(actor=district_officer, deed=deed, reason="Tanggal salah.")
    first, _ = services.deed_correct(actor=notary, deed=deed, number="12", date=DEED_DATE, file=deed_pdf("Perbaikan"))

    again, created = services.deed_correct(
        actor=notary, deed=deed, number="12", date=DEED_DATE, file=deed_pdf("Perbaikan")
    )

    assert (again.pk, created) == (first.pk, False)


def test_a_verified_deed_is_not_corrected_while_the_cooperative_is_at_akta(district_officer, notary, deed):
    services.deed_verify(actor=district_officer, deed=deed)

    with pytest.raises(ApplicationError) as exc:
        services.deed_correct(actor=notary, deed=deed, number="12", date=DEED_DATE, file=deed_pdf("Perbaikan"))

    assert exc.value.message == (
        "Akta ini sudah diverifikasi. Perbaikan baru dapat diajukan setelah petugas kabupaten/kota mengoreksi tahapnya."
    )


def test_a_cooperative_corrected_below_akta_shows_its_verified_deed_as_superseded(district_officer, notary, deed):
    services.deed_verify(actor=district_officer, deed=deed)
    cooperative_services.cooperative_correct_stage(
        actor=district_officer,
        cooperative=Cooperative.objects.get(pk=deed.cooperative_id),
        to_stage=Stage.RAPAT_PENDIRIAN,
        reason="Akta perlu diperbaiki.",
    )

    assert selectors.shown_status_of(deed) == SUPERSEDED
    assert Deed.objects.get(pk=deed.pk).status == DeedStatus.TERVERIFIKASI  # nothing overwritten
    corrected, created = services.deed_correct(
        actor=notary, deed=deed, number="12", date=DEED_DATE, file=deed_pdf("Perbaikan")
    )
    assert (created, corrected.version) == (True, 2)


def test_another_notary_cannot_correct_the_deed(other_notary, deed):
    with pytest.raises(ApplicationError) as exc:
        services.deed_correct(actor=other_notary, deed=deed, number="12", date=DEED_DATE, file=deed_pdf("X"))

    assert exc.value.message == "Ini akta notaris lain."


def test_every_download_is_recorded(district_officer, deed):
    services.deed_download_record(actor=district_officer, deed=deed)

    assert list(selectors.deed_downloads(deed).values_list("user_id", flat=True)) == [district_officer.pk]
