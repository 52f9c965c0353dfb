"""The Muara Enim officer imports founders from the template: two mistakes reported row by row, fixed, committed,
and the founders are on the cooperative's page."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from registry.models import User
from registry.services import DEMO_PASSWORD
from tests.cooperatives import builders
from tests.cooperatives.imports.sheets import founder_rows

pytestmark = pytest.mark.e2e


def _login(page: Page, portal: str, username: str) -> None:
    page.goto(f"{portal}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form[action='/masuk/'] button[type=submit]").click()


def _filled(template: bytes, rows: list[dict], cells: dict) -> dict:
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook["Pendiri"]
    headers = [c.value for c in sheet[1]]
    for number, row in enumerate(rows, start=3):
        for key, value in row.items():
            sheet.cell(row=number, column=headers.index(key) + 1, value=value)
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    workbook.save(out)
    return {"name": "pendiri-embawang.xlsx", "mimeType": "application/octet-stream", "buffer": out.getvalue()}


def _upload(page: Page, coop_pk: int, file: dict) -> None:
    page.locator("#id_kind").select_option("pendiri")
    page.locator("#id_cooperative").select_option(str(coop_pk))
    page.locator("#id_file").set_input_files(file)
    page.get_by_role("button", name="Unggah dan periksa").click()


def test_officer_imports_founders_from_the_template_fixing_two_mistakes(page: Page, portal: str, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    officer = User.objects.get(username="petugas.muaraenim")
    coop = builders.register(officer)
    _login(page, portal, "petugas.muaraenim")
    page.goto(f"{portal}/koperasi/impor/")
    with page.expect_download() as download:
        page.get_by_test_id("template-members").click()
    template = open(download.value.path(), "rb").read()  # noqa: SIM115
    rows = founder_rows(9)
    rows[4]["Alamat"] = ""

    # Two mistakes: a NIK typed as a number (its last digit lost), and a founder without an address.
    nik_as_number = int(rows[1]["NIK"])
    _upload(page, coop.pk, _filled(template, rows, {"B4": nik_as_number}))
    errors = page.get_by_test_id("import-errors").locator("tbody tr")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_contain_text("NIK tersimpan sebagai angka")
    expect(errors.nth(1)).to_contain_text("Tulis alamat.")
    expect(page.get_by_test_id("commit")).to_have_count(0)

    # Fixed: the NIK as text, the address written.
    rows[4]["Alamat"] = "Dusun 5"
    page.goto(f"{portal}/koperasi/impor/")
    _upload(page, coop.pk, _filled(template, rows, {}))
    expect(page.get_by_test_id("rows-ok")).to_have_text("9")
    page.get_by_test_id("commit").click()
    expect(page.locator(".messages")).to_contain_text("Berkas tersimpan: 9 ditambah, 0 diubah, 0 tetap.")

    page.get_by_role("link", name="Lihat para pendiri").click()
    expect(page.get_by_test_id("members").locator("tbody tr")).to_have_count(9)
    expect(page.get_by_test_id("members")).to_contain_text("Siti Aminah")
