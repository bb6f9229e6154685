"""Large result sets: counts estimated from a sample above the exact limit, exact
below it, and relevance ranking a window of the newest matches (briefings/searchpage/counting.py,
results.py). The limits are made tiny here so that a few articles exercise them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from briefings.models import Article
from briefings.search import match_count, parse_query, update_statistics
from briefings.templatetags.numbers import about, rounded
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = reverse("briefings:search")


@pytest.fixture
def forty_tariff_articles(db) -> list[Article]:
    """40 matching articles, half in Alpha Weekly, one a day from 2021-01-01."""
    articles = []
    for n in range(40):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=n)
        name = "Alpha Weekly" if n % 4 < 2 else "Beta Review"
        articles.append(
            factories.article(
                f"Story {n:02d}",
                "Tariffs were discussed." + " Tariffs again." * (n % 5),
                briefing_=factories.briefing(name, day),
                topics=("Trade",),
            )
        )
    factories.article("Unrelated", "Nothing to see.")
    update_statistics()  # as after an import: PostgreSQL estimates from statistics
    return articles


def facet(response, name: str):
    return {f.name: f for f in response.context["facets"]}[name]


def sampled_ids(articles: list[Article], every: int) -> list[int]:
    return [a.pk for a in articles if a.pk % every == 0]


def test_above_the_limit_the_total_and_facets_are_estimated_from_the_sample(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 8, 2
    sample = sampled_ids(forty_tariff_articles, 2)
    response = client.get(SEARCH, {"q": "tariffs"})
    assert response.context["total_estimated"]
    assert response.context["page"].paginator.count == len(sample) * 2
    topics = facet(response, "topic")
    assert topics.estimated
    assert {v.value: v.count for v in topics.values} == {"trade": len(sample) * 2}
    html = response.content.decode()
    assert f"About {len(sample) * 2} articles found" in html
    assert "estimated from a sample" in html


def test_the_first_page_still_lists_real_matches_in_order(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 8, 2
    response = client.get(SEARCH, {"q": "tariffs", "sort": "newest"})
    titles = [hit.article.title for hit in response.context["hits"]]
    assert titles == [f"Story {n:02d}" for n in range(39, 19, -1)]


def test_a_filter_narrowing_below_the_limit_makes_the_counts_exact_again(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 30, 2
    # 40 matches: estimated; Alpha Weekly holds 20 of them, under the limit.
    response = client.get(SEARCH, {"q": "tariffs", "publication": "alpha-weekly"})
    assert not response.context["total_estimated"]
    assert response.context["page"].paginator.count == 20
    topics = facet(response, "topic")
    assert not topics.estimated
    assert {v.value: v.count for v in topics.values} == {"trade": 20}
    # The publication facet's own base is all 40 matches: it stays an estimate.
    assert facet(response, "publication").estimated


def test_facets_whose_own_records_are_few_are_counted_exactly_at_once(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 30, 2
    # Half are analyses, half of them in Alpha Weekly (whatever the ids' parity,
    # on which the sample is drawn).
    analyses = [a.pk for n, a in enumerate(forty_tariff_articles) if n % 4 in (0, 3)]
    Article.objects.filter(pk__in=analyses).update(kind="analysis")
    update_statistics()
    params = {"q": "tariffs", "publication": "alpha-weekly", "kind": "analysis"}
    # 40 matches, estimated; each facet's own records (every filter but its own)
    # are 20 and the results 10: all counted exactly, in one statement.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert not response.context["total_estimated"]
    assert response.context["page"].paginator.count == 10
    counts = {
        name: ({v.value: v.count for v in facet(response, name).values}, estimated)
        for name in ("publication", "kind", "topic")
        for estimated in [facet(response, name).estimated]
    }
    assert counts == {
        "publication": ({"alpha-weekly": 10, "beta-review": 10}, False),
        "kind": ({"analysis": 10, "news": 10}, False),
        "topic": ({"trade": 10}, False),
    }
    counting = [q for q in queries if q["sql"].startswith("WITH m AS MATERIALIZED")]
    assert len(counting) == 2  # the sample's, then the exact one


def test_dates_narrowing_many_text_matches_below_the_limit_count_exactly(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 30, 2
    # The text index finds 40 (over the limit); the dates leave 10, counted exactly.
    response = client.get(SEARCH, {"q": "tariffs", "from": "2021-01-31"})
    assert not response.context["total_estimated"]
    assert response.context["page"].paginator.count == 10
    assert not facet(response, "topic").estimated
    assert {v.value: v.count for v in facet(response, "topic").values} == {"trade": 10}


def test_the_text_index_counts_its_matches_without_the_filters(forty_tariff_articles):
    factories.article("Hidden tariffs", "Tariffs.", is_published=False)
    update_statistics()
    counted = {
        text: match_count(Article, parse_query(text))
        for text in (
            "tariffs",
            '"again tariffs"',
            'tariffs -"again tariffs"',
            "统战",
            "",
        )
    }
    # "Tariffs again. Tariffs again.": 24 have the phrase, 17 of the 41 do not.
    # SQLite's FTS5 counts (exclusions too); PostgreSQL's planner estimates from
    # its statistics, without the exclusions (an upper bound all the same).
    expected = {"tariffs": 41, '"again tariffs"': 24, 'tariffs -"again tariffs"': 17}
    for text, n in expected.items():
        if connection.vendor == "sqlite":
            assert counted[text] == n
        else:
            assert n / 3 <= counted[text] <= n * 3
    assert counted["统战"] is None  # substrings only
    assert counted[""] is None


def test_at_or_below_the_limit_everything_is_exact(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_EXACT_LIMIT, settings.SEARCH_SAMPLE_EVERY = 40, 2
    response = client.get(SEARCH, {"q": "tariffs"})
    assert not response.context["total_estimated"]
    assert response.context["page"].paginator.count == 40
    publications = facet(response, "publication")
    assert not publications.estimated
    assert {v.value: v.count for v in publications.values} == {
        "alpha-weekly": 20,
        "beta-review": 20,
    }
    assert "About" not in response.content.decode()


def test_relevance_ranks_the_newest_window_then_continues_newest_first(
    client, settings, forty_tariff_articles
):
    settings.SEARCH_RANK_WINDOW = 10
    response = client.get(SEARCH, {"q": "tariffs"})
    titles = [hit.article.title for hit in response.context["hits"]]
    window = [f"Story {n:02d}" for n in range(30, 40)]
    assert sorted(titles[:10]) == sorted(window)
    assert titles[:10] != sorted(window, reverse=True)  # ranked, not by date
    assert titles[10:] == [f"Story {n:02d}" for n in range(29, 19, -1)]
    notices = response.context["notices"]
    assert any("the newest 10 are ranked by relevance" in n for n in notices)


def test_with_fewer_matches_than_the_window_every_match_is_ranked(
    client, forty_tariff_articles
):
    response = client.get(SEARCH, {"q": "tariffs"})
    hits = response.context["hits"]
    repeats = [hit.article.body.count("Tariffs") for hit in hits]
    assert repeats[0] == max(a.body.count("Tariffs") for a in forty_tariff_articles)
    assert not any("ranked by relevance" in n for n in response.context["notices"])


@pytest.mark.parametrize(
    ("count", "shown"),
    [(7, 7), (99, 99), (231_040, 230_000), (1_875, 1_900), (64, 64)],
)
def test_estimates_are_rounded_to_two_significant_figures(count, shown):
    assert rounded(count) == shown
    assert about(count, True) == f"about {shown:,}"
    assert about(count, False) == f"{count:,}"
