"""Production settings: refuse to start without their secrets, and pass `check --deploy` cleanly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "registry.settings.production",
    "SECRET_KEY": "k3Yq9vZ2pL7xW4mN8rT1sB6dF0hJ5gC2aE9uI3oP7yR4tW1qZ8xV6nM0bL2kJ5h",
    "ALLOWED_HOSTS": "kdmp.example.go.id",
    "DATABASE_URL": "sqlite:////tmp/kdmp-deploy-check.sqlite3",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "PYTHONPATH"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_settings_refuse_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_time_zone_is_jakarta_with_aware_datetimes():
    assert (settings.TIME_ZONE, settings.USE_TZ) == ("Asia/Jakarta", True)


def test_indonesian_is_the_default_language_and_english_the_second():
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _name in settings.LANGUAGES] == ["id", "en"]


def test_uploaded_files_live_outside_the_static_folders():
    media = Path(settings.MEDIA_ROOT).resolve()
    assert all(not media.is_relative_to(Path(d).resolve()) for d in settings.STATICFILES_DIRS)


def test_postgresql_connections_are_opened_without_jit():
    from registry.settings.base import portal_database

    config = portal_database({"ENGINE": "django.db.backends.postgresql", "NAME": "kdmp"})

    assert config["OPTIONS"]["options"] == "-c jit=off"
    assert "OPTIONS" not in portal_database({"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="JIT is a PostgreSQL setting")
def test_the_portal_connection_has_jit_off(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
