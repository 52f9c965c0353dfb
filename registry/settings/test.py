"""The test suite. Uses DATABASE_URL / REDIS_URL when set (CI: PostgreSQL and Redis), else SQLite in memory."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key-kdmp-registry-not-secret-0123456789abcdefghij"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run in-process so a test sees their effect; a separate test drives a real worker over Redis.
CELERY_TASK_ALWAYS_EAGER = True
# `seed_demo` in tests makes Muara Enim only; tests/cooperatives/test_demo_national.py builds the national picture.
KDMP_DEMO_NATIONAL_SIZE = 0
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/kdmp-test-media")  # noqa: S108
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
# No collected static files in tests (whitenoise would warn that the folder is missing).
STATIC_ROOT = None
