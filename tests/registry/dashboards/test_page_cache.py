"""registry.dashboards.pages: a whole dashboard page kept for the session that was shown it, and given up when
anything it shows may have changed."""

import datetime

import pytest
from django.contrib.messages import add_message, constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import Client, RequestFactory
from django.utils import timezone

from registry import navigation
from registry.dashboards import pages
from registry.dashboards.freshness import Freshness
from registry.models import Progress
from registry.services import progress_replace
from tests.factories import UserFactory

STALE = "Angka ini sudah lebih dari 30 menit: rekap mungkin berhenti."


@pytest.fixture
def viewer(client, national_viewer):
    client.force_login(national_viewer)
    client.get("/wilayah/16/")  # the first page sets the CSRF cookie the kept pages are keyed on
    return client


def test_the_same_session_is_served_the_kept_page_without_rendering(viewer, seeded):
    rendered = viewer.get("/wilayah/16/")
    kept = viewer.get("/wilayah/16/")
    assert (rendered.status_code, kept.status_code) == (200, 200)
    assert "registry/dashboard/page.html" in [t.name for t in rendered.templates]
    assert (kept.templates, kept.content) == ([], rendered.content)


def test_another_user_gets_a_page_of_their_own(viewer, seeded):
    viewer.get("/wilayah/16/")
    other = UserFactory(role="national_viewer", region_id=None, first_name="Pemantau", last_name="Kedua")
    second = Client()
    second.force_login(other)
    second.get("/wilayah/16/")

    html = second.get("/wilayah/16/").content.decode()

    assert 'data-testid="current-user">Pemantau Kedua' in html


def test_a_new_roll_up_gives_a_new_page(viewer, seeded):
    viewer.get("/wilayah/16/")
    row = Progress.objects.get(code="16.03")
    row.cooperatives = 778
    progress_replace([row])

    response = viewer.get("/wilayah/16/")

    assert response.templates != []
    assert ">778<" in response.content.decode()


def test_a_new_number_beside_a_header_link_gives_a_new_page(viewer, seeded, monkeypatch):
    unread = {"n": 0}
    link = navigation.HeaderLink(
        "test.unread", "Kotak masuk", lambda user: "/kotak-masuk/", lambda user: True, 99, lambda user: unread["n"]
    )
    monkeypatch.setitem(navigation.site._header, "test.unread", link)
    viewer.get("/wilayah/16/")
    unread["n"] = 3

    html = viewer.get("/wilayah/16/").content.decode()

    assert "Kotak masuk (3)" in html


def test_the_stale_warning_appears_on_a_kept_page_30_minutes_later(viewer, seeded, monkeypatch):
    assert STALE not in viewer.get("/wilayah/16/").content.decode()
    later = timezone.now() + datetime.timedelta(minutes=31)
    monkeypatch.setattr("registry.dashboard_views.timezone.now", lambda: later)

    assert STALE in viewer.get("/wilayah/16/").content.decode()


def _request(user, *, csrf: str | None = "s" * 32):
    request = RequestFactory().get("/wilayah/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    if csrf:
        request.META["CSRF_COOKIE"] = csrf
    return request


def test_a_page_with_a_message_waiting_is_not_kept(national_viewer):
    request = _request(national_viewer)
    fresh = Freshness(as_of=timezone.now(), stale=False, failed_at=None)
    assert pages.page_key(request, body_key="k", fresh=fresh) is not None

    add_message(request, constants.SUCCESS, "Tersimpan.")

    assert pages.page_key(request, body_key="k", fresh=fresh) is None


def test_a_session_without_a_csrf_cookie_yet_is_not_kept(national_viewer):
    fresh = Freshness(as_of=timezone.now(), stale=False, failed_at=None)
    assert pages.page_key(_request(national_viewer, csrf=None), body_key="k", fresh=fresh) is None


def test_the_oldest_kept_page_makes_room(monkeypatch):
    monkeypatch.setattr(pages, "MAX_PAGES", 2)
    pages.clear()
    pages.put("a", b"A")
    pages.put("b", b"B")
    pages.get("a")
    pages.put("c", b"C")
    assert (pages.get("a"), pages.get("b"), pages.get("c")) == (b"A", None, b"C")
    pages.clear()
