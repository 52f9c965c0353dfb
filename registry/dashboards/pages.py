"""Whole dashboard pages, kept in each process for the browser session that was shown them, and served to it again
near the top of the middleware stack with one query: no session or user load, no login and scope checks, no render.

The dashboards are the pages staff reload all day, and their body is already cached per area
(`registry.dashboards.cache`). What is left of a view is Django's per-request work: the middleware, the session and
user rows, the roll-up status, the header's numbers, the base template. A kept page skips all of it while nothing it
was made from has changed, which one query shows by reading, as one row:
- the session's row (same data, not expired): the same login, the same session auth hash, no message stored in it.
  Logging out, expiry, a new login or a password change give another row or none;
- the user's row, every column: role and region (what the scope checks read), active, names, password;
- the roll-up status (the body's key: a new roll-up writes a new time; a failure shows the warning).
Beside that row: the numbers next to the header links (unread notifications, read from the cache as on every page),
the date (the projection's "today"), and the freshness warning, which turns on 30 minutes after the roll-up time. A
request with a message waiting (a flash message after a redirect) is neither served from nor put in this store.

The row is read before the rest of the stack runs, and the header numbers before the page renders, so a change while
the page renders makes the next view render again: a page is never kept under a state older than what it shows. Only
pages that passed the full path for this session (login, `registry.access` scope, a 200 the view marked with `keep`)
are kept, with the headers the stack gave them, under a key of the session cookie, the CSRF cookie (the page's forms
carry a token of it), the language cookie, the host and the URL with its query. Per process and bounded (least
recently used out): the entries are per session, so they stay out of Redis.
"""

from __future__ import annotations

import datetime
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone

from registry import navigation
from registry.dashboards.freshness import STALE_AFTER, Freshness
from registry.models import RollupStatus

MAX_PAGES = 256


@dataclass(frozen=True)
class Kept:
    content: bytes
    headers: tuple[tuple[str, str], ...]  # as the middleware below this one gave them (no cookie among them)
    state: tuple  # the session, user and roll-up status row, read before the page was made
    counts: tuple  # the numbers beside the header links, read before the page rendered
    user: object  # the user the page was made for (its header numbers are read again on every serve)
    day: datetime.date
    until: datetime.datetime | None  # the freshness warning turns on then (None: it already shows)

    def serves(self, *, state: tuple | None, now: datetime.datetime) -> bool:
        return (
            state == self.state
            and timezone.localdate(now) == self.day
            and (self.until is None or now <= self.until)
            and navigation.header_counts(self.user) == self.counts
        )

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response.headers[name] = value
        return response


_PAGES: OrderedDict[tuple, Kept] = OrderedDict()
_LOCK = threading.Lock()  # gunicorn's threaded workers share one store per process


def kept_page(applies: Callable[..., bool] = lambda **kwargs: True):
    """Marks a view whose pages `KeptPagesMiddleware` may keep; `applies(**url_kwargs)` narrows it to some URLs (the
    state is read before the view only for those). The view still says, with `keep`, which answer may be kept."""

    def decorator(view):
        view.kept_page_applies = applies
        return view

    return decorator


def keep(request: HttpRequest, *, fresh: Freshness, day: datetime.date) -> None:
    """Called by the view before it renders: this page may be kept (nothing waits to be shown once only)."""
    if len(get_messages(request)):
        return
    until = fresh.as_of + STALE_AFTER if fresh.as_of is not None and not fresh.stale else None
    request._kept_page = {"day": day, "until": until, "counts": navigation.header_counts(request.user)}


