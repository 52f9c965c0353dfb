"""registry.dashboards.pages: a whole dashboard page kept for the session that was shown it, served again with one
query, and given up when anything it was made from may have changed."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.shortcuts import resolve_url
from django.test import Client, RequestFactory
from django.utils import timezone

from registry import navigation
from registry.dashboards import pages
from registry.models import Progress, Role, User
from registry.services import progress_replace, progress_rollup_failed
from tests.factories import UserFactory

STALE = "Angka ini sudah lebih dari 30 menit: rekap mungkin berhenti."
FAILED = "Rekap terakhir gagal"
SAME_HEADERS = ("Content-Type", "Cache-Control", "Vary", "Content-Language", "X-Frame-Options")


def _rendered(response) -> bool:
    return "registry/dashboard/page.html" in [t.name for t in response.templates]


@pytest.fixture(autouse=True)
def _empty_store():
    pages.clear()
    yield
    pages.clear()


@pytest.fixture
def viewer(client, national_viewer):
    client.force_login(national_viewer)
    client.get("/wilayah/16/")  # the first page sets the CSRF cookie the kept pages are keyed on
    return client


def test_the_same_session_is_served_the_kept_page_with_one_query(viewer, seeded, django_assert_num_queries):
    rendered = viewer.get("/wilayah/16/")
    with django_assert_num_queries(1):
        kept = viewer.get("/wilayah/16/")

    assert (rendered.status_code, kept.status_code) == (200, 200)
    assert _rendered(rendered)
    assert (kept.templates, kept.content) == ([], rendered.content)
    assert [kept.get(h) for h in SAME_HEADERS] == [rendered.get(h) for h in SAME_HEADERS]
    assert kept["Cache-Control"] == "private, no-store"


def test_the_national_page_is_kept_too(viewer, seeded, django_assert_num_queries):
    rendered = viewer.get("/wilayah/")
    with django_assert_num_queries(1):
        kept = viewer.get("/wilayah/")

    assert _rendered(rendered)
    assert (kept.status_code, kept.content) == (200, rendered.content)


def test_another_query_string_is_another_page(viewer, seeded):
    viewer.get("/wilayah/16/")

    response = viewer.get("/wilayah/16/?window=28")

    assert _rendered(response)


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

    assert _rendered(response)
    assert ">778<" in response.content.decode()


def test_a_failed_roll_up_shows_its_warning_on_the_next_view(viewer, seeded):
    assert FAILED not in viewer.get("/wilayah/16/").content.decode()

    progress_rollup_failed(error="database unreachable")

    assert FAILED in viewer.get("/wilayah/16/").content.decode()


def test_a_roll_up_while_the_page_renders_makes_the_next_view_render_again(viewer, seeded, monkeypatch):
    """The state is read before the view: a page showing the old rows is never kept under the new roll-up's time."""
    from registry import dashboard_views

    original = dashboard_views.render
    row = Progress.objects.get(code="16.03")

    def roll_up_then_render(*args, **kwargs):
        row.cooperatives = 778
        progress_replace([row])  # the view has already read the old rows and status
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard_views, "render", roll_up_then_render)
    assert ">778<" not in viewer.get("/wilayah/16/").content.decode()
    monkeypatch.setattr(dashboard_views, "render", original)

    response = viewer.get("/wilayah/16/")

    assert _rendered(response)
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


