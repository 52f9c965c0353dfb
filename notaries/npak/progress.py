"""The state of an import started from the admin, kept in the cache under its Celery task id: the page's progress
bar polls it while the task runs (the import's transaction is still open, so the database cannot tell), and the
summary stays there for the result page. Files live in the private media storage (never served directly)."""

from __future__ import annotations

from django.core.cache import cache

TIMEOUT = 24 * 60 * 60
# The share of the bar each stage fills: reading and resolving the rows, then saving.
STAGES = {"resolve": (0, 40), "write": (40, 100)}
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


def cache_key(task_id: str) -> str:
    return f"npak-import:{task_id}"


def upload_name(task_id: str) -> str:
    return f"npak/uploads/{task_id}.csv"


def report_name(task_id: str) -> str:
    return f"npak/reports/{task_id}.csv"


def state_of(task_id: str) -> dict | None:
    return cache.get(cache_key(task_id))


def state_set(task_id: str, **state) -> dict:
    merged = {**(state_of(task_id) or {}), **state}
    cache.set(cache_key(task_id), merged, timeout=TIMEOUT)
    return merged


def percent(stage: str, done: int, total: int) -> int:
    start, end = STAGES.get(stage, (0, 100))
    share = done / total if total else 1.0
    return int(start + (end - start) * min(1.0, share))


def ticker(task_id: str):
    """A progress callback for `npak_import` that writes the cache at most once per percent."""
    last = {"percent": -1}

    def tick(stage: str, done: int, total: int) -> None:
        value = percent(stage, done, total)
        if value != last["percent"]:
            last["percent"] = value
            state_set(task_id, status=RUNNING, stage=stage, done=done, total=total, percent=value)

    return tick
