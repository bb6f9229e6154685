"""Settings for the China Briefings Archive, read from the environment.

DJANGO_DEBUG          "1"/"true" for development; off when unset (production mode)
DJANGO_SECRET_KEY     required when DJANGO_DEBUG is off
DJANGO_ALLOWED_HOSTS  comma-separated host names
DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://archive.example.org
DATABASE_URL          e.g. postgres://user:pass@host:5432/db; default: SQLite in var/
DATABASE_REPLICA_URLS comma-separated PostgreSQL read replicas of DATABASE_URL (none)
DATABASE_REPLICA_PIN_SECONDS  how long a client that wrote reads the primary (10)
DATABASE_REPLICA_MAX_LAG  seconds a replica may lag before the primary serves (30; 0: any)
DATABASE_REPLICA_CONNECT_TIMEOUT  seconds to wait for a replica's connection (2)
IMPORT_MAX_BYTES      largest briefing file the importer accepts (default 5 MB)
SEARCH_EXACT_LIMIT    matches counted exactly; above, counts are estimated (10,000)
SEARCH_PHRASE_EXACT_LIMIT  the same for phrases on PostgreSQL (1,000)
SEARCH_RANK_WINDOW    newest matches ranked by relevance per search (1,000)
ARCHIVE_COUNTS_CACHE_SECONDS  how long home/topic-list counts are kept (300)
SEARCH_CACHE_SECONDS  how long a search's counts and ranking are kept (600; 0: never)
PAGE_CACHE_SECONDS  how long a rendered public page is kept (600; 0: never)
DJANGO_LOG_LEVEL      the log level of everything but the request lines (WARNING)
DJANGO_PROXY_COUNT    trusted proxies in front; client addresses from X-Forwarded-For
Production hardening (defaults on when DJANGO_DEBUG is off): DJANGO_SECURE_SSL_REDIRECT,
DJANGO_SECURE_COOKIES, DJANGO_HSTS_SECONDS, DJANGO_HSTS_PRELOAD; DJANGO_AXES (login
throttling, default on).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """A whole number from the environment; a malformed one is a one-line error."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def env_rate(name: str, default: str) -> str | None:
    """A rate such as ``120/minute`` (second, minute, hour or day); empty: no limit."""
    value = os.environ.get(name, default).strip()
    number, _, period = value.partition("/")
    if value and not (
        number.isdigit() and period in {"second", "minute", "hour", "day"}
    ):
        raise ImproperlyConfigured(
            f"{name} must be a rate such as 120/minute (per second, minute, hour "
            f"or day), not {value!r}."
        )
    return value or None


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode). "
            "For local development set DJANGO_DEBUG=1."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else ""
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain HTTP
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
    "DJANGO_SECURE_COOKIES", not DEBUG
)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'archive.sqlite3'}"
        ),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# Server-side prepared statements (PostgreSQL): a statement run this many times on
# one connection is parsed and planned once and then only executed. psycopg prepares
# only with server-side binding; both need a connection kept per worker (as here),
# not a pooler that hands statements to other sessions. Off (-1) unless set:
# server-side binding changes how every parameter is sent.
PREPARE_THRESHOLD = env_int("DJANGO_PG_PREPARE_THRESHOLD", -1)
if IS_POSTGRES:
    # Search statements group tens of thousands of matches: sorts and hashes fit in
    # memory at 32 MB, and JIT compilation costs more than it saves on them.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        os.environ.get("DJANGO_PG_OPTIONS", "-c jit=off -c work_mem=32MB"),
    )
    if PREPARE_THRESHOLD >= 0:
        DATABASES["default"]["OPTIONS"] |= {
            "server_side_binding": True,
            "prepare_threshold": PREPARE_THRESHOLD,
        }

