"""Each demo user logs in through the browser and sees their own area."""

import pytest
from playwright.sync_api import Page, expect

from registry.services import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def _login(page: Page, portal: str, username: str) -> None:
    page.goto(f"{portal}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_national_admin_sees_the_country_and_reaches_the_admin(page: Page, portal: str):
    _login(page, portal, "admin.nasional")
    expect(page).to_have_url(f"{portal}/wilayah/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Indonesia")
    expect(page.get_by_test_id("table-wilayah").get_by_role("link", name="Sumatera Selatan")).to_be_visible()
    page.get_by_role("link", name="Administrasi").click()
    expect(page.get_by_role("link", name="Pengguna").first).to_be_visible()


def test_national_viewer_drills_down_from_the_country_to_a_kecamatan(page: Page, portal: str):
    _login(page, portal, "pemantau.nasional")
    page.get_by_test_id("table-wilayah").get_by_role("link", name="Sumatera Selatan").click()
    page.get_by_test_id("table-wilayah").get_by_role("link", name="Kabupaten Muara Enim").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kabupaten Muara Enim")
    expect(page.get_by_test_id("table-wilayah").locator("tbody tr")).to_have_count(22)
    page.get_by_test_id("table-wilayah").get_by_role("link", name="Tanjung Agung").click()
    expect(page.get_by_test_id("worklist").get_by_role("cell", name="Embawang")).to_be_visible()


def test_provincial_staff_lands_on_their_province(page: Page, portal: str):
    _login(page, portal, "staf.sumsel")
    expect(page).to_have_url(f"{portal}/wilayah/16/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sumatera Selatan")
    expect(page.get_by_test_id("table-wilayah").get_by_role("link", name="Kabupaten Muara Enim")).to_be_visible()


def test_district_officer_lands_on_the_worklist_of_their_regency_and_searches_it(page: Page, portal: str):
    _login(page, portal, "petugas.muaraenim")
    expect(page).to_have_url(f"{portal}/koperasi/wilayah/16.03/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Koperasi di Kabupaten Muara Enim")
    page.get_by_label("Desa, koperasi atau kode").fill("Embawang")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_test_id("worklist").locator("tbody tr")).to_have_count(1)
    expect(page.get_by_role("link", name="Daftarkan koperasi")).to_be_visible()


def test_district_officer_gets_not_found_for_another_regency(page: Page, portal: str):
    _login(page, portal, "petugas.muaraenim")
    response = page.goto(f"{portal}/wilayah/16.04/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Halaman tidak ditemukan")


def test_notary_lands_on_the_notary_area(page: Page, portal: str):
    _login(page, portal, "notaris.muaraenim")
    expect(page).to_have_url(f"{portal}/notaris/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ruang notaris")
    expect(page.get_by_text("Kabupaten Muara Enim")).to_be_visible()


def test_user_switches_to_english_and_logs_out(page: Page, portal: str):
    _login(page, portal, "staf.sumsel")
    page.get_by_label("Bahasa").select_option("en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{portal}/masuk/")


def test_wrong_password_shows_a_message_in_indonesian(page: Page, portal: str):
    page.goto(f"{portal}/masuk/")
    page.get_by_label("Nama pengguna").fill("petugas.muaraenim")
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("Nama pengguna atau kata sandi salah")
