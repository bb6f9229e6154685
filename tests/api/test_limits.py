"""What one request may cost: terms in a search, rows in a download, how deep an API
list goes and how often one address may ask; each limit says so when reached."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db

MANY_ALTERNATIVES = " OR ".join(["统战"] + [f"word{n}" for n in range(30)])
TERMS_NOTICE = "Only the first 12 terms of your search were used"


@pytest.fixture
def six_articles():
    return [factories.article(f"Tariff story {n}", "Tariffs rose.") for n in range(6)]


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_or_alternatives_count_towards_the_term_limit_on_the_page(client):
    response = client.get("/search/", {"q": MANY_ALTERNATIVES})
    assert response.status_code == 200
    assert TERMS_NOTICE in response.content.decode()


def test_twelve_alternatives_are_within_the_limit(client):
    query = " OR ".join(f"word{n}" for n in range(12))
    assert TERMS_NOTICE not in client.get("/search/", {"q": query}).content.decode()


@override_settings(SEARCH_MAX_TERMS=3)
def test_term_limit_is_a_setting(client):
    response = client.get("/search/", {"q": "a1 OR b1 OR c1 OR d1"})
    assert (
        "Only the first 3 terms of your search were used" in response.content.decode()
    )


@pytest.mark.parametrize("url", ["/api/v1/search/", "/api/v1/articles/"])
def test_api_refuses_too_many_terms_with_a_message(client, url):
    response = client.get(url, {"q": MANY_ALTERNATIVES})
    assert response.status_code == 400
    assert response.json() == {
        "q": [
            "At most 12 terms (each word, phrase, excluded word and OR alternative "
            "counts)."
        ]
    }


@override_settings(EXPORT_ANONYMOUS_MAX_ROWS=4)
def test_anonymous_csv_download_stops_at_its_limit_and_says_so(client, six_articles):
    rows = list(csv.reader(io.StringIO(body_of(client.get("/search/export.csv")))))
    assert len(rows) == 1 + 4 + 1  # header, four articles, the notice
    assert rows[-1] == [
        "This download stops at 4 rows, the limit for one download: narrow the "
        "search (words, publication, year, dates) to get the others."
    ]


@override_settings(EXPORT_ANONYMOUS_MAX_ROWS=4)
def test_anonymous_json_download_stops_at_its_limit_and_says_so(client, six_articles):
    data = json.loads(body_of(client.get("/search/export.json")))
    assert (data["count"], data["limit"], data["truncated"]) == (6, 4, True)
    assert len(data["results"]) == 4
    assert data["notice"].startswith("This download stops at 4 rows")


@override_settings(EXPORT_ANONYMOUS_MAX_ROWS=4, EXPORT_MAX_ROWS=10)
def test_signed_in_editor_downloads_more(client, six_articles, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    data = json.loads(body_of(client.get("/search/export.json")))
    assert (data["limit"], data["truncated"], len(data["results"])) == (10, False, 6)
    rows = list(csv.reader(io.StringIO(body_of(client.get("/search/export.csv")))))
    assert len(rows) == 1 + 6


@override_settings(EXPORT_ANONYMOUS_MAX_ROWS=6)
def test_a_download_at_exactly_its_limit_is_whole(client, six_articles):
    data = json.loads(body_of(client.get("/search/export.json")))
    assert (data["truncated"], len(data["results"])) == (False, 6)
    assert "notice" not in data


@override_settings(THROTTLE_RATES={"export": "2/hour"})
def test_anonymous_downloads_are_rate_limited_with_a_message(client):
    for _ in range(2):
        assert client.get("/search/export.csv").status_code == 200
    response = client.get("/search/export.csv")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.content.decode().startswith(
        "Too many downloads from your address: try again in"
    )


@override_settings(THROTTLE_RATES={"anon": "3/minute"})
def test_api_is_rate_limited_per_address_with_a_message(client):
    for _ in range(3):
        assert (
            client.get("/api/v1/articles/", REMOTE_ADDR="192.0.2.1").status_code == 200
        )
    response = client.get("/api/v1/articles/", REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Request was throttled.")
    other = client.get("/api/v1/articles/", REMOTE_ADDR="192.0.2.2")
    assert other.status_code == 200


@override_settings(THROTTLE_RATES={"anon": "3/minute"}, PROXY_COUNT=1)
def test_api_rate_limit_counts_the_client_behind_the_proxy(client):
    def ask(address: str):
        return client.get(
            "/api/v1/articles/",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.99, {address}",  # the left part is forged
        )

    for _ in range(3):
        assert ask("192.0.2.1").status_code == 200
    assert ask("192.0.2.1").status_code == 429
    assert ask("192.0.2.2").status_code == 200


@override_settings(API_MAX_ROWS=40)
def test_api_lists_stop_at_their_row_limit(client):
    response = client.get("/api/v1/articles/", {"page": 3})
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Lists stop at 40 records; narrow the search (q, publication, "
        "year, from/to) to reach the others."
    }
    deep = client.get("/api/v1/articles/", {"page": 2, "page_size": 40})
    assert "Lists stop at 40 records" in deep.json()["detail"]
