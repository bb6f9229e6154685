"""Test settings: the project's settings with a test secret when none is set."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The test client speaks plain HTTP; production-mode tests check the redirect apart.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from archive_site.settings import *  # noqa: E402,F403

# Tests render pages without running collectstatic first; production-mode tests
# run collectstatic themselves and use the manifest storage.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Tests log in with the test client; the throttling test turns axes on itself.
AXES_ENABLED = False

# Each test run its own in-memory cache (cleared before every test in conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# No rate limits unless a test sets them (many tests send many requests at once).
THROTTLE_RATES = {"anon": None, "user": None, "export": None}
