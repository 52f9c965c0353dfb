"""The district officer's main path through the browser: a cooperative from registration to the founding meeting
stage; then a provincial officer sees it read-only."""

import re

import pytest
from playwright.sync_api import Page, expect

from registry.services import DEMO_PASSWORD
from tests.cooperatives.builders import FOUNDERS
from tests.factories import EMBAWANG, make_nik, pdf_file

pytestmark = pytest.mark.e2e


def _pdf(name: str) -> dict:
    upload = pdf_file(name)
    return {"name": name, "mimeType": "application/pdf", "buffer": upload.read()}


def _login(page: Page, portal: str, username: str) -> None:
    page.goto(f"{portal}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form[action='/masuk/'] button[type=submit]").click()


def _advance(page: Page) -> None:
    page.locator("form:has(input[name=action][value=advance]) button").click()


def _record_meeting(page: Page, kind: str, date: str, file_name: str) -> None:
    form = page.locator(f"#meeting-{kind} form")
    form.locator("input[name=date]").fill(date)
    form.locator("input[name=place]").fill("Balai Desa Embawang")
    form.locator("input[name=attendance]").fill("60")
    form.locator("input[name=minutes]").set_input_files(_pdf(file_name))
    form.locator("button[type=submit]").click()


def test_officer_takes_a_cooperative_to_the_founding_meeting_and_province_sees_it_read_only(page: Page, portal: str):
    _login(page, portal, "petugas.muaraenim")
    expect(page).to_have_url(f"{portal}/koperasi/wilayah/16.03/")
    page.locator("#q").fill("Embawang")
    page.locator("form.filters button[type=submit]").click()
    page.locator(f"a[href='/koperasi/baru/{EMBAWANG}/']").click()

    # Register: the name is proposed, money typed the Indonesian way.
    expect(page.locator("#id_name")).to_have_value("Koperasi Desa Merah Putih Embawang")
    page.locator("#id_pattern").select_option("pendirian_baru")
    page.locator("#id_simpanan_pokok").fill("1.500.000")
    page.locator("form.card button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Koperasi Desa Merah Putih Embawang")
    expect(page.locator("dl.grid")).to_contain_text("Rp1.500.000")
    coop_url = page.url

    # Musdesus with its minutes, then the first step.
    page.locator("nav.tabs a").nth(3).click()
    _record_meeting(page, "musdesus", "2025-05-20", "ba-musdesus.pdf")
    expect(page.locator("#meeting-musdesus")).to_contain_text("20 Mei 2025")
    _advance(page)
    expect(page.locator(".steps li.current")).to_contain_text("Musdesus")

    # Founders: a NIK that is one digit short is refused with a message that says what to fix.
    page.locator("nav.tabs a").nth(1).click()
    page.locator("#id_nik").fill("160301120585001")
    expect(page.get_by_test_id("nik-errors")).to_contain_text("16 digit")
    page.locator("#id_full_name").fill("Siti Aminah")
    page.locator("#id_birth_place").fill("Muara Enim")
    page.locator("#id_address").fill("Dusun 1")
    page.get_by_role("button", name=re.compile("Tambah pendiri")).click()
    expect(page.locator(".errorlist").first).to_contain_text("16 digit")
    expect(page.locator("#id_full_name")).to_have_value("Siti Aminah")
    for i, (name, gender, birth) in enumerate(FOUNDERS):
        page.locator("#id_nik").fill(make_nik(birth=birth, gender=gender, serial=i + 1))
        page.locator("#id_full_name").fill(name)
        page.locator("#id_birth_place").fill("Muara Enim")
        page.locator("#id_address").fill(f"Dusun {i + 1}")
        page.get_by_role("button", name=re.compile("Tambah pendiri")).click()
        expect(page.get_by_test_id("members").locator("tbody tr")).to_have_count(i + 1)
    expect(page.get_by_test_id("members")).not_to_contain_text(make_nik(birth=FOUNDERS[0][2], gender="P", serial=1))

    # Board: five officers from the founders, the kepala desa chairs the supervisors.
    page.locator("nav.tabs a").nth(2).click()
    for position, (name, _gender, _birth) in zip(
        ["ketua", "wakil_ketua_usaha", "wakil_ketua_anggota", "sekretaris", "bendahara"], FOUNDERS, strict=False
    ):
        page.locator("#id_position").select_option(position)
        page.locator("#id_member").select_option(label=name)
        page.locator("form:has(#id_position) button[type=submit]").click()
    page.locator("#id_position").select_option("ketua_pengawas")
    page.locator("#id_name").fill("H. Sulaiman")
    page.locator("form:has(#id_position) button[type=submit]").click()
    expect(page.locator("table").first.locator("tbody tr")).to_have_count(5)

    # Founding meeting, then the founding-meeting stage.
    page.locator("nav.tabs a").nth(3).click()
    _record_meeting(page, "rapat_pendirian", "2025-06-10", "ba-pendirian.pdf")
    _advance(page)
    expect(page.locator(".steps li.current")).to_contain_text("Rapat pendirian")

    # The provincial officer sees the same cooperative, read-only.
    page.locator("header.site form[action='/keluar/'] button").click()
    _login(page, portal, "staf.sumsel")
    page.goto(coop_url + "pendiri/")
    expect(page.get_by_test_id("read-only")).to_be_visible()
    expect(page.get_by_test_id("members").locator("tbody tr")).to_have_count(9)
    expect(page.locator("#id_nik")).to_have_count(0)
    expect(page.locator("form:has(input[name=action][value=advance])")).to_have_count(0)


def test_a_typed_birth_date_that_contradicts_the_nik_is_flagged_while_typing(page: Page, portal: str):
    _login(page, portal, "petugas.muaraenim")
    page.goto(f"{portal}/koperasi/baru/{EMBAWANG}/")
    page.locator("#id_pattern").select_option("pendirian_baru")
    page.locator("form.card button[type=submit]").click()
    page.locator("nav.tabs a").nth(1).click()
    page.locator("#id_nik").fill(make_nik(birth=FOUNDERS[1][2], gender="L", serial=7))
    expect(page.get_by_test_id("nik-ok")).to_be_visible()
    page.locator("#id_birth_date").fill("1990-01-01")
    expect(page.get_by_test_id("nik-errors")).to_contain_text("Tanggal lahir tidak sesuai dengan NIK")
