"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium), headless, no sandbox."""

import os
from io import StringIO

import pytest
from django.core.management import call_command

from registry.services import demo_users_ensure

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the Django calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def portal(live_server, transactional_db):
    """The live portal with Sumatera Selatan's regions and the demo accounts (browser tests run on a flushed DB)."""
    call_command("import_regions", "--only", "16", stdout=StringIO())
    demo_users_ensure()
    return live_server.url
