"""notaries.quality: the deed lists of the data-quality page, deeds waiting for verification for more than 7 days and
verified deeds without SK AHU 30 days after the deed, for every reader of the page in their area."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cooperatives.models import Cooperative
from notaries import quality, services
from notaries.models import Deed

DATA_QUALITY = "/koperasi/kualitas-data/"
READERS_OF_SUMATERA_SELATAN = ["district_officer", "provincial_staff", "national_viewer", "national_admin"]
OUTSIDE = ["other_district_officer", "other_provincial_staff"]


def listed(response, key: str) -> list:
    section = next(s for s in response.context["sections"] if s.list.key == key)
    return list(section.page.object_list)


def submitted_days_ago(deed: Deed, days: float) -> Deed:
    Deed.objects.filter(pk=deed.pk).update(submitted_at=timezone.now() - dt.timedelta(days=days))
    return deed


@pytest.fixture
def officer_client(client, district_officer):
    client.force_login(district_officer)
    return client


@pytest.fixture
def verified(district_officer, deed) -> Deed:
    """`deed` (dated 1 July 2025) verified: its cooperative is at the deed stage, without SK AHU."""
    return services.deed_verify(actor=district_officer, deed=deed)


# --- deeds waiting for verification ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS_OF_SUMATERA_SELATAN)
def test_a_deed_waiting_eight_days_is_listed_for_every_reader_of_its_area(request, client, deed, role):
    submitted_days_ago(deed, 8)
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert listed(response, "deeds_waiting") == [deed]
    assert "Akta menunggu verifikasi lebih dari 7 hari" in response.content.decode()


@pytest.mark.parametrize("role", OUTSIDE)
def test_a_deed_waiting_in_another_area_is_not_listed(request, client, deed, role):
    submitted_days_ago(deed, 8)
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert listed(response, "deeds_waiting") == []
    assert "Tidak ada akta di wilayah Anda yang menunggu selama itu." in response.content.decode()


def test_a_deed_waiting_six_days_is_not_listed_yet(officer_client, deed):
    submitted_days_ago(deed, 6)
    assert listed(officer_client.get(DATA_QUALITY), "deeds_waiting") == []


def test_a_rejected_deed_is_not_waiting(district_officer, deed):
    services.deed_reject(actor=district_officer, deed=submitted_days_ago(deed, 10), reason="Nomor akta keliru")
    assert list(quality.deeds_waiting(quality.deeds_in_area(district_officer))) == []


def test_the_officer_s_row_links_the_deed_and_the_cooperative(officer_client, deed):
    submitted_days_ago(deed, 9)
    html = officer_client.get(DATA_QUALITY).content.decode()
    table = html.split('data-testid="deeds-waiting"', 1)[1].split("</table>", 1)[0]
    assert f'<a href="/notaris/akta/{deed.pk}/">12</a> (1 Juli 2025)' in table
    assert f'<a href="/koperasi/{deed.cooperative_id}/">{deed.cooperative.name}</a>' in table
    assert "Hj. Siti Aminah, S.H., M.Kn." in table


def test_staff_who_may_not_open_deeds_get_the_cooperative_link_only(client, provincial_staff, deed):
    submitted_days_ago(deed, 9)
    client.force_login(provincial_staff)
    table = client.get(DATA_QUALITY).content.decode().split('data-testid="deeds-waiting"', 1)[1].split("</table>")[0]
    assert "/notaris/akta/" not in table
    assert "<td>12 (1 Juli 2025)</td>" in table
    assert f'<a href="/koperasi/{deed.cooperative_id}/">' in table


# --- verified deeds without SK AHU -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS_OF_SUMATERA_SELATAN)
def test_a_verified_deed_without_sk_ahu_after_thirty_days_is_listed(request, client, verified, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert listed(response, "deeds_without_sk") == [verified]
    assert "Akta tanpa SK AHU setelah 30 hari" in response.content.decode()


@pytest.mark.parametrize("role", OUTSIDE)
def test_a_deed_without_sk_ahu_in_another_area_is_not_listed(request, client, verified, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert listed(response, "deeds_without_sk") == []
    assert "Semua akta terverifikasi di wilayah Anda yang lebih lama dari itu sudah memiliki SK AHU." in (
        response.content.decode()
    )


def test_the_thirty_days_count_from_the_deed_date(verified):
    deeds = quality.deeds_in_area(verified.submitted_by)
    assert list(quality.deeds_without_sk_ahu(deeds, today=dt.date(2025, 7, 31))) == [verified]
    assert list(quality.deeds_without_sk_ahu(deeds, today=dt.date(2025, 7, 30))) == []


def test_a_cooperative_with_its_sk_ahu_number_leaves_the_list(officer_client, verified):
    Cooperative.objects.filter(pk=verified.cooperative_id).update(sk_ahu_number="AHU-0001234.AH.01.29.TAHUN 2025")
    assert listed(officer_client.get(DATA_QUALITY), "deeds_without_sk") == []


def test_a_deed_still_waiting_is_not_a_deed_without_sk_ahu(officer_client, deed):
    assert listed(officer_client.get(DATA_QUALITY), "deeds_without_sk") == []


# --- the page --------------------------------------------------------------------------------------------------------


def test_the_deed_lists_sit_between_the_duplicate_lists_and_the_stalled_one(officer_client, deed):
    keys = [s.list.key for s in officer_client.get(DATA_QUALITY).context["sections"]]
    assert keys == ["villages", "names", "deeds_waiting", "deeds_without_sk", "stalled", "served"]


def test_the_page_with_both_deed_lists_runs_a_bounded_number_of_queries(
    client, district_officer, verified, django_assert_max_num_queries
):
    client.force_login(district_officer)
    with django_assert_max_num_queries(16):
        response = client.get(DATA_QUALITY)
    assert listed(response, "deeds_without_sk") == [verified]


def test_the_notary_may_not_open_the_page(client, notary, deed):
    client.force_login(notary)
    assert client.get(DATA_QUALITY).status_code == 403
