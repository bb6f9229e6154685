"""Production mode: hardened settings, a clean `check --deploy`, clear errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.truth import ROOT

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-" + "y" * 20,
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    "DATABASE_URL": "sqlite:////tmp/archive-deploy-check.sqlite3",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The error a failed command printed, which must be one line, no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_secret_key_is_one_line_without_a_traceback():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    line = one_line_error(manage("check", env=env))
    assert line.startswith("Configuration error: DJANGO_SECRET_KEY must be set")


@pytest.mark.parametrize(
    "name",
    [
        "DJANGO_HSTS_SECONDS",
        "DJANGO_PROXY_COUNT",
        "SEARCH_EXACT_LIMIT",
        "IMPORT_MAX_BYTES",
        "DJANGO_PG_PREPARE_THRESHOLD",
    ],
)
def test_malformed_number_is_one_line_naming_the_setting(name):
    line = one_line_error(manage("check", env={**PRODUCTION_ENV, name: "abc"}))
    assert line == f"Configuration error: {name} must be a whole number, not 'abc'."


def test_malformed_rate_is_one_line_naming_the_setting():
    line = one_line_error(
        manage("check", env={**PRODUCTION_ENV, "API_ANON_RATE": "lots"})
    )
    assert line == (
        "Configuration error: API_ANON_RATE must be a rate such as 120/minute "
        "(per second, minute, hour or day), not 'lots'."
    )


def test_unknown_log_level_is_one_line():
    env = {**PRODUCTION_ENV, "DJANGO_LOG_LEVEL": "loud"}
    line = one_line_error(manage("check", env=env))
    assert "DJANGO_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL" in line


def database_options(**env: str) -> str:
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(sorted(settings.DATABASES['default'].get('OPTIONS', {}).items()))",
        env={**PRODUCTION_ENV, **env},
    )
    return result.stdout.strip().splitlines()[-1]


def test_prepared_statements_are_off_unless_asked_for():
    postgres = {"DATABASE_URL": "postgres://archive@localhost:5432/archive"}
    assert "prepare_threshold" not in database_options(**postgres)
    asked = database_options(**postgres, DJANGO_PG_PREPARE_THRESHOLD="5")
    assert "('prepare_threshold', 5)" in asked
    assert "('server_side_binding', True)" in asked
    sqlite = database_options(DJANGO_PG_PREPARE_THRESHOLD="5")
    assert "prepare_threshold" not in sqlite


def test_debug_is_off_unless_asked_for():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.django_db
def test_security_headers_are_sent(client):
    response = client.get("/", secure=True)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy


def test_production_mode_redirects_to_https():
    code = (
        "from django.test import Client; "
        "print(Client().get('/', HTTP_HOST='archive.example.org').status_code)"
    )
    result = manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1] == "301", result.stderr


@pytest.mark.django_db
def test_health_endpoints(client):
    assert client.get(reverse("healthz")).json() == {"status": "ok"}
    assert client.get(reverse("readyz")).json() == {"status": "ready"}


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_admin_login_is_throttled(client, django_user_model):
    django_user_model.objects.create_superuser(
        "editor", "e@example.org", "right-password"
    )
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "right-password"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
