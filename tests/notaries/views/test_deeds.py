"""The notary's pages and the officer's verification through the browser's forms."""

import re

import pytest
from django.urls import reverse

from cooperatives.models import Cooperative, NikView
from notaries.models import Deed, DeedDownload, DeedStatus
from registry.stages import Stage
from tests.notaries.factories import deed_pdf, encrypted_pdf


def test_the_notary_area_lists_assigned_cooperatives_and_own_deeds(client, notary, deed, django_assert_max_num_queries):
    client.force_login(notary)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("notaries:home"))

    body = response.content.decode()
    assert "Koperasi Desa Merah Putih Embawang" in body
    assert "Diajukan" in body


def test_a_notary_not_linked_to_the_registry_is_told_so(client, notary):
    client.force_login(notary)

    response = client.get(reverse("notaries:home"))

    assert "Akun Anda belum ditautkan ke notaris dalam registri" in response.content.decode()


def test_the_notary_records_a_deed_with_its_pdf(client, notary, assigned):
    client.force_login(notary)

    response = client.post(
        reverse("notaries:cooperative", args=[assigned.pk]),
        {"number": "7", "date": "2025-07-01", "file": deed_pdf()},
    )

    deed = Deed.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("notaries:deed", args=[deed.pk])
    assert (deed.number, deed.status) == ("7", DeedStatus.DIAJUKAN)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: deed_pdf(name="x.pdf").__class__("akta.pdf", b"ini bukan pdf", "application/pdf"), "bukan PDF"),
        (encrypted_pdf, "dilindungi kata sandi atau enkripsi"),
    ],
)
def test_a_refused_pdf_is_shown_with_its_reason(client, notary, assigned, upload, message):
    client.force_login(notary)

    response = client.post(
        reverse("notaries:cooperative", args=[assigned.pk]), {"number": "7", "date": "2025-07-01", "file": upload()}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Deed.objects.exists()


def test_opening_the_founders_full_niks_logs_each_showing(client, notary, assigned):
    client.force_login(notary)

    response = client.get(reverse("notaries:founders", args=[assigned.pk]))

    member = assigned.members.order_by("full_name").first()
    assert member.nik in response.content.decode()
    assert NikView.objects.filter(user=notary, cooperative=assigned).count() == assigned.members.count()


def test_the_officer_verifies_and_the_cooperative_reaches_akta(client, district_officer, deed):
    client.force_login(district_officer)

    response = client.post(reverse("notaries:deed_decide", args=[deed.pk]), {"action": "verify"})

    assert response.status_code == 302
    assert Cooperative.objects.get(pk=deed.cooperative_id).stage == Stage.AKTA
    assert Deed.objects.get(pk=deed.pk).status == DeedStatus.TERVERIFIKASI


def test_the_officer_rejects_with_a_reason_the_notary_then_reads(client, district_officer, notary, deed):
    client.force_login(district_officer)
    client.post(reverse("notaries:deed_decide", args=[deed.pk]), {"action": "reject", "reason": "Nomor salah."})

    client.force_login(notary)
    response = client.get(reverse("notaries:deed", args=[deed.pk]))

    body = response.content.decode()
    assert "Ditolak" in body and "Nomor salah." in body
    assert 'data-testid="correct"' in body


def test_a_rejection_without_reason_is_refused(client, district_officer, deed):
    client.force_login(district_officer)

    response = client.post(reverse("notaries:deed_decide", args=[deed.pk]), {"action": "reject", "reason": ""})

    assert response.status_code == 400
    assert Deed.objects.get(pk=deed.pk).status == DeedStatus.DIAJUKAN


def test_the_notary_submits_a_correction_as_a_new_version(client, notary, deed):
    client.force_login(notary)

    response = client.post(
        reverse("notaries:deed_correct", args=[deed.pk]),
        {"number": "12", "date": "2025-07-02", "file": deed_pdf("Perbaikan")},
    )

    new = Deed.objects.get(is_current=True)
    assert response["Location"] == reverse("notaries:deed", args=[new.pk])
    assert (new.version, new.supersedes_id) == (2, deed.pk)


def test_the_file_is_served_inline_and_every_download_is_recorded(client, district_officer, notary, deed):
    client.force_login(district_officer)
    response = client.get(reverse("notaries:deed_file", args=[deed.pk]))
    client.force_login(notary)
    client.get(reverse("notaries:deed_file", args=[deed.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert re.match(r'inline; filename="akta-16\.03\.01\.2011-v1\.pdf"', response["Content-Disposition"])
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert list(DeedDownload.objects.order_by("id").values_list("user_id", flat=True)) == [
        district_officer.pk,
        notary.pk,
    ]


def test_the_officers_deed_list_shows_the_waiting_ones_oldest_first(
    client, district_officer, deed, django_assert_max_num_queries
):
    client.force_login(district_officer)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("notaries:deeds"), {"status": "diajukan"})

    assert [d.pk for d in response.context["page"].object_list] == [deed.pk]


def test_the_worklist_filter_deeds_waiting_lists_the_village_of_the_waiting_deed(
    client, district_officer, deed, django_assert_max_num_queries
):
    client.force_login(district_officer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("cooperatives:worklist", args=["16.03"]), {"queue": "deeds_waiting"})

    assert [v.code for v in response.context["page"].object_list] == [deed.cooperative.village_id]
    assert "Akta menunggu verifikasi" in response.content.decode()


def test_the_cooperative_page_links_the_officer_to_the_notary_choice(client, district_officer, founded):
    client.force_login(district_officer)

    response = client.get(reverse("cooperatives:detail", args=[founded.pk]))

    assert f"/notaris/direktori/?koperasi={founded.pk}" in response.content.decode()


def test_the_queue_is_offered_only_to_district_officers(client, provincial_staff, deed):
    client.force_login(provincial_staff)

    response = client.get(reverse("cooperatives:worklist", args=["16.03"]), {"queue": "deeds_waiting"})

    assert response.context["filters"]["queue"] == ""
    assert response.context["queues"] == []


def test_a_verified_deed_shows_as_superseded_once_the_cooperative_is_corrected_back(client, district_officer, deed):
    from cooperatives import services as cooperative_services
    from notaries import services

    services.deed_verify(actor=district_officer, deed=deed)
    cooperative_services.cooperative_correct_stage(
        actor=district_officer,
        cooperative=Cooperative.objects.get(pk=deed.cooperative_id),
        to_stage=Stage.RAPAT_PENDIRIAN,
        reason="Akta perlu diperbaiki.",
    )
    client.force_login(district_officer)

    response = client.get(reverse("notaries:deed", args=[deed.pk]))

    assert response.context["shown_status"] == "digantikan"
    assert "Digantikan" in response.content.decode()
