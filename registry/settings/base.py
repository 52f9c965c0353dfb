"""Settings shared by every environment. Values that differ come from the environment (django-environ)."""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "registry",
    "cooperatives",
    "notaries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A dashboard page kept for this browser session skips everything below (registry/dashboards/pages.py).
    "registry.dashboards.pages.KeptPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "registry.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "registry.middleware.PrivatePagesMiddleware",
    "registry.middleware.ControlCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "registry.urls"
WSGI_APPLICATION = "registry.wsgi.application"
ASGI_APPLICATION = "registry.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "registry.context_processors.navigation",
            ],
        },
    },
]


def portal_database(config: dict) -> dict:
    """The connection settings every environment adds to DATABASE_URL's.

    PostgreSQL without JIT: the portal's queries are short (OLTP), and on the national data JIT compilation cost up
    to 1 s per query and never paid back."""
    if config.get("ENGINE") == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    return config


# The embedded default is a SQLite file; production and CI set DATABASE_URL (PostgreSQL).
DATABASES = {"default": portal_database(env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"))}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "registry.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: after AXES_FAILURE_LIMIT failures for one username from one address the login is refused
# for AXES_COOLOFF_TIME hours. A national admin can lift it in the admin ("Access attempts").
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind the reverse proxy REMOTE_ADDR is the proxy's, the same for every user: one user's failures would lock out
# everyone. With TRUSTED_PROXY_COUNT proxies in front of gunicorn (production: 1) the client's address is taken from
# the entries they append to X-Forwarded-For; with 0 (the default, no proxy) the header is ignored, as a client could
# forge it to dodge the lockout.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "registry.client_ip.client_ip"

# Language: Bahasa Indonesia first, English selectable. See registry.middleware.DefaultLanguageMiddleware.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["registry.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")  # where collectstatic writes
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents (minutes, deeds) are private: never under STATIC_ROOT, served only by scoped views.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# No URL serves MEDIA_ROOT (files go out through scoped views). Django still wants a distinct prefix here.
MEDIA_URL = "/_private-media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "registry.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: Redis when REDIS_URL is set, otherwise tasks run eagerly in the web process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Periodic work. Apps add their entries here (the progress roll-up safety net joins with its issue).
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "registry.tasks.sessions_clear_expired",
        "schedule": 60 * 60 * 24,
    },
    # The progress roll-up's safety net: a full recompute every 15 minutes and nightly at 02:00 WIB (CELERY_TIMEZONE).
    "progress-rollup-full": {
        "task": "cooperatives.tasks.rollup_progress_full",
        "schedule": 15 * 60,
    },
    "progress-rollup-nightly": {
        "task": "cooperatives.tasks.rollup_progress_full",
        "schedule": crontab(hour=2, minute=0),
    },
    # The day's data point of the progress trend (registry.services.progress_snapshot_take), just before WIB midnight.
    "progress-snapshot-daily": {
        "task": "registry.tasks.progress_snapshot_take",
        "schedule": crontab(hour=23, minute=55),
    },
}

REST_FRAMEWORK = {
    # Token first: an unauthenticated API call gets 401 with a WWW-Authenticate header, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "registry.api_pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "registry.api_errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Portal Registri Koperasi Desa/Kelurahan Merah Putih",
    "DESCRIPTION": (
        "API registri pembentukan Koperasi Desa/Kelurahan Merah Putih. Autentikasi dengan token "
        "(`Authorization: Token <token>`) atau sesi browser. Setiap data dibatasi wilayah pengguna."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a `kind` (and stages appear as `stage` and `to_stage`): one named enum each.
    "ENUM_NAME_OVERRIDES": {
        "RegionKindEnum": "registry.models.RegionKind",
        "StageEnum": "registry.stages.Stage",
        "CooperativeKindEnum": "cooperatives.models.CooperativeKind",
        "UnitKindEnum": "cooperatives.models.UnitKind",
        "MeetingKindEnum": "cooperatives.models.MeetingKind",
        "DocumentKindEnum": "cooperatives.models.DocumentKind",
        "ImportKindEnum": "cooperatives.imports.models.ImportKind",
        "ImportStatusEnum": "cooperatives.imports.models.ImportStatus",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

SESSION_COOKIE_AGE = 60 * 60 * 10
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"

# Formation rules that law or policy may change (DOMAIN.md: configurable rather than guessed).
KDMP_MIN_FOUNDERS = env.int("KDMP_MIN_FOUNDERS", default=9)  # UU 25/1992 as amended: 9 for a primary cooperative
KDMP_MIN_FOUNDER_AGE = env.int("KDMP_MIN_FOUNDER_AGE", default=17)
# Inpres 9/2025 was signed on 27 March 2025: no formation evidence (meeting, deed, SK AHU) is dated before it.
KDMP_PROGRAMME_START = datetime.date.fromisoformat(env.str("KDMP_PROGRAMME_START", default="2025-03-27"))
KDMP_MAX_UPLOAD_BYTES = env.int("KDMP_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# `seed_demo`: cooperatives of the national demo picture over every province (0: Muara Enim only).
KDMP_DEMO_NATIONAL_SIZE = env.int("KDMP_DEMO_NATIONAL_SIZE", default=4000)
# Spreadsheet imports (cooperatives/imports): the largest file, what an XLSX (a zip) may expand to, the most rows, and
# from how many rows the import runs as a Celery task with a progress bar.
KDMP_IMPORT_MAX_BYTES = env.int("KDMP_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
KDMP_IMPORT_MAX_EXPANDED_BYTES = env.int("KDMP_IMPORT_MAX_EXPANDED_BYTES", default=100 * 1024 * 1024)
KDMP_IMPORT_MAX_ROWS = env.int("KDMP_IMPORT_MAX_ROWS", default=20_000)
KDMP_IMPORT_TASK_ROWS = env.int("KDMP_IMPORT_TASK_ROWS", default=500)
KDMP_MIN_BOARD_SIZE = 5
