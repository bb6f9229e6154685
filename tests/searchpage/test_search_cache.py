"""A search's counts, ranking and pages are cached until the archive changes
(briefings/cache.py): the same search again, or its next page, counts and ranks
nothing, and any change to the archive is seen by the very next search."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from briefings.curation.editing import set_published
from briefings.curation.merge import merge_topics
from briefings.models import Topic
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = reverse("briefings:search")
COUNTING = "WITH m AS"  # the statement that counts every facet (counting.py)


def search(client, **params) -> tuple:
    """The response and the SQL statements it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


def titles(response) -> list[str]:
    return [hit.article.title for hit in response.context["hits"]]


def total(response) -> int:
    return response.context["page"].paginator.count


def counted(statements: list[str]) -> bool:
    return any(COUNTING in sql for sql in statements)


def snippets(statements: list[str]) -> bool:
    """Whether the text index made the page's snippets (FTS5 or PostgreSQL)."""
    return any("snippet(" in sql or "ts_headline(" in sql for sql in statements)


@pytest.fixture(autouse=True)
def _pages_rendered_each_time(settings):
    """These tests watch the search's own cache, under the whole-page cache
    (tests/test_page_cache.py), so each request renders its page."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def tariff_articles(db) -> list:
    return [
        factories.article(f"Tariffs story {n:02d}", "Tariffs rose.", topics=("Trade",))
        for n in range(25)
    ]


def test_the_same_search_again_counts_and_ranks_nothing(client, tariff_articles):
    first, first_sql = search(client, q="tariffs")
    again, again_sql = search(client, q="tariffs")
    assert counted(first_sql) and not counted(again_sql)
    assert snippets(first_sql) and not snippets(again_sql)
    assert len(again_sql) < len(first_sql)
    assert titles(again) == titles(first) and len(titles(first)) == 20
    assert total(again) == total(first) == 25


def test_the_next_page_reuses_the_counts_of_the_first(client, tariff_articles):
    first, _ = search(client, q="tariffs")
    second, second_sql = search(client, q="tariffs", page="2")
    assert not counted(second_sql)
    assert len(titles(second)) == 5
    assert not set(titles(second)) & set(titles(first))


def test_another_filter_is_another_search(client, tariff_articles):
    factories.article("Tariffs abroad", "Tariffs rose.", topics=("Diplomacy",))
    search(client, q="tariffs")
    narrowed, narrowed_sql = search(client, q="tariffs", topic="diplomacy")
    assert counted(narrowed_sql)
    assert titles(narrowed) == ["Tariffs abroad"]


def test_a_new_matching_article_is_found_by_the_next_search(client, tariff_articles):
    assert total(search(client, q="tariffs")[0]) == 25
    factories.article("Tariffs again", "Tariffs rose once more.")
    response, statements = search(client, q="tariffs")
    assert counted(statements)
    assert total(response) == 26
    assert "26 articles found" in response.content.decode()


def test_articles_hidden_in_bulk_leave_the_cached_results(
    client, tariff_articles, django_capture_on_commit_callbacks
):
    editor = get_user_model().objects.create_user("editor")
    assert "Tariffs story 04" in titles(search(client, q="tariffs")[0])
    with django_capture_on_commit_callbacks(execute=True):
        set_published(tariff_articles[:5], False, editor)  # bulk: no save signals
    response, _ = search(client, q="tariffs")
    assert total(response) == 20
    assert not {f"Tariffs story {n:02d}" for n in range(5)} & set(titles(response))


def test_merging_topics_refreshes_the_topic_facet(
    client, tariff_articles, django_capture_on_commit_callbacks
):
    factories.article("Tariffs in duties", "Tariffs rose.", topics=("Duties",))
    response, _ = search(client, q="tariffs")
    topic = {f.name: f for f in response.context["facets"]}["topic"]
    assert {v.label: v.count for v in topic.values} == {"Trade": 25, "Duties": 1}
    with django_capture_on_commit_callbacks(execute=True):
        merge_topics(
            [Topic.objects.get(name="Duties")], Topic.objects.get(name="Trade")
        )
    response, _ = search(client, q="tariffs")
    topic = {f.name: f for f in response.context["facets"]}["topic"]
    assert {v.label: v.count for v in topic.values} == {"Trade": 26}


def test_with_the_cache_off_every_search_counts_again(
    client, settings, tariff_articles
):
    settings.SEARCH_CACHE_SECONDS = 0
    search(client, q="tariffs")
    _, statements = search(client, q="tariffs")
    assert counted(statements)


def test_the_month_chart_of_a_year_is_cached_and_refreshed(client, db):
    march = factories.briefing("Alpha Weekly", dt.date(2024, 3, 5))
    factories.article("Tariffs in March", "Tariffs rose.", briefing_=march)

    def march_bar(response):
        bars = {bar.title.split(":")[0]: bar for bar in response.context["chart"].bars}
        return bars["March 2024"].title

    first, statements = search(client, q="tariffs", year="2024")
    assert march_bar(first) == "March 2024: 1 article"
    assert any("month" in sql.lower() for sql in statements)
    _, statements = search(client, q="tariffs", year="2024")
    assert not any("month" in sql.lower() for sql in statements)
    factories.article("Tariffs again", "Tariffs rose.", briefing_=march)
    assert march_bar(search(client, q="tariffs", year="2024")[0]) == (
        "March 2024: 2 articles"
    )
