"""The progress tasks: burst coalescing through the cache, the retry settings, the advisory lock that keeps two full
roll-ups apart, and a save that reaches a real worker over Redis and changes the row."""

import io
import os
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connection, connections
from django.test import override_settings

from cooperatives import rollup
from cooperatives.models import Cooperative
from cooperatives.services import progress_changed
from cooperatives.services.progress import _Refresh
from cooperatives.tasks import pending_key, refresh_progress, rollup_progress_full
from registry.models import Progress, Role
from tests.cooperatives.builders import register
from tests.factories import UserFactory


@pytest.fixture
def clean_cache():
    cache.delete(pending_key("16.03"))
    yield
    cache.delete(pending_key("16.03"))


def test_a_burst_of_saves_in_one_regency_enqueues_a_handful_of_refreshes(
    clean_cache, django_capture_on_commit_callbacks
):
    with mock.patch.object(refresh_progress, "apply_async") as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            progress_changed(regency_code="16.03")  # the first save, through the hook
        started = time.monotonic()
        for i in range(999):
            _Refresh("16.03")()  # what each further save's commit runs
            if i == 500:
                cache.delete(pending_key("16.03"))  # the worker starts the first refresh mid-burst
        elapsed = time.monotonic() - started
    assert elapsed < 5
    assert enqueue.call_count == 2
    assert enqueue.call_args.kwargs == {"countdown": 1}
    assert enqueue.call_args.args == (("16.03",),)


def test_a_refresh_drops_the_pending_mark_so_the_next_save_enqueues_again(clean_cache):
    with mock.patch.object(refresh_progress, "apply_async") as enqueue:
        for _ in range(3):
            _Refresh("16.03")()
        assert enqueue.call_count == 1
        refresh_progress("16.03")  # the worker runs it (eagerly here)
        _Refresh("16.03")()
        assert enqueue.call_count == 2


def test_the_tasks_retry_with_a_cap_when_the_database_is_away():
    for task in (refresh_progress, rollup_progress_full):
        assert set(task.autoretry_for) == {OperationalError, InterfaceError}
        assert task.max_retries == 3
        assert task.retry_backoff
        assert task.soft_time_limit < task.time_limit


def test_the_beat_runs_the_full_rollup_every_15_minutes_and_nightly():
    from registry.settings import base

    entries = [e for e in base.CELERY_BEAT_SCHEDULE.values() if e["task"] == "cooperatives.tasks.rollup_progress_full"]
    schedules = [e["schedule"] for e in entries]
    assert 15 * 60 in schedules
    nightly = next(s for s in schedules if not isinstance(s, int))
    assert nightly.hour == {2} and nightly.minute == {0}
    assert base.CELERY_TIMEZONE == "Asia/Jakarta"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the advisory lock is PostgreSQL's")
def test_a_second_full_rollup_returns_at_once_while_one_holds_the_lock(db):
    holder = type(connections["default"])(connection.settings_dict.copy(), alias="lock-holder")
    try:
        holder.set_autocommit(False)
        with holder.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [rollup.FULL_LOCK])
        with mock.patch.object(rollup, "all_rows", wraps=rollup.all_rows) as computed:
            assert rollup_progress_full() is False
        assert computed.call_count == 0
        assert not Progress.objects.exists()
        holder.rollback()  # the first roll-up ends: the next one runs
        assert rollup_progress_full() is True
        assert Progress.objects.filter(code="").exists()
    finally:
        holder.close()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker (CI sets REDIS_URL)")
def test_a_save_reaches_a_real_worker_and_changes_the_row(transactional_db):
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    from registry.celery import app

    def close(**kwargs):
        connection.close()  # the worker thread's own connection, so the test database can be dropped afterwards

    call_command("import_regions", only="16.03", verbosity=0, stdout=io.StringIO())  # the flush emptied the master
    rollup.rollup_full()
    assert Progress.objects.get(code="16.03").cooperatives == 0
    officer = UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03")
    cache.delete(pending_key("16.03"))
    app.conf.task_always_eager = False
    task_postrun.connect(close, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            register(officer)  # autocommit: the hook enqueues on commit, the worker recomputes
            deadline = time.monotonic() + 20
            while Progress.objects.get(code="16.03").cooperatives == 0 and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(close)
    assert Progress.objects.get(code="16.03").cooperatives == 1
    assert Progress.objects.get(code="16.03.01").villages_served == 1
    assert Progress.objects.get(code="").cooperatives == 1


@override_settings(DEBUG=True)
def test_seed_demo_ends_with_a_full_rollup(db):
    call_command("seed_demo", stdout=io.StringIO())
    active = Cooperative.objects.filter(is_active=True, village__parent__parent_id="16.03").count()
    assert active > 0
    assert Progress.objects.get(code="16.03").cooperatives == active
    assert Progress.objects.get(code="").cooperatives == Cooperative.objects.filter(is_active=True).count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="seed_national is PostgreSQL only")
def test_seed_national_ends_with_a_full_rollup(db):
    call_command("seed_national", "--regencies", "16.04", stdout=io.StringIO())
    active = Cooperative.objects.filter(is_active=True).count()
    assert active > 0
    assert Progress.objects.get(code="16.04").cooperatives == active
    assert Progress.objects.get(code="16").cooperatives == active
