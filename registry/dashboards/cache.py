"""The per-area cache of the dashboards' rendered body (Django's cache: Redis when REDIS_URL is set).

The key holds the time of the last successful roll-up write (`RollupStatus.last_success_at`, written in the roll-up's
own transaction). When the roll-up writes new rows the key changes, in every process at once, so a cached body is
never older than the rows it shows ("as of"); the old entries simply expire. Before the first roll-up nothing is
cached (the pages then show the region master's counts, which a target or settings change may alter). What else
shapes the body is in the key too: the region, the role (which links it may follow), the language and the
projection's parameters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language

TIMEOUT = 60 * 60  # seconds; the full roll-up rewrites every 15 minutes, so entries are replaced long before
PREFIX = "dashboard:v1"


def key(*, token: str, code: str, variant: str = "", audience: str = "") -> str:
    raw = f"{token}|{code}|{audience}|{get_language()}|{variant}"
    return f"{PREFIX}:{code or 'id'}:{hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()}"


# A copy of the most recent entries in this process, in front of the shared cache: a key names one roll-up's rows, so
# the copy can never be staler than the shared entry; it saves the Redis round trip of a ~80 KB body per page view.
_LOCAL: dict[str, dict] = {}
LOCAL_ENTRIES = 128


def get_or_build(cache_key: str, build: Callable[[], dict]) -> dict:
    payload = _LOCAL.get(cache_key)
    if payload is not None:
        return payload
    payload = cache.get(cache_key)
    if payload is None:
        payload = build()
        cache.set(cache_key, payload, TIMEOUT)
    if len(_LOCAL) >= LOCAL_ENTRIES:
        _LOCAL.clear()  # entries of older roll-ups; simpler than an LRU, and refilled from the shared cache
    _LOCAL[cache_key] = payload
    return payload
