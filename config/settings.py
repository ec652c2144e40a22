"""The one settings module. Production is configured only through the environment.

Development (`make run`) sets DJANGO_DEBUG=1; everything else has a production default
and fails loudly when a required value is missing.
"""

import sys
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# pytest imports this module itself; the test settings differ only where noted below.
TESTING = "pytest" in sys.modules

# Everyday commands (makemigrations, migrate, a shell) run without a secret. Serving or
# checking a production configuration without DJANGO_SECRET_KEY fails loudly: see
# config/wsgi.py (gunicorn refuses to start) and accounts/checks.py (check --deploy).
SECRET_KEY_FROM_ENVIRONMENT = bool(env.str("DJANGO_SECRET_KEY", default=""))
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY", default="django-insecure-development-key-never-use-in-production"
)

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "testserver"] if DEBUG or TESTING else [],
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The public address printed on certificates (verification URL and QR code).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "accounts",
    "documents",
    "youth",
    "companies",
    "placements",
    "goals",
    "certificates",
    "transfers",
    "reports",
    "privacy",
    "workspace",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.ClientAddressMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            # Dates and points written the same way on every page, without a {% load %}.
            "builtins": ["accounts.templatetags.display"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The task queue (config/celery.py). With no broker (the quick start, the tests) a task runs
# in-process when it is sent, so nothing else has to run. In production REDIS_URL is the
# broker and `celery -A config worker` does the work. A task is acknowledged only when done
# (acks_late): a worker that dies mid-task loses nothing, the task is delivered again, and
# every task is idempotent. Worker processes are replaced after a bounded number of tasks,
# so memory that WeasyPrint holds on to is given back.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL) or "memory://"
CELERY_TASK_ALWAYS_EAGER = not (env.str("CELERY_BROKER_URL", default="") or REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# With Redis, a task taken by a worker that dies (SIGKILL, power loss) is delivered again
# after this many seconds; it must be longer than the longest task (see the time limit).
# Every worker looks for such tasks every 10 seconds (kombu's default looks only every tenth
# time, and skips a turn when another worker is looking, so a task could wait minutes more).
# A look takes milliseconds under a lock in Redis; a worker killed while it held the lock
# kept every other worker from looking for kombu's default 5 minutes, here 30 seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_throttle": 1,
    "unacked_mutex_expire": 30,
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Issuing a cohort is one task per certificate (~0.3 s each) on a queue of its own; the rest
# (statistics counts, prepared documents, imports) stays on Celery's default queue. A worker
# started without --queues consumes both and takes from them in turn (kombu puts the queue
# it just took from last), so a manager's statistics wait for one certificate, not for a
# whole cohort (tests/core/test_task_queues.py). Production may run a worker per queue.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue("celery"), Queue("certificates")]
CELERY_TASK_ROUTES = {"certificates.tasks.*": {"queue": "certificates"}}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker process is replaced after this many tasks, or after a task that left it holding
# more than this much memory (KiB): WeasyPrint keeps some of what it allocates. A child
# issuing certificates grew from 116 to 136 MB over 300 of them, so a replacement now and
# then is enough; each one may hold up a task that arrives as the child exits by ~4.5 s (seen
# as the last certificate of a cohort when the child's count ran out with it).
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=500)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int(
    "CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400 * 1024
)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 60
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Copenhagen"
# The statistics are counted at most this often per organisation and period (the shared
# cache); the page says "as of" when they were counted. 0 counts on every request.
STATISTICS_CACHE_SECONDS = env.int("STATISTICS_CACHE_SECONDS", default=600)
# Older figures are kept this long: shown at once, with the time they were counted, while a
# task counts them again (reports/counting.py).
STATISTICS_KEEP_SECONDS = env.int("STATISTICS_KEEP_SECONDS", default=24 * 60 * 60)
# Prepared documents (GDPR exports, statistics reports) are deleted this long after they are
# asked for, by `manage.py purge_documents` (run it hourly from cron or a timer).
DOCUMENT_RETENTION_HOURS = env.int("DOCUMENT_RETENTION_HOURS", default=24)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sign-in links for mentors and youth: how long a new link is valid.
SIGNIN_LINK_DAYS = env.int("SIGNIN_LINK_DAYS", default=30)
# A placement's mentor may keep logging this many days after the placement ended.
MENTOR_GRACE_DAYS = env.int("MENTOR_GRACE_DAYS", default=30)
# Access-log rows are kept at least this long (GDPR accountability), then pruned.
ACCESS_LOG_RETENTION_DAYS = env.int("ACCESS_LOG_RETENTION_DAYS", default=365)
ACCESS_LOG_MINIMUM_DAYS = 183
if ACCESS_LOG_RETENTION_DAYS < ACCESS_LOG_MINIMUM_DAYS:
    raise ImproperlyConfigured(
        f"ACCESS_LOG_RETENTION_DAYS must be at least {ACCESS_LOG_MINIMUM_DAYS} (6 months)."
    )
# A youth's personal data is anonymised this long after the end of the course.
YOUTH_RETENTION_DAYS = env.int("YOUTH_RETENTION_DAYS", default=5 * 365)

# Sessions end after this much inactivity.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_SECONDS", default=2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# ... and, however active, this long after signing in: a working day for staff (password),
# shorter for mentors and youth who signed in by link (a phone may be lost or shared).
SESSION_MAX_SECONDS = env.int("DJANGO_SESSION_MAX_SECONDS", default=12 * 60 * 60)
SESSION_LINK_MAX_SECONDS = env.int("DJANGO_SESSION_LINK_MAX_SECONDS", default=4 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Trusted proxies (load balancer, reverse proxy) in front of the app: the client's address
# is then read from X-Forwarded-For (accounts/client.py). 0: clients connect directly.
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)

# Lock a username from one address after repeated failed sign-ins, and an address after
# more failures across usernames (password spraying). accounts/lockout.py applies the two.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "accounts.client.client_address"
AXES_RESET_ON_SUCCESS = True
# Keep every failed attempt (who, from where, when), not only the running count.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# One date format everywhere: config/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded logos and issued PDFs: private files, served only through views that check access.
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# Ed25519 signing keys of the Open Badges credentials, one folder per organisation (made by
# `manage.py credential_keys`). Never in the database or the repository: in production a
# private, backed-up folder shared by the app servers (see README, production).
CREDENTIAL_KEYS_DIR = env.path("CREDENTIAL_KEYS_DIR", default=BASE_DIR / "credential-keys")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

if DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="kompetencebeviser@localhost")

# Security headers. No inline script or style anywhere: everything comes from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "pikepdf": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
