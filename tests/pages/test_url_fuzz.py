"""Property-based tests over every public URL's parameters: never a server error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMS = [
    "q",
    "publication",
    "topic",
    "author",
    "outlet",
    "section",
    "kind",
    "year",
    "from",
    "to",
    "has_claims",
    "sort",
    "page",
    "speaker",
    "unit",
    "tab",
]
PATHS = [
    "/",
    "/search/",
    "/search/claims/",
    "/feeds/search/",
    "/topics/",
    "/browse/",
    "/articles/1/",
    "/claims/1/",
    "/briefings/1/",
    "/sitemap.xml",
    "/robots.txt",
]
NASTY = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "99999999999999999999",
        "2024-13-45",
        "1e309",
        "NaN",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"',
        "\\",
        "%00",
        "\x00",
        "统战",
        "ＯＲ",
        "a" * 2000,
        "../../etc/passwd",
        "NOT",
        "((((",
        "😀",
    ]
)
VALUES = st.one_of(st.text(max_size=60), NASTY, st.integers().map(str))
QUERY = st.lists(st.tuples(st.sampled_from(PARAMS), VALUES), max_size=8)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@FUZZ
@given(path=st.sampled_from(PATHS), pairs=QUERY)
def test_public_urls_never_answer_5xx(client, imported_seeds_once, path, pairs):
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    response = client.get(path, data)
    assert response.status_code < 500, (path, pairs)
    if response.status_code == 200 and "text/html" in response["Content-Type"]:
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
@FUZZ
@given(page=st.one_of(st.integers(), st.text(max_size=20)))
def test_any_page_number_is_answered(client, imported_seeds_once, page):
    response = client.get("/search/", {"q": "china", "page": str(page)})
    assert response.status_code == 200
