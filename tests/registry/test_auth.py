"""Login, logout, password change and login throttling (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_in_indonesian(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Nama pengguna" in response.text
    assert "Kata sandi" in response.text


def test_login_with_right_password_lands_the_district_officer_on_the_village_list(client, district_officer):
    response = _login(client, district_officer.username, PASSWORD)
    assert response.status_code == 302
    follow = client.get(response["Location"], follow=True)
    assert follow.redirect_chain[-1][0] == "/koperasi/wilayah/16.03/"


def test_login_with_wrong_password_says_what_to_check_in_indonesian(client, district_officer):
    response = _login(client, district_officer.username, "salah-sekali")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.text


def test_login_keeps_the_next_page(client, district_officer):
    response = client.post(
        reverse("login") + "?next=/wilayah/16.03/",
        {"username": district_officer.username, "password": PASSWORD, "next": "/wilayah/16.03/"},
    )
    assert response["Location"] == "/wilayah/16.03/"


def test_logout_needs_post_and_ends_the_session(client, district_officer):
    client.force_login(district_officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert client.get("/wilayah/16.03/")["Location"].startswith("/masuk/")


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_locked_after_repeated_failures_even_with_the_right_password(client, district_officer):
    for _ in range(3):
        _login(client, district_officer.username, "salah-sekali")
    response = _login(client, district_officer.username, PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in response.text
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_of_one_user_does_not_lock_another(client, district_officer, provincial_staff):
    for _ in range(3):
        _login(client, district_officer.username, "salah-sekali")
    response = _login(client, provincial_staff.username, PASSWORD)
    assert response.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_successful_login_resets_the_failure_count(client, district_officer):
    _login(client, district_officer.username, "salah-sekali")
    _login(client, district_officer.username, PASSWORD)
    assert AccessAttempt.objects.filter(username=district_officer.username).count() == 0


# Behind the reverse proxy every request comes from the proxy's address; the proxy appends the client's to
# X-Forwarded-For. Anything left of that entry was written by the client itself.
PROXY = "10.0.0.2"


def _login_through_proxy(client, username, password, *, forwarded_for):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_failures_from_one_client_do_not_lock_out_another(client, district_officer):
    for _ in range(3):
        _login_through_proxy(client, district_officer.username, "salah-sekali", forwarded_for="203.0.113.7")
    response = _login_through_proxy(client, district_officer.username, PASSWORD, forwarded_for="198.51.100.20")
    assert response.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_repeated_failures_lock_the_client_whatever_it_forges_before_the_proxy_entry(
    client, district_officer
):
    for forged in ["1.1.1.1", "2.2.2.2", "3.3.3.3"]:
        _login_through_proxy(client, district_officer.username, "salah-sekali", forwarded_for=f"{forged}, 203.0.113.7")
    response = _login_through_proxy(client, district_officer.username, PASSWORD, forwarded_for="4.4.4.4, 203.0.113.7")
    assert response.status_code == 429
    assert AccessAttempt.objects.get(username=district_officer.username).ip_address == "203.0.113.7"


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forwarded_address_sent_by_the_client_does_not_dodge_the_lockout(
    client, district_officer
):
    for forged in ["1.1.1.1", "2.2.2.2", "3.3.3.3"]:
        _login_through_proxy(client, district_officer.username, "salah-sekali", forwarded_for=forged)
    response = _login_through_proxy(client, district_officer.username, PASSWORD, forwarded_for="4.4.4.4")
    assert response.status_code == 429
    assert AccessAttempt.objects.get(username=district_officer.username).ip_address == PROXY


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("pendek", "Kata sandi terlalu pendek"),
        ("12345678901", "Kata sandi ini seluruhnya terdiri dari angka"),
    ],
)
def test_password_change_refuses_weak_passwords_in_indonesian(client, district_officer, new_password, message):
    client.force_login(district_officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 200
    assert message in response.text


def test_password_change_sets_the_new_password(client, district_officer):
    client.force_login(district_officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "koperasi-desa-2026", "new_password2": "koperasi-desa-2026"},
    )
    assert response["Location"] == reverse("password_change_done")
    district_officer.refresh_from_db()
    assert district_officer.check_password("koperasi-desa-2026")


def test_password_change_page_requires_login(client, db):
    response = client.get(reverse("password_change"))
    assert response["Location"].startswith("/masuk/")