def test_a_new_day_gives_a_new_page(viewer, seeded, monkeypatch):
    viewer.get("/wilayah/16/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr("registry.dashboards.pages.timezone.localdate", lambda *args: tomorrow)

    assert _rendered(viewer.get("/wilayah/16/"))


def test_after_logout_the_kept_page_is_not_served(viewer, seeded):
    viewer.get("/wilayah/16/")
    viewer.logout()

    response = viewer.get("/wilayah/16/")

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_an_expired_session_is_not_served_the_kept_page(viewer, seeded):
    viewer.get("/wilayah/16/")
    Session.objects.filter(session_key=viewer.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert viewer.get("/wilayah/16/").status_code == 302


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"is_active": False}, 302),
        ({"password": "pbkdf2_sha256$1$changed$elsewhere="}, 302),  # the session's auth hash no longer matches
        ({"role": Role.PROVINCIAL_STAFF, "region_id": "32"}, 404),  # scope: another province now
    ],
    ids=["deactivated", "password-changed", "moved-to-another-province"],
)
def test_a_change_to_the_user_row_is_seen_by_the_next_view(viewer, seeded, national_viewer, change, status):
    viewer.get("/wilayah/16/")

    User.objects.filter(pk=national_viewer.pk).update(**change)  # as an administrator's edit would

    assert viewer.get("/wilayah/16/").status_code == status


def test_a_page_with_a_message_waiting_is_neither_served_from_nor_kept(viewer, seeded):
    viewer.get("/wilayah/16/")
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    viewer.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, "Pengaturan tersimpan.")])

    with_message = viewer.get("/wilayah/16/")
    after = viewer.get("/wilayah/16/")

    assert "Pengaturan tersimpan." in with_message.content.decode()
    assert after.templates == []  # the page kept before the message, still true
    assert "Pengaturan tersimpan." not in after.content.decode()


def test_a_session_without_a_csrf_cookie_yet_is_not_kept(client, national_viewer, seeded):
    client.force_login(national_viewer)

    first = client.get("/wilayah/16/")  # sets the CSRF cookie: its token is not the browser's yet
    second = client.get("/wilayah/16/")

    assert settings.CSRF_COOKIE_NAME in first.cookies
    assert (_rendered(first), _rendered(second)) == (True, True)
    assert client.get("/wilayah/16/").templates == []


def test_the_kept_page_s_form_token_is_accepted(viewer, seeded):
    """The logout form of a kept page carries a token of the session's CSRF secret: it still works."""
    viewer.get("/wilayah/16/")
    html = viewer.get("/wilayah/16/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = viewer.cookies

    response = strict.post("/keluar/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert SESSION_KEY not in strict.session


def test_a_kecamatan_page_is_not_kept(client, district_officer, seeded):
    client.force_login(district_officer)
    client.get("/wilayah/16.03.07/")
    client.get("/wilayah/16.03.07/")

    response = client.get("/wilayah/16.03.07/")

    assert response.status_code == 200
    assert response.templates != []


def test_a_page_outside_the_area_is_never_kept(client, provincial_staff, seeded):
    client.force_login(provincial_staff)
    client.get("/wilayah/16/")  # sets the CSRF cookie
    client.get("/wilayah/16/")  # kept

    statuses = [client.get("/wilayah/32/").status_code for _ in range(2)]

    assert statuses == [404, 404]
    assert len(pages._PAGES) == 1  # the province's own page only


def test_the_english_page_is_kept_apart(viewer, seeded):
    indonesian = viewer.get("/wilayah/16/").content.decode()
    viewer.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    viewer.get("/wilayah/16/")

    english = viewer.get("/wilayah/16/").content.decode()

    assert english != indonesian
    assert 'lang="en"' in english


def test_the_oldest_kept_page_makes_room(viewer, seeded, monkeypatch):
    monkeypatch.setattr(pages, "MAX_PAGES", 1)
    viewer.get("/wilayah/16/")
    viewer.get("/wilayah/16.03/")  # pushes the province out

    assert _rendered(viewer.get("/wilayah/16/"))
    assert len(pages._PAGES) == 1


def test_a_page_another_thread_pushed_out_meanwhile_is_served_without_error(viewer, seeded, monkeypatch):
    """Threaded gunicorn workers share the store: the entry read may be gone when it is marked as recently used."""
    viewer.get("/wilayah/16/")
    touch = pages._touch

    def evicted_first(key):
        pages.clear()  # another thread's new page pushed it out
        touch(key)

    monkeypatch.setattr(pages, "_touch", evicted_first)

    response = viewer.get("/wilayah/16/")

    assert (response.status_code, response.templates) == (200, [])
