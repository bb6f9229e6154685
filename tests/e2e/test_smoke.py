"""The production topology answers: gunicorn + PostgreSQL + whitenoise, DEBUG off."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_health_and_readiness(base_url):
    assert fetch(f"{base_url}/healthz")[0] == 200
    status, _, body = fetch(f"{base_url}/readyz")
    assert status == 200 and '"ready"' in body


def test_home_lists_the_seed_briefings(base_url):
    status, headers, html = fetch(f"{base_url}/")
    assert status == 200
    for name in ("Dialogue China Briefing", "MERICS China Essentials", "China Neican"):
        assert name in html
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_static_files_have_hashed_names_and_long_caching(base_url):
    _, _, html = fetch(f"{base_url}/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the stylesheet is served under a hashed name"
    status, headers, _ = fetch(base_url + css.group(1))
    assert status == 200
    assert "max-age=315360000" in headers["Cache-Control"]


def test_every_article_page_answers(base_url):
    _, _, html = fetch(f"{base_url}/")
    briefings = set(re.findall(r'href="(/briefings/\d+/[\w-]+/)"', html))
    assert len(briefings) >= 5  # the seeds, and any the browser tests imported
    for path in briefings:
        status, _, page = fetch(base_url + path)
        assert status == 200
        for article in set(re.findall(r'href="(/articles/\d+/[\w-]+/)"', page)):
            assert fetch(base_url + article)[0] == 200, article


@pytest.mark.parametrize(
    "path", ["/feeds/latest/", "/sitemap.xml", "/robots.txt", "/topics/", "/browse/"]
)
def test_discovery_pages_answer(base_url, path):
    assert fetch(base_url + path)[0] == 200


def test_unknown_page_is_a_friendly_404(base_url):
    status, _, html = fetch(f"{base_url}/no/such/page/")
    assert status == 404
    assert "Page not found" in html and 'action="/search/"' in html
