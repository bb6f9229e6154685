"""What the server logs: a JSON line per request, one-line client errors, and the
database's error on /readyz for the log only."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db

DATABASE_ERROR = 'connection to server at "db.internal" (10.1.2.3), port 5432 failed'


@pytest.fixture
def console():
    """What the configured console handler writes, as text."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_request_logs_one_json_line(client, caplog):
    client.get("/healthz")
    lines = [r for r in caplog.records if r.name == "archive.requests"]
    assert len(lines) == 1
    assert lines[0].levelname == "INFO"
    logged = json.loads(lines[0].getMessage())
    assert logged["path"] == "/healthz"
    assert logged["status"] == 200


def test_request_line_reaches_the_console(client, console):
    client.get("/healthz")
    assert '"path": "/healthz", "status": 200' in console.getvalue()


def test_rejected_host_is_logged_without_traceback(client, console):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    logged = console.getvalue()
    assert "Invalid HTTP_HOST header: 'evil.example'" in logged
    assert "Traceback" not in logged


def test_forbidden_is_logged_without_traceback(client, console, django_user_model):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    response = client.get("/admin/briefings/article/")
    assert response.status_code == 403  # staff, but no permission on articles
    logged = console.getvalue()
    assert "Forbidden (Permission denied): /admin/briefings/article/" in logged
    assert "Traceback" not in logged


def test_readyz_hides_the_database_error_and_logs_it(client, caplog, monkeypatch):
    def refuse():
        raise OperationalError(DATABASE_ERROR)

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "not answering"}
    assert "db.internal" not in response.content.decode()
    assert any(DATABASE_ERROR in r.getMessage() for r in caplog.records)
