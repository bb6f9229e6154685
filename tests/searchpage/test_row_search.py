"""On PostgreSQL an article search is answered from the narrow search table
(briefings/searchpage/rows.py); it must show exactly what the article tables give:
the same results in the same order, the same facet counts and total, exact and
estimated, with every kind of filter, exclusion, date range and order."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from briefings.models import Article
from briefings.searchpage import facets as facets_module
from briefings.searchpage import page as page_module
from briefings.searchpage import rows as rows_module
from briefings.searchpage.filters import ArticleFilter, ClaimFilter
from briefings.searchpage.rows import RowSearch, row_search
from briefings.searchpage.tabs import ARTICLES
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only: SQLite has none"
    ),
]

WORDS = ["tariffs", "trade", "talks", "steel", "chips", "grain"]
PUBLICATIONS = ["Alpha Weekly", "Beta Daily", None]
DATES = [dt.date(2023, 5, 2), dt.date(2024, 1, 15), dt.date(2024, 6, 1), None]
OUTLETS = ["Reuters", "", "Caixin"]
SECTIONS = ["Economy", "", "Politics"]


@pytest.fixture
def archive(db) -> None:
    """Forty articles spread over every facet's values, some hidden."""
    combinations = itertools.product(PUBLICATIONS, DATES)
    briefings = [factories.briefing(name, day) for name, day in combinations]
    for n in range(40):
        words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(n % 4 + 1))
        article = factories.article(
            f"Item {n} on {WORDS[n % len(WORDS)]}",
            f"The {words} story, told again {n} times.",
            briefing_=briefings[n % len(briefings)],
            kind=("news", "analysis")[n % 2],
            outlet=OUTLETS[n % 3],
            section=SECTIONS[n % 3 if n % 5 else 1],
            authors=(("Ann Lee",), ("Bo Chen", "Ann Lee"), ())[n % 3],
            topics=(("Trade war",), ("Chips", "Trade war"), ())[n % 3],
            is_published=n % 13 != 0,
        )
        if n % 4 == 0:
            factories.claim(article, f"Claim {n} on {WORDS[n % 6]}.")
    factories.imported_bodies(
        "terms",
        "Gamma Review",
        2024,
        "Xi pushed common prosperity (共同富裕) in trade talks.",
        "習近平 spoke on trade and 共同富裕 again.",
        "The 习近平 era of grain policy.",
    )


ROW_SEARCH = "FROM briefings_searchrow s WHERE s.is_public"
SEARCHES = [
    {"q": "tariffs"},
    {"q": "trade", "sort": "newest"},
    {"q": "trade", "sort": "oldest"},
    {"q": "trade -tariffs"},
    {"q": 'trade -"talks steel"'},
    {"q": "trade -steel -the", "outlet": "Reuters"},
    {"q": "习近平 -grain"},
    {"q": '"trade talks"'},
    {"q": "trade OR grain"},
    {"q": "trade", "topic": "trade-war"},
    {"q": "trade", "topic": ["trade-war", "chips"], "author": "bo-chen"},
    {"q": "trade", "publication": "alpha-weekly", "year": "2024"},
    {"q": "talks", "publication": "none"},
    {"q": "talks", "year": "none", "sort": "newest"},
    {"q": "chips", "has_claims": "yes"},
    {"q": "steel", "has_claims": "no", "outlet": "none"},
    {"q": "chips", "outlet": ["Reuters", "Caixin"], "section": "none"},
    {"q": "chips", "kind": "analysis", "from": "2024-01-01", "to": "2024-03-01"},
    {"q": "grain", "from": "2023-12-31"},
    {"q": "grain", "author": "nobody-of-that-name"},
    {"q": "共同富裕"},
    {"q": "common prosperity"},  # expanded: its Chinese rendering too
    {"q": "common prosperity", "expand": "0"},
    {"q": "习近平", "sort": "newest"},  # the traditional 習近平 folded
    {"q": "trade 习近平"},
    {"q": "trade -习近平"},
    {"q": "grain OR 共同富裕", "year": "2024"},
]


def shown(params: dict, *, narrow: bool) -> dict:
    """What the search page shows, answered from the narrow table or not."""
    request = RequestFactory().get("/search/", params)
    with CaptureQueriesContext(connection) as queries:
        context = page_module.search_context(request, ARTICLES)
        context["hits"]  # noqa: B018 (the page's records are read here)
    asked_rows = any(ROW_SEARCH in query["sql"] for query in queries.captured_queries)
    assert asked_rows == narrow
    return {
        "ids": [hit.article.pk for hit in context["hits"]],
        "total": context["page"].paginator.count,
        "estimated": context["total_estimated"],
        "chart": [bar.title for bar in context["chart"].bars]
        if context["chart"]
        else [],
        "facets": {
            facet.name: {value.value: value.count for value in facet.values}
            for facet in context["facets"]
        },
    }


def without_rows(*args, **kwargs) -> None:
    return None


