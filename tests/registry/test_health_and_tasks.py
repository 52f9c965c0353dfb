"""/healthz, the Celery configuration, and the registry's periodic task."""

import os
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.utils import timezone

from registry import tasks
from registry.celery import app


def _expired_session(key: str) -> None:
    Session.objects.create(session_key=key, session_data="e30=", expire_date=timezone.now() - timedelta(days=1))


@override_settings(REDIS_URL="")
def test_healthz_reports_database_ok_and_eager_broker_without_redis(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


@override_settings(REDIS_URL="redis://127.0.0.1:1/0", CELERY_BROKER_URL="redis://127.0.0.1:1/0")
def test_healthz_is_503_when_the_broker_is_unreachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "error"


def test_healthz_is_503_when_the_database_fails(client, db):
    from registry import views

    with mock.patch.object(views.connection, "cursor", side_effect=RuntimeError("database down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker (CI sets REDIS_URL)")
def test_healthz_reports_the_real_redis_broker_ok(client, db):
    assert client.get("/healthz").json()["broker"] == "ok"


def test_celery_uses_json_only_and_has_time_limits():
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()  # the apps' tasks modules, as a worker imports them at start
    registered = set(app.tasks.keys())
    assert {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()} <= registered


def test_sessions_clear_expired_is_safe_to_run_twice(db):
    _expired_session("a" * 32)
    tasks.sessions_clear_expired.delay()
    tasks.sessions_clear_expired.delay()
    assert Session.objects.count() == 0


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker (CI sets REDIS_URL)")
def test_task_travels_through_redis_to_a_worker(transactional_db):
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun
    from django.db import connection

    def close_worker_connection(**kwargs):
        connection.close()  # the worker thread's own connection, so the test database can be dropped afterwards

    _expired_session("b" * 32)
    app.conf.task_always_eager = False
    task_postrun.connect(close_worker_connection, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            tasks.sessions_clear_expired.delay()
            deadline = time.monotonic() + 20
            while Session.objects.exists() and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(close_worker_connection)
    assert not Session.objects.exists()
