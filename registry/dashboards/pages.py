"""Whole dashboard pages, kept in each process for the browser session that was shown them.

The cached body (`registry.dashboards.cache`) still leaves a page the base template to render: the header links the
apps register, the user's name, the logout form's CSRF token. Those are the same on every view of one session until
something the key names changes, so the finished page is kept under a key holding all of them:
- the body's key (the roll-up's time, the area, the role, the language, the projection's input), so a page is never
  older than the rows it shows;
- the user (id, name, role, region), the session's CSRF secret (the token in the page stays valid; another browser of
  the same user has its own entry), the numbers beside the header links (unread notifications) and the freshness
  warning (it turns on 30 minutes after the roll-up without a new roll-up).
A page with a message to show (a flash message after a redirect) is neither served from nor put in this cache.

Per process and bounded (least recently used out): the entries are per session, so they stay out of Redis.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from django.contrib.messages import get_messages
from django.http import HttpRequest

from registry import navigation
from registry.dashboards.freshness import Freshness

MAX_PAGES = 256
_PAGES: OrderedDict[str, bytes] = OrderedDict()


def page_key(request: HttpRequest, *, body_key: str, fresh: Freshness) -> str | None:
    """The key of this request's whole page; None when it must be rendered (no CSRF cookie yet, a message waiting)."""
    secret = request.META.get("CSRF_COOKIE")
    if request.method != "GET" or not secret or len(get_messages(request)):
        return None
    user = request.user
    raw = "|".join(
        str(part)
        for part in (
            body_key,
            user.pk,
            user.get_username(),
            user.get_full_name(),
            user.role,
            user.region_id,
            secret,
            navigation.header_counts(user),
            fresh.stale,
            fresh.failed_at,
        )
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def get(key: str) -> bytes | None:
    content = _PAGES.get(key)
    if content is not None:
        _PAGES.move_to_end(key)
    return content


def put(key: str, content: bytes) -> None:
    _PAGES[key] = content
    _PAGES.move_to_end(key)
    while len(_PAGES) > MAX_PAGES:
        _PAGES.popitem(last=False)


def clear() -> None:
    _PAGES.clear()
