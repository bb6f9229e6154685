"""An OR group beside another word, through every URL that searches.

FTS5 rejects an implicit AND next to a parenthesised group, so the SQLite backend
must spell the AND out; these pages once answered 500 to such a query.
"""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

QUERY = "Meituan OR Temasek investment"
URLS = [
    "/search/",
    "/search/claims/",
    "/search/export.csv",
    "/search/export.json",
    "/search/claims/export.csv",
    "/feeds/search/",
    "/api/v1/search/",
    "/api/v1/search/claims/",
    "/api/v1/articles/",
]


@pytest.fixture
def investors():
    meituan = factories.article("Meituan", "Meituan attracts investment in delivery.")
    factories.claim(meituan, "Meituan took investment worth 5 billion yuan.")
    factories.article("Temasek", "Temasek made an investment in hard science.")
    factories.article("Meituan alone", "Meituan has the largest market share.")


@pytest.mark.parametrize("url", URLS)
def test_or_group_beside_a_word_answers(client, investors, url):
    response = client.get(url, {"q": QUERY})
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert b"Meituan" in body


def test_or_group_beside_a_word_finds_either_with_the_word(client, investors):
    response = client.get("/api/v1/search/", {"q": QUERY})
    titles = {hit["title"] for hit in response.json()["results"]}
    assert titles == {"Meituan", "Temasek"}


def test_two_or_groups_are_both_required(client, investors):
    response = client.get(
        "/api/v1/search/", {"q": "(Meituan OR Temasek) (science OR delivery)"}
    )
    titles = {hit["title"] for hit in response.json()["results"]}
    assert titles == {"Meituan", "Temasek"}
