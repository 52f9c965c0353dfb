"""The test suite. Uses DATABASE_URL / REDIS_URL when set (CI: PostgreSQL and Redis), else SQLite in memory."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import REDIS_URL, env

# `make test` runs the suite in parallel processes (pytest-xdist: gw0, gw1, …). pytest-django gives each its own test
# database; each also gets its own Redis database (cache, broker: a `cache.clear()` or a worker test of one process
# must not touch another's) and its own media folder.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_WORKER_NUMBER = int(_XDIST_WORKER.removeprefix("gw")) if _XDIST_WORKER.startswith("gw") else None
if REDIS_URL and _WORKER_NUMBER is not None:
    _parts = urlsplit(REDIS_URL)
    _base_db = int(_parts.path.strip("/") or 0)
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{_base_db + 1 + _WORKER_NUMBER}"))
    CACHES = {"default": {"BACKEND": "registry.cache.RedisCache", "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key-kdmp-registry-not-secret-0123456789abcdefghij"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run in-process so a test sees their effect; a separate test drives a real worker over Redis.
CELERY_TASK_ALWAYS_EAGER = True
# `seed_demo` in tests makes Muara Enim only; tests/cooperatives/test_demo_national.py builds the national picture.
KDMP_DEMO_NATIONAL_SIZE = 0
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=f"/tmp/kdmp-test-media{_XDIST_WORKER}")  # noqa: S108
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
# No collected static files in tests (whitenoise would warn that the folder is missing).
STATIC_ROOT = None
