"""The JSON API: every endpoint, public records only, the search page's filters and
order, pagination, and the documentation page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from briefings.models import Article, Briefing, Claim, Person, Publication, Topic
from tests import factories

from .test_exports import PARAMS_ARTICLES, PARAMS_CLAIMS, page_hits


def get_json(client, url: str, params: dict | None = None, status: int = 200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:300]
    return response.json()


def every_result(client, url: str, params: dict) -> list[int]:
    """The ids of every page of a list endpoint."""
    ids, page = [], 1
    while True:
        data = get_json(client, url, {**params, "page": page, "page_size": 7})
        ids += [record["id"] for record in data["results"]]
        if not data["next"]:
            return ids
        page += 1


@pytest.mark.parametrize(
    "name, model",
    [
        ("briefing", Briefing),
        ("topic", Topic),
        ("person", Person),
        ("publication", Publication),
    ],
)
def test_lists_and_details_of_each_kind(client, curated, name, model):
    listed = get_json(client, reverse(f"api:{name}-list"))
    expected = model.objects.count()
    if model is Topic:
        expected = Topic.objects.filter(merged_into=None).count()
    assert listed["count"] == expected
    first = listed["results"][0]
    detail = get_json(client, reverse(f"api:{name}-detail", args=[first["id"]]))
    assert detail["id"] == first["id"]
    assert detail["url"].startswith("http://testserver/")


def test_root_lists_the_endpoints(client, db):
    data = get_json(client, reverse("api:api-root"))
    assert set(data) == {
        "briefings",
        "articles",
        "claims",
        "topics",
        "people",
        "publications",
        "terms",
    }


def test_article_detail_has_body_and_public_claims(client, curated):
    article = Article.objects.public().filter(claims__isnull=False).first()
    data = get_json(client, reverse("api:article-detail", args=[article.pk]))
    assert data["body"] == article.body
    public = list(
        article.claims.public().order_by("position").values_list("pk", flat=True)
    )
    assert [claim["id"] for claim in data["claims"]] == public


def test_hidden_records_are_gone_and_unknown_ones_not_found(client, curated):
    hidden = Article.objects.filter(is_published=False).first()
    get_json(client, reverse("api:article-detail", args=[hidden.pk]), status=410)
    claim = Claim.objects.filter(article=hidden).first()
    get_json(client, reverse("api:claim-detail", args=[claim.pk]), status=410)
    get_json(client, reverse("api:article-detail", args=[999999]), status=404)
    get_json(client, "/api/v1/articles/99999999999999999999999/", status=404)
    ids = every_result(client, reverse("api:article-list"), {})
    assert hidden.pk not in ids
    assert len(ids) == Article.objects.public().count()


def test_merged_topics_are_listed_no_more_but_say_where_they_went(client, curated):
    merged = Topic.objects.exclude(merged_into=None).first()
    ids = every_result(client, reverse("api:topic-list"), {})
    assert merged.pk not in ids
    data = get_json(client, reverse("api:topic-detail", args=[merged.pk]))
    assert data["merged_into"] == merged.merged_into_id


@pytest.mark.parametrize("params", PARAMS_ARTICLES)
def test_article_list_is_the_search_page(client, curated, params):
    assert every_result(client, reverse("api:article-list"), params) == page_hits(
        client, "briefings:search", params
    )


@pytest.mark.parametrize("params", PARAMS_CLAIMS)
def test_claim_list_is_the_claim_search_page(client, curated, params):
    assert every_result(client, reverse("api:claim-list"), params) == page_hits(
        client, "briefings:search_claims", params
    )


def test_search_has_the_page_hits_facets_and_snippets(client, curated):
    params = {"q": "corruption", "kind": "feature"}
    data = get_json(client, reverse("api:search"), params)
    page = client.get(reverse("briefings:search"), params).context
    assert data["count"] == page["page"].paginator.count
    assert [hit["id"] for hit in data["results"]] == [
        hit.article.pk for hit in page["hits"]
    ]
    assert [f["name"] for f in data["facets"]] == [f.name for f in page["facets"]]
    counts = {v["value"]: v["count"] for v in data["facets"][0]["values"]}
    assert counts == {v.value: v.count for v in page["facets"][0].values}
    assert "<mark>" in data["results"][0]["snippet_html"]
    kind = next(f for f in data["facets"] if f["name"] == "kind")
    assert kind["values"][0]["toggle_url"].startswith(
        "http://testserver/api/v1/search/?"
    )


def test_claim_search_marks_the_sentence(client, curated):
    data = get_json(client, reverse("api:search_claims"), {"q": "percent"})
    assert data["count"] > 0
    assert "<mark>" in data["results"][0]["text_html"]
    assert data["sort"] == "relevance"


def test_pages_are_capped(client, curated):
    data = get_json(client, reverse("api:claim-list"), {"page_size": 1000})
    assert len(data["results"]) == 100
    data = get_json(client, reverse("api:claim-list"))
    assert len(data["results"]) == 20 and data["next"]
    get_json(client, reverse("api:claim-list"), {"page": 999}, status=404)


def test_overlong_query_is_refused(client, db):
    data = get_json(client, reverse("api:search"), {"q": "x" * 1001}, status=400)
    assert "q" in data


def test_api_is_read_only(client, db):
    response = client.post(reverse("api:article-list"), {})
    assert response.status_code == 405


def test_documentation_page_lists_every_endpoint(client, db):
    response = client.get(reverse("api:api_docs"))
    assert response.status_code == 200
    html = response.content.decode()
    for path in ("/api/v1/articles/", "/api/v1/search/", "/api/v1/topics/{id}/"):
        assert f"GET {path}" in html
    assert "<script" not in html
    assert "has_claims" in html and "snippet_html" in html


@pytest.mark.parametrize(
    "name", ["api:article-list", "api:claim-list", "api:briefing-list", "api:search"]
)
def test_a_page_takes_the_same_queries_however_long(client, curated, name):
    with CaptureQueriesContext(connection) as short:
        client.get(reverse(name), {"page_size": 2})
    cache.clear()  # the search's counts are cached: count them again
    with CaptureQueriesContext(connection) as long:
        client.get(reverse(name), {"page_size": 100})
    assert len(long.captured_queries) == len(short.captured_queries)


def test_briefing_detail_takes_the_same_queries_however_many_articles(client, curated):
    briefing = Briefing.objects.order_by("id").first()
    url = reverse("api:briefing-detail", args=[briefing.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(3):
        factories.article(None, briefing_=briefing, authors=(f"Writer {number}",))
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_people_say_which_are_organisations(client, curated):
    organisations = client.get("/api/v1/people/?kind=organisation").json()["results"]
    assert organisations and {p["kind"] for p in organisations} == {"organisation"}
    assert "/organisations/" in organisations[0]["url"]
    people = client.get("/api/v1/people/?kind=person").json()["results"]
    assert people and {p["kind"] for p in people} == {"person"}
    wang = Person.objects.get(name="Wang Dan")
    detail = client.get(f"/api/v1/people/{wang.pk}/").json()
    assert (detail["family_name"], detail["given_name"]) == ("Wang", "Dan")
    response = client.get("/api/v1/people/?kind=robot")
    assert response.status_code == 400
    assert response.json()["kind"] == ["Choose person or organisation."]