# Read replicas (archive_site/replicas.py): web requests read from a replica that has
# replayed the archive's last change, everything else uses the primary ("default").
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1):
    if not IS_POSTGRES:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL (the primary)."
        )
    alias = f"replica_{number}"
    DATABASES[alias] = dj_database_url.parse(
        url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES[alias]["OPTIONS"] = {
        **DATABASES["default"]["OPTIONS"],
        # A replica that does not answer is skipped, not waited for.
        "connect_timeout": env_int("DATABASE_REPLICA_CONNECT_TIMEOUT", 2),
    }
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10)
DATABASE_REPLICA_MAX_LAG = env_int("DATABASE_REPLICA_MAX_LAG", 30)
DATABASE_ROUTERS = ["archive_site.replicas.ReplicaRouter"] if DATABASE_REPLICAS else []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",  # the read-only JSON API under /api/v1/
    "drf_spectacular",  # its OpenAPI schema
    "simple_history",  # records' history with revert in the admin (editorial curation)
    "csp",
    "axes",
    "briefings",
]
if IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "archive_site.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change in the admin into the records' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
if DATABASE_REPLICAS:
    # Before the session and the views read anything.
    MIDDLEWARE.insert(1, "archive_site.replicas.ReplicaMiddleware")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login throttling: 5 failures lock that user name from that address for 1 hour.
AXES_ENABLED = env_bool("DJANGO_AXES", True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind DJANGO_PROXY_COUNT trusted proxies the client's address comes from
# X-Forwarded-For (archive_site/clients.py); without it, only from the connection.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "archive_site.clients.client_ip"
AXES_USERNAME_CALLABLE = "archive_site.clients.login_username"

# No inline script or style anywhere: JSON-LD is a data block, not a script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "archive_site.urls"
WSGI_APPLICATION = "archive_site.wsgi.application"

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
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# One cache for every gunicorn worker (files, no extra service): the archive-wide
# counts of briefings/cache.py are computed once per expiry, not once per worker.
CACHES = {
    "default": {
        "BACKEND": "archive_site.filecache.FileCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        # Whole pages are cached too (briefings/cache.py): room for a few
        # thousand, where the default 300 would cull every few searches.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
}
# Search at scale (briefings/searchpage/counting.py, results.py; briefings/cache.py).
SEARCH_EXACT_LIMIT = env_int("SEARCH_EXACT_LIMIT", 10000)
SEARCH_PHRASE_EXACT_LIMIT = env_int("SEARCH_PHRASE_EXACT_LIMIT", 1000)
SEARCH_RANK_WINDOW = env_int("SEARCH_RANK_WINDOW", 1000)
ARCHIVE_COUNTS_CACHE_SECONDS = env_int("ARCHIVE_COUNTS_CACHE_SECONDS", 300)
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 600)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# What one request may cost (README, "Configuration"): terms in a search (each OR
# alternative counts), rows in a download, records an API list reaches, and how often
# one address may ask (archive_site/clients.py; "N/second|minute|hour|day", empty: no
# limit).
SEARCH_MAX_TERMS = env_int("SEARCH_MAX_TERMS", 12)
EXPORT_MAX_ROWS = env_int("EXPORT_MAX_ROWS", 50000)
EXPORT_ANONYMOUS_MAX_ROWS = env_int("EXPORT_ANONYMOUS_MAX_ROWS", 5000)
API_MAX_ROWS = env_int("API_MAX_ROWS", 10000)
THROTTLE_RATES = {
    "anon": env_rate("API_ANON_RATE", "120/minute"),
    "user": env_rate("API_USER_RATE", "600/minute"),
    "export": env_rate("EXPORT_ANON_RATE", "30/hour"),
}

# The JSON API (/api/v1/, docs/api.md): read-only and anonymous, JSON only in
# production (the browsable HTML renderer needs inline scripts the CSP forbids).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "briefings.api.pagination.Pages",
    "DEFAULT_THROTTLE_CLASSES": [
        "archive_site.clients.AnonThrottle",
        "archive_site.clients.UserThrottle",
    ],
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "China Briefings Archive API",
    "DESCRIPTION": "Read-only access to the archive's public briefings, articles, "
    "claims, topics, people and publications, and to its search with facet counts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ArticleKindEnum": "briefings.models.ArticleKind",
        "ClaimKindEnum": "briefings.models.ClaimKind",
        "PersonKindEnum": "briefings.models.PersonKind",
    },
}

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "").strip().upper() or "WARNING"
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"DJANGO_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}."
    )
# Everything at DJANGO_LOG_LEVEL, and one JSON line per request (archive.requests at
# INFO) whatever the level. Rejected hosts and 403s are logged on one line each: a
# traceback tells nothing about a bad request (archive_site/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"expected": {"()": "archive_site.logs.NoTracebackForClientErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["expected"]}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"archive": {"level": "INFO"}},
}