@pytest.mark.parametrize("params", SEARCHES, ids=lambda params: str(params))
@pytest.mark.parametrize("exact_limit", [10_000, 3], ids=["exact", "estimated"])
def test_the_narrow_table_shows_what_the_article_tables_show(
    archive, settings, monkeypatch, params, exact_limit
):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_EXACT_LIMIT = exact_limit
    settings.SEARCH_SAMPLE_EVERY = 2
    if exact_limit < 10:  # both ways decide from the sample, not the planner's guess
        monkeypatch.setattr(facets_module, "text_bound", lambda *args: None)
    from_rows = shown(params, narrow=True)
    monkeypatch.setattr(facets_module, "row_search", without_rows)
    from_articles = shown(params, narrow=False)
    if from_rows["estimated"]:  # the month chart's bars: estimated on the sample
        rows_chart, articles_chart = from_rows.pop("chart"), from_articles.pop("chart")
        by_month = any(title.startswith("January") for title in rows_chart)
        assert len(rows_chart) == len(articles_chart)
        assert all(": about " in title for title in rows_chart) or not by_month
    assert from_rows == from_articles
    assert from_rows["total"] > 0 or params.get("author") == "nobody-of-that-name"


def test_browsing_and_claims_use_the_article_and_claim_tables(archive):
    def plan(query: str, filterset=ArticleFilter):
        return row_search(filterset, QueryDict(query), {})

    assert isinstance(plan("q=trade"), RowSearch)
    assert isinstance(plan("q=内卷"), RowSearch)  # Chinese: among the CJK runs
    assert plan("q=") is None  # no words: every article, newest first
    assert plan("q=trade", ClaimFilter) is None


def test_a_hidden_article_leaves_the_results_at_once(archive, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    first = shown({"q": "tariffs", "sort": "newest"}, narrow=True)["ids"][0]
    Article.objects.filter(pk=first).update(is_published=False)
    assert first not in shown({"q": "tariffs", "sort": "newest"}, narrow=True)["ids"]


def test_a_phrase_is_counted_exactly_up_to_its_own_lower_limit(
    archive, client, settings
):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_SAMPLE_EVERY = 2
    settings.SEARCH_PHRASE_EXACT_LIMIT = 3
    phrase = shown({"q": '"trade talks"'}, narrow=True)
    assert phrase["estimated"] and phrase["total"] > 3
    assert not shown({"q": "trade talks"}, narrow=True)["estimated"]
    page = client.get("/search/", {"q": '"trade talks"'}).content.decode()
    assert f"About {phrase['total']:,} articles" in page
    settings.SEARCH_PHRASE_EXACT_LIMIT = 1000
    assert not shown({"q": '"trade talks"'}, narrow=True)["estimated"]


WALKED_SEARCHES = [
    {"q": "trade", "sort": "newest"},
    {"q": "trade", "sort": "oldest", "section": "Economy"},
    {"q": '"trade talks"', "sort": "newest"},
    {"q": '"trade talks"', "section": "Politics"},
    {"q": "talks", "year": "none", "sort": "newest"},
]


def ordered_statements(params: dict) -> tuple[list[int], list[str]]:
    """The page's result ids, and the statements that read them in order."""
    request = RequestFactory().get("/search/", params)
    with CaptureQueriesContext(connection) as queries:
        context = page_module.search_context(request, ARTICLES)
        ids = [hit.article.pk for hit in context["hits"]]
    sqls = [query["sql"] for query in queries.captured_queries]
    return ids, [sql for sql in sqls if ROW_SEARCH in sql and "ORDER BY" in sql]


@pytest.mark.parametrize("params", WALKED_SEARCHES, ids=lambda params: str(params))
def test_results_walked_in_an_order_index_are_the_sorted_results(
    archive, settings, monkeypatch, params
):
    settings.SEARCH_CACHE_SECONDS = 0
    monkeypatch.setattr(rows_module, "WALK_COST", 0)  # walking costs nothing
    walked, walking = ordered_statements(params)
    monkeypatch.undo()
    monkeypatch.setattr(rows_module, "table_rows", lambda: 10**9)  # never worth it
    found, sorting = ordered_statements(params)
    assert walking and all("(s.day + 0)" not in sql for sql in walking)
    assert sorting and all("(s.day + 0)" in sql for sql in sorting)
    assert walked == found
    assert found


def test_a_phrase_walks_when_its_words_are_common_and_its_matches_few(monkeypatch):
    monkeypatch.setattr(rows_module, "table_rows", lambda: 1_000_000)
    # 2,300 matches: finding the 20 newest walks 8,700 rows, sorting reads 2,300.
    assert not rows_module.walks(20, 2_300)
    # A phrase: its 38,000 candidates must each have their words read to be sorted.
    assert rows_module.walks(20, 2_300, candidates=38_000)
    # Rare words, few candidates: sorting them stays cheaper than a long walk.
    assert not rows_module.walks(20, 300, candidates=400)
    # Dense matches walk whatever the candidates.
    assert rows_module.walks(1_000, 600_000)
