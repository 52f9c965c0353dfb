"""The dashboards in the browser: the Sumatera Selatan provincial officer lands on the province dashboard, sorts the
regency table, drills down to Muara Enim, a kecamatan and a village's cooperative, and downloads the XLSX export;
the national viewer's tile map. Screenshots of the national and province dashboards are saved as test artifacts in
KDMP_TEST_ARTIFACTS (default var/artifacts, ignored by git)."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from cooperatives import rollup
from registry.models import Progress, Region, RegionLevel
from registry.services import DEMO_PASSWORD, progress_snapshot_take
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(os.environ.get("KDMP_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "var" / "artifacts"))
LAWANG_KIDUL = "16.03.07"
STAGES = ["rapat_pendirian", "akta", "badan_hukum", "musdesus", "belum"]


@pytest.fixture
def dashboards(portal):
    """Cooperatives in Lawang Kidul (Muara Enim) and in Lahat, and the roll-up over them."""
    villages = Region.objects.filter(parent_id=LAWANG_KIDUL, level=RegionLevel.VILLAGE).order_by("code")[:5]
    for village, stage in zip(villages, STAGES, strict=True):
        CooperativeFactory(village_id=village.code, stage=stage, name=f"Koperasi Kelurahan Merah Putih {village.name}")
    lahat = Region.objects.filter(code__startswith="16.04.", level=RegionLevel.VILLAGE).order_by("code").first()
    CooperativeFactory(village_id=lahat.code, stage="akta")
    rollup.rollup_full()
    progress_snapshot_take()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return portal


def _login(page: Page, portal: str, username: str) -> None:
    page.goto(f"{portal}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form[action='/masuk/'] button[type=submit]").click()


def _codes(page: Page) -> list[str]:
    return page.get_by_test_id("table-wilayah").locator("tbody tr td:first-child").all_inner_texts()


def test_provincial_officer_sorts_drills_down_to_a_cooperative_and_exports(page: Page, dashboards: str):
    portal = dashboards
    _login(page, portal, "staf.sumsel")
    expect(page).to_have_url(f"{portal}/wilayah/16/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sumatera Selatan")
    expect(page.get_by_test_id("freshness")).to_contain_text("Angka per")
    page.screenshot(path=ARTIFACTS / "dashboard-province-16.png", full_page=True)
    print(f"screenshot: {ARTIFACTS / 'dashboard-province-16.png'}")

    # Sort the regencies by their share of the target: Muara Enim (Lawang Kidul's three formed) comes first.
    table = page.get_by_test_id("table-wilayah")
    share = table.get_by_role("button", name="Rapat pendirian ke atas, % dari target")
    share.click()
    expect(share).to_have_attribute("aria-sort", "ascending")
    share.click()
    expect(share).to_have_attribute("aria-sort", "descending")
    assert _codes(page)[0] == "16.03"
    table.get_by_role("button", name="Kode").click()
    assert _codes(page) == sorted(_codes(page))

    table.get_by_role("link", name="Kabupaten Muara Enim").click()
    expect(page).to_have_url(f"{portal}/wilayah/16.03/")
    expect(page.locator("nav.breadcrumbs")).to_contain_text("Sumatera Selatan")

    # The kecamatan table as XLSX: the same numbers as the roll-up rows.
    with page.expect_download() as download:
        page.get_by_test_id("export-wilayah-xlsx").click()
    rows = list(load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Kode", "Wilayah", "Desa/kelurahan")
    by_code = {r[0]: r for r in rows[1:]}
    assert len(by_code) == 22
    lawang = Progress.objects.get(code=LAWANG_KIDUL)
    assert by_code[LAWANG_KIDUL][1:6] == ("Lawang Kidul", lawang.villages, lawang.villages_served, lawang.target, 5)
    assert by_code[LAWANG_KIDUL][7] == lawang.reached["rapat_pendirian"] == 3

    # The kecamatan leads to the cooperatives worklist filtered to it, and on to a village's cooperative.
    page.get_by_test_id("table-wilayah").get_by_role("link", name="Lawang Kidul").click()
    expect(page).to_have_url(f"{portal}/koperasi/wilayah/16.03/?kecamatan={LAWANG_KIDUL}")
    first = Region.objects.filter(parent_id=LAWANG_KIDUL).order_by("code").first()
    page.get_by_role("link", name=f"Koperasi Kelurahan Merah Putih {first.name}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Koperasi Kelurahan Merah Putih {first.name}")


def test_national_viewer_sees_the_tile_map_and_opens_a_province_from_it(page: Page, dashboards: str):
    portal = dashboards
    call_command("import_regions", stdout=io.StringIO())  # the whole country: 38 tiles on the map
    rollup.rollup_full()
    _login(page, portal, "pemantau.nasional")
    expect(page).to_have_url(f"{portal}/wilayah/")
    expect(page.get_by_test_id("tilemap").locator("li")).to_have_count(38)
    expect(page.locator("#chart-trend")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "dashboard-national.png", full_page=True)
    print(f"screenshot: {ARTIFACTS / 'dashboard-national.png'}")

    page.get_by_test_id("tilemap").get_by_role("link", name="Sumatera Selatan").click()
    expect(page).to_have_url(f"{portal}/wilayah/16/")
    expect(page.locator("#chart-ranking")).to_be_visible()


def test_dashboard_on_a_phone_fits_and_offers_the_trend_as_a_table(page: Page, dashboards: str):
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, dashboards, "staf.sumsel")
    page.get_by_text("Tampilkan tren sebagai tabel").click()
    expect(page.get_by_test_id("table-tren")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "dashboard-province-16-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
