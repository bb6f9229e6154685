"""Search exports: CSV and JSON list exactly the page's hits, in its order; formula
injection is defused; the search page links to both."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from briefings.pages.exports import COLUMNS, FIGURE_COLUMNS
from tests import factories

PARAMS_ARTICLES = [
    {},
    {"q": "china"},
    {"q": "china", "sort": "oldest"},
    {"q": '"communist party" -data'},
    {"publication": ["china-neican", "gis-reports"]},
    {"has_claims": "no", "sort": "oldest"},
    {"year": "2023", "from": "2023-06-01", "kind": "feature"},
    {"q": "economy", "topic": "finance-and-markets"},
]
PARAMS_CLAIMS = [
    {},
    {"q": "percent"},
    {"kind": "statistic", "sort": "oldest"},
    {"unit": "%", "q": "growth OR percent"},
]


def page_hits(client, url_name: str, params: dict) -> list[int]:
    """The ids the search page lists, page after page."""
    ids, number = [], 1
    while True:
        context = client.get(reverse(url_name), {**params, "page": number}).context
        for hit in context["hits"]:
            ids.append(hit.article.pk if hasattr(hit, "article") else hit.claim.pk)
        if not context["page"].has_next():
            return ids
        number += 1


def download(client, url_name: str, fmt: str, params: dict):
    response = client.get(reverse(url_name, args=[fmt]), params)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8"), response


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("params", PARAMS_ARTICLES)
def test_article_exports_list_the_page_hits(client, curated, params):
    expected = page_hits(client, "briefings:search", params)
    text, _ = download(client, "briefings:search_export", "csv", params)
    assert [int(row["id"]) for row in csv_rows(text)] == expected
    text, _ = download(client, "briefings:search_export", "json", params)
    data = json.loads(text)
    assert [row["id"] for row in data["results"]] == expected
    assert data["count"] == len(expected)


@pytest.mark.parametrize("params", PARAMS_CLAIMS)
def test_claim_exports_list_the_page_hits(client, curated, params):
    expected = page_hits(client, "briefings:search_claims", params)
    assert len(expected) > 0
    text, _ = download(client, "briefings:search_claims_export", "csv", params)
    assert [int(row["id"]) for row in csv_rows(text)] == expected
    text, _ = download(client, "briefings:search_claims_export", "json", params)
    assert [row["id"] for row in json.loads(text)["results"]] == expected


def test_exports_have_documented_columns_and_file_names(client, curated):
    text, response = download(client, "briefings:search_export", "csv", {"q": "data"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="articles-search.csv"' in response["Content-Disposition"]
    assert list(csv_rows(text)[0]) == COLUMNS["articles"]
    text, response = download(
        client, "briefings:search_claims_export", "json", {"q": "percent"}
    )
    data = json.loads(text)
    # JSON keeps each figure as an object; the CSV adds a column per figure part.
    assert list(data["results"][0]) == [
        name for name in COLUMNS["claims"] if name not in FIGURE_COLUMNS
    ]
    assert data["search"] == {"q": "percent"}


def test_empty_search_exports_a_header_only(client, curated):
    text, _ = download(client, "briefings:search_export", "csv", {"q": "zzzqqq"})
    assert text == "\ufeff" + ",".join(COLUMNS["articles"]) + "\r\n"
    text, _ = download(client, "briefings:search_export", "json", {"q": "zzzqqq"})
    assert json.loads(text)["results"] == []


def test_unknown_format_is_not_found(client, db):
    assert client.get("/search/export.xlsx").status_code == 404


def test_csv_cells_cannot_run_as_formulas(client, db):
    owner = factories.briefing("Formula Weekly")
    factories.article(
        '=HYPERLINK("http://evil.example","click")',
        "@SUM(A1) body",
        briefing_=owner,
        subtitle="+1 and more",
        summary="-2 below",
        section="\tTabbed",
        outlet="\rReturn",
    )
    text, _ = download(
        client, "briefings:search_export", "csv", {"publication": "formula-weekly"}
    )
    row = csv_rows(text)[0]
    assert row["title"].startswith("'=HYPERLINK")
    assert row["body"] == "'@SUM(A1) body"
    assert row["subtitle"] == "'+1 and more"
    assert row["summary"] == "'-2 below"
    assert row["section"] == "'\tTabbed"
    assert row["outlet"] == "'\rReturn"
    text, _ = download(
        client, "briefings:search_export", "json", {"publication": "formula-weekly"}
    )
    assert json.loads(text)["results"][0]["title"].startswith("=HYPERLINK")


def test_search_page_links_to_both_exports(client, curated):
    html = client.get(reverse("briefings:search"), {"q": "china", "page": 2}).content
    html = html.decode()
    assert 'href="/search/export.csv?q=china"' in html
    assert 'href="/search/export.json?q=china"' in html
    html = client.get(reverse("briefings:search_claims"), {"q": "percent"}).content
    assert 'href="/search/claims/export.csv?q=percent"' in html.decode()
