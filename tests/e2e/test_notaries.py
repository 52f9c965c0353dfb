"""The deed's path through the browser: the demo notary records a deed with its PDF, the Muara Enim officer verifies
it, the cooperative's stepper shows `akta`, and a second notary cannot open the deed's URL."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from notaries import services
from registry.models import Role, User
from registry.services import DEMO_PASSWORD
from tests.cooperatives import builders
from tests.factories import PASSWORD, UserFactory
from tests.notaries.factories import NotaryFactory, deed_pdf

pytestmark = pytest.mark.e2e


def _login(page: Page, portal: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{portal}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def _page(browser: Browser) -> Page:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def assigned(portal):
    """A cooperative of Embawang at the founding meeting stage, assigned to the demo notary; a second notary."""
    officer = User.objects.get(username="petugas.muaraenim")
    notary = NotaryFactory(name="Affuroh, S.H.", user=User.objects.get(username="notaris.muaraenim"))
    coop = builders.founded(officer)
    services.notary_assign(actor=officer, cooperative=coop, notary=notary)
    second = UserFactory(username="notaris.kedua", role=Role.NOTARY, region_id="16.03")
    NotaryFactory(name="Budi Hartono, S.H.", user=second)
    return coop


def test_a_deed_from_the_notary_to_the_officers_verification(browser: Browser, page: Page, portal: str, assigned):
    # The notary records the deed with its PDF.
    _login(page, portal, "notaris.muaraenim")
    expect(page).to_have_url(f"{portal}/notaris/")
    page.get_by_test_id("assigned").get_by_role("link", name=assigned.name).click()
    form = page.get_by_test_id("deed-form")
    form.get_by_label("Nomor akta").fill("12")
    form.get_by_label("Tanggal akta").fill("2025-07-01")
    pdf = deed_pdf()
    form.get_by_label("Akta (PDF, paling besar 10 MB)").set_input_files(
        {"name": "akta.pdf", "mimeType": "application/pdf", "buffer": pdf.read()}
    )
    form.get_by_role("button", name="Catat akta").click()
    expect(page.get_by_test_id("deed-status")).to_have_text("Diajukan")
    deed_url = page.url
    assert re.search(r"/notaris/akta/\d+/$", deed_url)

    # The officer finds it in the queue, opens the PDF inline and verifies it.
    officer = _page(browser)
    _login(officer, portal, "petugas.muaraenim")
    officer.get_by_role("link", name=re.compile(r"^Notifikasi \(1\)$")).click()
    officer.get_by_test_id("notifications").get_by_role("link").first.click()
    expect(officer).to_have_url(deed_url)
    with officer.expect_popup() as popup:
        officer.get_by_test_id("deed-file").click()
    assert popup.value.url.endswith("/berkas/")
    officer.get_by_test_id("verify").click()
    expect(officer.get_by_test_id("deed-status")).to_have_text("Terverifikasi")
    officer.get_by_test_id("coop-link").click()
    expect(officer.locator(".steps li.current")).to_have_text("Akta pendirian")

    # A second notary cannot open the deed, nor its file.
    second = _page(browser)
    _login(second, portal, "notaris.kedua", PASSWORD)
    expect(second).to_have_url(f"{portal}/notaris/")
    for url in (deed_url, f"{deed_url}berkas/"):
        response = second.goto(url)
        assert response is not None and response.status == 404
