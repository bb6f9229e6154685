"""Facet counts, toggles, chips and the year chart (briefings/searchpage/facets.py, charts.py).

Counts are checked against an independent count: the test walks the public rows with
the ORM and applies every active filter but the facet's own in plain Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse

from briefings.models import Article, Claim
from briefings.searchpage.charts import build_chart
from briefings.searchpage.facets import (
    ARTICLE_FACETS,
    Params,
    build_chips,
    build_facets,
)
from briefings.searchpage.filters import ArticleFilter, public_articles
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = reverse("briefings:search")
CLAIMS = reverse("briefings:search_claims")

ARTICLE_VALUES: dict[str, Callable[[Article], set[str]]] = {
    "publication": lambda a: {a.briefing.publication.slug},
    "topic": lambda a: {topic.slug for topic in a.topics.all()},
    "author": lambda a: {person.slug for person in a.authors.all()},
    "outlet": lambda a: {a.outlet or "none"},  # "none": the bucket of no value
    "section": lambda a: {a.section or "none"},
    "kind": lambda a: {a.kind},
    "year": lambda a: {str(a.briefing.published_on.year)},
    "has_claims": lambda a: {
        "yes"
        if any(c.is_published and c.is_in_source for c in a.claims.all())
        else "no"
    },
}

CLAIM_VALUES: dict[str, Callable[[Claim], set[str]]] = {
    "speaker": lambda c: {c.speaker.slug} if c.speaker else {"none"},
    "kind": lambda c: {c.kind},
    "unit": lambda c: {figure.unit for figure in c.figures.all()} - {""},
    "topic": lambda c: {topic.slug for topic in c.article.topics.all()},
    "publication": lambda c: {c.article.briefing.publication.slug},
    "year": lambda c: {str(c.article.briefing.published_on.year)},
}


@pytest.fixture
def archive() -> dict[str, Article]:
    return factories.small_archive()


def public_rows() -> list[Article]:
    """Every public article, walked independently of the code under test."""
    rows = Article.objects.filter(is_published=True, is_in_source=True)
    return list(rows.prefetch_related("topics", "authors", "claims"))


def public_claim_rows() -> list[Claim]:
    rows = Claim.objects.filter(
        is_published=True, is_in_source=True, article__is_published=True
    )
    return list(rows.prefetch_related("figures", "article__topics"))


def expected_counts(rows, values_of, params: dict[str, list[str]], facet: str) -> dict:
    """Counts for ``facet`` over the rows passing every other active filter."""
    counts: Counter[str] = Counter()
    for row in rows:
        others = (name for name in params if name != facet)
        if all(values_of[name](row) & set(params[name]) for name in others):
            counts.update(values_of[facet](row))
    return dict(counts)


def shown_counts(response, facet: str) -> dict[str, int]:
    facets = {f.name: f for f in response.context["facets"]}
    values = facets[facet].values if facet in facets else []
    return {value.value: value.count for value in values if value.count}


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_every_facet_counts_what_an_independent_count_finds(client, archive):
    response = client.get(SEARCH)
    for facet in ARTICLE_VALUES:
        expected = expected_counts(public_rows(), ARTICLE_VALUES, {}, facet)
        assert shown_counts(response, facet) == expected, facet


@pytest.mark.parametrize(
    "params",
    [
        {"publication": ["alpha-weekly"]},
        {"topic": ["trade"], "kind": ["analysis"]},
        {"topic": ["trade", "economy"], "author": ["ann-lee"]},
        {"year": ["2023"], "section": ["Economy", "Technology"]},
        {"has_claims": ["yes"], "publication": ["alpha-weekly", "beta-review"]},
    ],
)
def test_counts_with_filters_are_disjunctive_and_match_an_independent_count(
    client, archive, params
):
    response = client.get(SEARCH, params)
    for facet in ARTICLE_VALUES:
        expected = expected_counts(public_rows(), ARTICLE_VALUES, params, facet)
        assert shown_counts(response, facet) == expected, facet


def test_counts_with_a_query_count_only_the_matching_articles(client, archive):
    response = client.get(SEARCH, {"q": "tariffs", "author": "bo-wu"})
    matches = {"tariffs", "chips", "party"}  # "hidden" matches too but is not public
    rows = [a for a in public_rows() if a.pk in {archive[k].pk for k in matches}]
    for facet in ARTICLE_VALUES:
        expected = expected_counts(rows, ARTICLE_VALUES, {"author": ["bo-wu"]}, facet)
        assert shown_counts(response, facet) == expected, facet


def test_choosing_publication_a_still_shows_publication_b_and_its_count(
    client, archive
):
    response = client.get(SEARCH, {"publication": "alpha-weekly"})
    publication = {f.name: f for f in response.context["facets"]}["publication"]
    by_value = {value.value: value for value in publication.values}
    assert by_value["alpha-weekly"].selected and by_value["alpha-weekly"].count == 2
    assert not by_value["beta-review"].selected and by_value["beta-review"].count == 2
    assert response.context["page"].paginator.count == 2
    assert query_of(by_value["beta-review"].toggle_url)["publication"] == [
        "alpha-weekly",
        "beta-review",
    ]


def test_toggle_urls_add_or_remove_one_value_keep_the_rest_and_reset_the_page(
    client, archive
):
    params = {
        "q": "tariffs",
        "topic": ["trade", "politics"],
        "sort": "oldest",
        "page": "2",
    }
    response = client.get(SEARCH, params)
    topics = {f.name: f for f in response.context["facets"]}["topic"].values
    trade = next(value for value in topics if value.value == "trade")
    assert query_of(trade.toggle_url) == {
        "q": ["tariffs"],
        "topic": ["politics"],
        "sort": ["oldest"],
    }
    author = {f.name: f for f in response.context["facets"]}["author"].values[0]
    assert query_of(author.toggle_url) == {
        "q": ["tariffs"],
        "topic": ["trade", "politics"],
        "sort": ["oldest"],
        "author": [author.value],
    }
    assert urlsplit(trade.toggle_url).path == SEARCH


def test_each_chip_removes_just_its_own_value(client, archive):
    params = {
        "q": "tariffs",
        "topic": ["trade", "politics"],
        "year": "2023",
        "from": "2023-01-01",
        "to": "2023-12-31",
    }
    chips = {c.label: c for c in client.get(SEARCH, params).context["chips"]}
    assert set(chips) == {
        "Topic: Trade",
        "Topic: Politics",
        "Year: 2023",
        "From 1 January 2023",
        "Until 31 December 2023",
    }
    assert query_of(chips["Topic: Trade"].remove_url) == {
        "q": ["tariffs"],
        "topic": ["politics"],
        "year": ["2023"],
        "from": ["2023-01-01"],
        "to": ["2023-12-31"],
    }
    assert "from" not in query_of(chips["From 1 January 2023"].remove_url)
    assert "to" in query_of(chips["From 1 January 2023"].remove_url)


def test_chips_show_names_for_slugs_even_when_nothing_matches(client, archive):
    response = client.get(SEARCH, {"q": "plenum", "topic": "technology"})
    assert response.context["page"].paginator.count == 0
    assert [c.label for c in response.context["chips"]] == ["Topic: Technology"]


def test_invalid_values_are_ignored_and_not_shown_as_chips(client, archive):
    response = client.get(SEARCH, {"year": ["abc", "2023"], "from": "2024-13-45"})
    assert [c.label for c in response.context["chips"]] == ["Year: 2023"]
    assert response.context["page"].paginator.count == 2


def test_a_facet_shows_fifteen_values_and_says_it_was_truncated(client, db):
    for n in range(17):
        for _ in range(n + 1):
            factories.article(f"Story {n}", outlet=f"Outlet {n:02d}")
    response = client.get(SEARCH, {"outlet": "Outlet 00"})
    outlet = {f.name: f for f in response.context["facets"]}["outlet"]
    assert outlet.truncated
    labels = [value.label for value in outlet.values]
    # The selected value first (although it is the rarest), then the most frequent.
    assert labels == ["Outlet 00"] + [f"Outlet {n:02d}" for n in range(16, 2, -1)]
    assert outlet.values[0].count == 1 and outlet.values[1].count == 17
    assert b"Only the most frequent are listed" in response.content


def test_facets_count_a_topic_once_per_article_however_many_rows_join(client, db):
    shared = factories.article("Trade and tech", topics=("Trade", "Technology"))
    factories.claim(shared, "One.")
    factories.claim(shared, "Two.")
    response = client.get(SEARCH, {"topic": ["trade", "technology"]})
    assert response.context["page"].paginator.count == 1
    assert shown_counts(response, "topic") == {"trade": 1, "technology": 1}
    assert shown_counts(response, "has_claims") == {"yes": 1}


def test_build_facets_can_be_used_without_a_request(archive):
    params = Params("/search/", QueryDict("topic=trade"))
    facets = build_facets(ArticleFilter, ARTICLE_FACETS, params, public_articles())
    assert [facet.name for facet in facets] == [spec.name for spec in ARTICLE_FACETS]
    assert [chip.label for chip in build_chips(facets, params)] == ["Topic: Trade"]


# Claims tab


@pytest.mark.parametrize(
    "params",
    [{}, {"unit": ["%"]}, {"speaker": ["cy-ma", "ursula-hall"], "kind": ["quote"]}],
)
def test_claim_facets_match_an_independent_count(client, archive, params):
    response = client.get(CLAIMS, params)
    for facet in CLAIM_VALUES:
        expected = expected_counts(public_claim_rows(), CLAIM_VALUES, params, facet)
        assert shown_counts(response, facet) == expected, facet


def test_claim_topic_facet_counts_claims_not_articles(client, archive):
    response = client.get(CLAIMS)
    assert shown_counts(response, "topic")["trade"] == 3  # tariffs: 2, chips: 1
    assert shown_counts(response, "unit") == {"%": 2, "EUR": 1}


# The year chart


def bars_of(response) -> dict[str, object]:
    return {bar.label: bar for bar in response.context["chart"].bars}


def test_year_chart_has_a_bar_per_year_linking_to_that_year(client, archive):
    response = client.get(SEARCH, {"q": "tariffs"})
    chart = response.context["chart"]
    assert chart.title == "Articles by year"
    bars = bars_of(response)
    assert list(bars) == ["2022", "2023", "2024"]
    assert [bar.count for bar in bars.values()] == [1, 1, 1]
    assert query_of(bars["2023"].url) == {"q": ["tariffs"], "year": ["2023"]}
    assert bars["2023"].title == "2023: 1 article"
    html = response.content.decode()
    picture = html[html.index('role="img"') : html.index("</svg>")]
    assert '<title id="year-chart-title">Articles by year</title>' in picture
    assert "<title>2023: 1 article</title>" in picture
    assert "<a " not in picture  # links lie in a layer above, not inside the img
    assert (
        '<a href="/search/?q=tariffs&amp;year=2023" aria-label="2023: 1 article"'
        in html
    )


def test_year_chart_fills_empty_years_without_links(client, db):
    factories.article(
        "Old", briefing_=factories.briefing(published_on=dt.date(2019, 1, 1))
    )
    factories.article(
        "New", briefing_=factories.briefing(published_on=dt.date(2022, 1, 1))
    )
    bars = bars_of(client.get(SEARCH))
    assert list(bars) == ["2019", "2020", "2021", "2022"]
    assert bars["2020"].count == 0 and bars["2020"].url is None


def test_one_year_chosen_shows_months_and_each_bar_sets_from_and_to(client, archive):
    response = client.get(SEARCH, {"year": "2023", "topic": "trade"})
    chart = response.context["chart"]
    assert chart.title == "Articles by month in 2023"
    bars = bars_of(response)
    assert len(bars) == 12 and bars["Mar"].count == 1 and bars["Nov"].count == 0
    assert query_of(bars["Mar"].url) == {
        "topic": ["trade"],
        "from": ["2023-03-01"],
        "to": ["2023-03-31"],
    }
    assert query_of(chart.reset_url) == {"topic": ["trade"]}


def test_a_range_within_one_year_shows_months_and_the_chosen_month_toggles_back(
    client, archive
):
    response = client.get(SEARCH, {"from": "2023-03-01", "to": "2023-03-31"})
    bars = bars_of(response)
    assert bars["Mar"].selected and not bars["Nov"].selected
    assert query_of(bars["Mar"].url) == {"year": ["2023"]}
    assert response.context["page"].paginator.count == 1
    # The month counts ignore from/to, so the other months stay reachable.
    assert bars["Nov"].count == 1


def test_build_chart_without_results_is_none(db):
    params = Params("/search/", QueryDict(""))
    facets = build_facets(ArticleFilter, ARTICLE_FACETS, params, public_articles())
    assert (
        build_chart(ArticleFilter, params, public_articles(), facets, "article") is None
    )


def test_a_changed_parameter_keeps_its_place_and_a_new_one_goes_last():
    data = QueryDict("q=trade+war&topic=chips&page=3&sort=oldest&topic=%E4%B8%AD")
    params = Params("/search/", data)
    assert (
        params.url({"topic": ["steel"]})
        == "/search/?q=trade+war&topic=steel&sort=oldest"
    )
    assert params.url({"year": "2024", "sort": None}) == (
        "/search/?q=trade+war&topic=chips&topic=%E4%B8%AD&year=2024"
    )
    assert params.url({"page": "4"}) == (
        "/search/?q=trade+war&topic=chips&topic=%E4%B8%AD&sort=oldest&page=4"
    )
    assert Params("/search/", QueryDict("page=2")).url({}) == "/search/"
