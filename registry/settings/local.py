"""Development on a laptop: `make run`. SQLite and eager Celery unless DATABASE_URL / REDIS_URL are set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Development only: this key never protects real data; production has no default.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-kdmp-registry-do-not-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# The SQLite file and private uploads live under var/ (ignored by git).
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405

# Notification emails (notaries: deeds submitted, verified, rejected) are printed to the console in development.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
