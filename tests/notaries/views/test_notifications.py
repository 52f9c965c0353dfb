"""The notifications page and the unread count beside its header link."""

from django.urls import reverse


def test_the_officer_sees_the_unread_count_in_the_header_and_the_list(client, district_officer, deed):
    client.force_login(district_officer)

    response = client.get(reverse("notaries:notifications"))

    body = response.content.decode()
    assert "Notifikasi (1)" in body
    assert "Akta 12 Koperasi Desa Merah Putih Embawang telah diajukan dan menunggu verifikasi Anda." in body


def test_marking_all_read_clears_the_count(client, district_officer, deed):
    client.force_login(district_officer)

    client.post(reverse("notaries:notifications_read"))
    response = client.get(reverse("notaries:notifications"))

    assert "Notifikasi (1)" not in response.content.decode()


def test_a_user_sees_only_their_own_notifications(client, other_district_officer, deed):
    client.force_login(other_district_officer)

    response = client.get(reverse("notaries:notifications"))

    assert response.context["rows"] == []