class KeptPagesMiddleware:
    """Right below the security and static-file middleware: a kept page skips everything under it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _key(request)
        if key is None:
            return self.get_response(request)
        now = timezone.now()
        kept = _PAGES.get(key)
        if kept is not None:
            if kept.serves(state=_state(session_key=key[0], user_id=kept.user.pk, now=now), now=now):
                _touch(key)
                return kept.response()
            with _LOCK:
                _PAGES.pop(key, None)
        user_id = _session_user_id(session_key=key[0], now=now)
        state = _state(session_key=key[0], user_id=user_id, now=now) if user_id is not None else None
        response = self.get_response(request)
        mark = getattr(request, "_kept_page", None)
        if state is not None and mark is not None and _keepable(request, response, user_id=user_id, csrf=key[1]):
            _put(
                key,
                Kept(
                    content=response.content,
                    headers=tuple(response.items()),
                    state=state,
                    counts=mark["counts"],
                    user=request.user,
                    day=mark["day"],
                    until=mark["until"],
                ),
            )
        return response


def _key(request: HttpRequest) -> tuple | None:
    cookies = request.COOKIES
    session_key = cookies.get(settings.SESSION_COOKIE_NAME)
    csrf = cookies.get(settings.CSRF_COOKIE_NAME)
    if request.method != "GET" or not session_key or not csrf or cookies.get(CookieStorage.cookie_name):
        return None
    if not _session_in_database():
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    applies = getattr(match.func, "kept_page_applies", None)
    if applies is None or not applies(**match.kwargs):
        return None
    language = cookies.get(settings.LANGUAGE_COOKIE_NAME, "")
    return (session_key, csrf, language, request.get_host(), request.get_full_path())


def _keepable(request: HttpRequest, response: HttpResponse, *, user_id, csrf: str) -> bool:
    # The page's forms carry a token of the CSRF secret the browser holds (Django sends that cookie again after every
    # render only to renew its expiry); a secret made or unmasked by this request is not the cookie's, so not kept.
    user = request.user
    return (
        response.status_code == 200
        and not response.streaming
        and user.is_authenticated
        and user.pk == user_id
        and not request.session.modified
        and request.META.get("CSRF_COOKIE") == csrf
        and not any(cookie for name, cookie in response.cookies.items() if name != settings.CSRF_COOKIE_NAME)
    )


def _put(key: tuple, kept: Kept) -> None:
    with _LOCK:
        _PAGES[key] = kept
        _PAGES.move_to_end(key)
        while len(_PAGES) > MAX_PAGES:
            _PAGES.popitem(last=False)


def _touch(key: tuple) -> None:
    with _LOCK:
        if key in _PAGES:
            _PAGES.move_to_end(key)


def clear() -> None:
    with _LOCK:
        _PAGES.clear()


@functools.cache
def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _session_in_database() -> bool:
    """The state is read from the session table: the `db` and `cached_db` engines keep every session there."""
    return issubclass(_session_store(), DatabaseSessionStore)


def _quoted(model, column: str) -> str:
    return f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(column)}"


@functools.cache
def _state_sql() -> tuple[str, str]:
    session = _session_store().get_model_class()
    user = get_user_model()
    columns = [_quoted(session, "session_data"), *(_quoted(user, f.column) for f in user._meta.concrete_fields)]
    columns += [_quoted(RollupStatus, "last_success_at"), _quoted(RollupStatus, "last_failure_at")]
    table = connection.ops.quote_name
    current_session = f"{_quoted(session, 'session_key')} = %s AND {_quoted(session, 'expire_date')} > %s"
    # Table and column names from the models' metadata, quoted; every value is a parameter.
    state = (
        f"SELECT {', '.join(columns)} FROM {table(session._meta.db_table)} "  # noqa: S608
        f"JOIN {table(user._meta.db_table)} ON {_quoted(user, user._meta.pk.column)} = %s "
        f"LEFT JOIN {table(RollupStatus._meta.db_table)} ON {_quoted(RollupStatus, 'singleton')} = %s "
        f"WHERE {current_session}"
    )
    data = f"SELECT {_quoted(session, 'session_data')} FROM {table(session._meta.db_table)} WHERE {current_session}"  # noqa: S608
    return state, data


def _state(*, session_key: str, user_id, now: datetime.datetime) -> tuple | None:
    """The row a kept page depends on, None when the session is gone or expired. Raw SQL: the same few columns on
    every serve, without the ORM's compile step (which would cost more than the query)."""
    with connection.cursor() as cursor:
        cursor.execute(_state_sql()[0], [user_id, True, session_key, connection.ops.adapt_datetimefield_value(now)])
        row = cursor.fetchone()
    return tuple(row) if row is not None else None


def _session_user_id(*, session_key: str, now: datetime.datetime):
    with connection.cursor() as cursor:
        cursor.execute(_state_sql()[1], [session_key, connection.ops.adapt_datetimefield_value(now)])
        row = cursor.fetchone()
    if row is None:
        return None
    user_id = _session_store()().decode(row[0]).get(SESSION_KEY)
    return get_user_model()._meta.pk.to_python(user_id) if user_id is not None else None
