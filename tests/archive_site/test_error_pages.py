"""The page a reader gets when a view fails: the site's own, made without the
database or a request context (the failure may be the database). The test has no
database access, so a page that needed one would fail here."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.urls("tests.archive_site.broken_urls")
def test_a_failing_view_answers_the_designed_500_page(settings, caplog):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html
    assert 'href="/static/css/site.css"' in html
    assert '<a class="site-name" href="/">China Briefings Archive</a>' in html
    assert 'action="/search/"' in html
    assert "a bug in a view" not in html and "Traceback" not in html
    assert "a bug in a view" in caplog.text  # logged, not shown
    assert "Database access not allowed" not in caplog.text
