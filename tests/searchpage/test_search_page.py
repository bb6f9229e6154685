"""The search page: parameters, results, sorting, pagination, the claims tab, "did
you mean", hostile input and a fixed number of queries (briefings/searchpage/tabs.py)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from django.urls import reverse

from briefings.models import Article
from briefings.search.vocabulary import record_words, words_in
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = reverse("briefings:search")
CLAIMS = reverse("briefings:search_claims")


@pytest.fixture
def archive() -> dict[str, Article]:
    return factories.small_archive()


def found(response) -> list[str]:
    """The titles on the page, in order (None for untitled articles)."""
    return [hit.article.title for hit in response.context["hits"]]


def found_keys(response, archive) -> set[str]:
    key_by_pk = {article.pk: key for key, article in archive.items()}
    return {key_by_pk[hit.article.pk] for hit in response.context["hits"]}


# Every parameter narrows


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"tariffs", "chips", "youth", "party"}),
        ({"q": "tariffs"}, {"tariffs", "chips", "party"}),
        ({"q": '"electric vehicles"'}, {"tariffs"}),
        ({"q": "tariffs -plenum"}, {"tariffs", "chips"}),
        ({"publication": "beta-review"}, {"youth", "party"}),
        ({"topic": "trade"}, {"tariffs", "chips"}),
        ({"author": "ann-lee"}, {"tariffs", "chips"}),
        ({"outlet": "SCMP"}, {"chips"}),
        ({"section": "Economy"}, {"tariffs", "youth"}),
        ({"kind": "analysis"}, {"chips", "youth"}),
        ({"year": "2023"}, {"chips", "youth"}),
        ({"from": "2023-01-01"}, {"chips", "youth", "party"}),
        ({"to": "2023-03-01"}, {"tariffs", "chips"}),
        ({"from": "2023-03-02", "to": "2023-12-31"}, {"youth"}),
        ({"has_claims": "yes"}, {"tariffs", "chips", "youth"}),
        ({"has_claims": "no"}, {"party"}),
        ({"has_claims": ["yes", "no"]}, {"tariffs", "chips", "youth", "party"}),
    ],
)
def test_each_parameter_narrows_the_results(client, archive, params, expected):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert found_keys(response, archive) == expected


def test_values_of_one_facet_are_ored(client, archive):
    response = client.get(SEARCH, {"topic": ["politics", "economy"]})
    assert found_keys(response, archive) == {"youth", "party"}
    response = client.get(SEARCH, {"year": ["2022", "2024"]})
    assert found_keys(response, archive) == {"tariffs", "party"}


def test_facets_are_anded(client, archive):
    response = client.get(SEARCH, {"topic": "trade", "author": "bo-wu"})
    assert found_keys(response, archive) == {"chips"}
    response = client.get(SEARCH, {"q": "tariffs", "publication": "beta-review"})
    assert found_keys(response, archive) == {"party"}


def test_an_article_matching_two_chosen_topics_is_listed_once(client, archive):
    response = client.get(
        SEARCH, {"topic": ["trade", "technology"], "author": "ann-lee"}
    )
    assert found(response).count("Chip export controls") == 1
    assert response.context["page"].paginator.count == 2


def test_hidden_articles_are_never_found(client, archive):
    response = client.get(SEARCH, {"q": "withdrawn"})
    assert response.context["page"].paginator.count == 0


# Results


def test_a_result_shows_title_meta_topics_snippet_and_claim_count(client, archive):
    html = client.get(SEARCH, {"q": "duties"}).content.decode()
    assert "Tariffs on electric vehicles" in html
    assert "Alpha Weekly" in html and "10 May 2022" in html
    assert "By Ann Lee" in html and "via <em>Caixin</em>" in html
    assert "2 claims" in html  # the unpublished one is not counted
    assert ">Trade</a>" in html and ">Electric vehicles</a>" in html
    assert "<mark>duties</mark>" in html


def test_result_links_carry_the_query_to_the_article(client, archive):
    response = client.get(SEARCH, {"q": "youth unemployment"})
    article = archive["youth"]
    assert response.context["hits"][0].url == (
        article.get_absolute_url() + "?q=" + quote_plus("youth unemployment")
    )


def test_untitled_articles_show_their_description(client, archive):
    html = client.get(SEARCH, {"q": "plenum"}).content.decode()
    assert "[Untitled article beginning “The party <mark>plenum</mark>" in html


def test_title_matches_rank_above_body_only_matches(client, db):
    old_title = factories.briefing(published_on=dt.date(2020, 1, 1))
    new_body = factories.briefing(published_on=dt.date(2024, 1, 1))
    factories.article("Sanctions on banks", "Nothing else.", briefing_=old_title)
    factories.article("Other news", "Talk of sanctions.", briefing_=new_body)
    response = client.get(SEARCH, {"q": "sanctions"})
    assert response.context["sort"] == "relevance"
    assert found(response) == ["Sanctions on banks", "Other news"]


def test_sort_orders(client, archive):
    newest = ["Tariffs on electric vehicles", "Chip export controls", None][::-1]
    response = client.get(SEARCH, {"q": "tariffs", "sort": "newest"})
    assert found(response) == newest
    response = client.get(SEARCH, {"q": "tariffs", "sort": "oldest"})
    assert found(response) == newest[::-1]


def test_without_a_query_newest_comes_first_and_relevance_is_not_offered(
    client, archive
):
    response = client.get(SEARCH, {"sort": "relevance"})
    assert response.context["sort"] == "newest"
    assert [value for value, _ in response.context["sorts"]] == ["newest", "oldest"]
    assert found(response)[0] is None  # the 2024 article
    assert len(found(response)) == 4


def test_sort_links_keep_the_search_and_reset_the_page(client, archive):
    html = client.get(SEARCH, {"q": "tariffs", "topic": "trade"}).content.decode()
    assert 'href="?q=tariffs&amp;topic=trade&amp;sort=newest"' in html


# Pagination


@pytest.fixture
def many_matches(db) -> None:
    dates = [dt.date(2020, 1, 1) + dt.timedelta(days=n) for n in range(25)]
    for n, day in enumerate(dates):
        factories.article(
            f"Export control story {n:02d}",
            "New export control rules for chips.",
            briefing_=factories.briefing(published_on=day),
            topics=("Trade",),
        )
    factories.article("Unrelated", "Nothing to see.", topics=("Trade",))


def test_pages_hold_twenty_results_and_links_keep_query_phrases_and_filters(
    client, many_matches
):
    params = {"q": '"export control" chips', "topic": "trade", "sort": "oldest"}
    response = client.get(SEARCH, params)
    page = response.context["page"]
    assert page.paginator.count == 25 and len(page.object_list) == 20
    html = response.content.decode()
    next_link = 'href="?q=%22export+control%22+chips&amp;topic=trade&amp;sort=oldest&amp;page=2"'
    assert next_link in html
    response = client.get(SEARCH, {**params, "page": "2"})
    assert found(response) == [f"Export control story {n:02d}" for n in range(20, 25)]
    assert 'rel="prev"' in response.content.decode()


@pytest.mark.parametrize(("page", "number"), [("999999", 2), ("abc", 1), ("-1", 2)])
def test_odd_page_numbers_show_a_page_instead_of_an_error(
    client, many_matches, page, number
):
    response = client.get(SEARCH, {"q": "export", "page": page})
    assert response.status_code == 200
    assert response.context["page"].number == number


# Claims tab


def test_claims_tab_finds_sentences_and_links_to_article_and_claim(client, archive):
    response = client.get(CLAIMS, {"q": "percent"})
    hits = response.context["hits"]
    assert {hit.claim.text for hit in hits} == {
        "Youth unemployment reached 21 percent in June.",
        "Duties of up to 38 percent apply, the Commission said.",
    }
    hit = next(hit for hit in hits if hit.claim.speaker.name == "Cy Ma")
    html = response.content.decode()
    article_url = archive["youth"].get_absolute_url()
    assert hit.article_url == f"{article_url}?q=percent#claim-{hit.claim.pk}"
    assert hit.claim.get_absolute_url() in html
    assert "<mark>percent</mark>" in html
    assert "21 percent" in html and "Unreviewed" in html and "Cy Ma" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"speaker": "ursula-hall"},
            {"Duties of up to 38 percent apply, the Commission said."},
        ),
        ({"kind": "assertion"}, {"Tariffs rose sharply."}),
        ({"unit": "EUR"}, {"Imports were worth 11 billion euros."}),
        ({"topic": "economy"}, {"Youth unemployment reached 21 percent in June."}),
        (
            {"publication": "alpha-weekly", "kind": "statistic"},
            {"Imports were worth 11 billion euros."},
        ),
        ({"year": "2023", "q": "tariffs"}, {"Tariffs rose sharply."}),
    ],
)
def test_claim_filters_narrow_the_claims(client, archive, params, expected):
    response = client.get(CLAIMS, params)
    assert {hit.claim.text for hit in response.context["hits"]} == expected


def test_tabs_carry_the_query_and_shared_filters(client, archive):
    response = client.get(SEARCH, {"q": "tariffs", "topic": "trade", "author": "bo-wu"})
    links = {tab.name: url for tab, url in response.context["tabs"]}
    assert parse_qs(urlsplit(links["claims"]).query) == {
        "q": ["tariffs"],
        "topic": ["trade"],
    }
    assert urlsplit(links["claims"]).path == CLAIMS


# Did you mean


def test_a_misspelling_that_finds_nothing_suggests_the_archive_word(client, archive):
    for article in Article.objects.all():
        record_words(words_in(article.title, article.body))
    response = client.get(SEARCH, {"q": "unemploymant", "topic": "economy"})
    assert response.context["page"].paginator.count == 0
    assert response.context["suggestion"] == "unemployment"
    url = response.context["suggestion_url"]
    assert parse_qs(urlsplit(url).query) == {
        "q": ["unemployment"],
        "topic": ["economy"],
    }
    assert "Did you mean" in response.content.decode()


def test_a_query_that_finds_something_suggests_nothing(client, archive):
    record_words(words_in("unemployment"))
    response = client.get(SEARCH, {"q": "unemployment"})
    assert response.context["suggestion"] is None


def test_the_suggestion_is_escaped(client, archive):
    record_words(words_in("unemployment"))
    html = client.get(SEARCH, {"q": "<b>unemploymant</b>"}).content.decode()
    assert "&lt;b&gt;unemployment&lt;/b&gt;" in html
    assert "<b>unemployment" not in html


# Friendly pages, never an error


HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"unbalanced',
    "(((",
    "x" * 1000,
    "the of and",
    "!!! ???",
    '"><img src=x onerror=alert(1)>',
    "tariffs\x00\x1f",
    "国际 OR",
    "-tariffs",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("url", [SEARCH, CLAIMS])
def test_hostile_queries_answer_200_and_nothing_is_reflected_unescaped(
    client, archive, text, url
):
    response = client.get(url, {"q": text, "topic": text, "sort": text, "page": text})
    assert response.status_code == 200
    html = response.content.decode()
    if any(char in text for char in "<>\"'&"):
        assert text not in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_the_query_box_keeps_the_query_escaped(client, archive):
    html = client.get(SEARCH, {"q": '"><script>x</script>'}).content.decode()
    assert 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


@pytest.mark.parametrize("text", ["the of and", "!!! ???"])
def test_a_query_without_indexed_words_explains_and_shows_everything(
    client, archive, text
):
    response = client.get(SEARCH, {"q": text})
    assert "no words the archive indexes" in response.content.decode()
    assert response.context["page"].paginator.count == 4
    assert response.context["sort"] == "newest"


def test_a_very_long_query_is_shortened_with_a_notice(client, archive):
    response = client.get(SEARCH, {"q": "tariffs " * 125})
    assert response.status_code == 200
    assert any("shortened" in notice for notice in response.context["notices"])


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "0"},
        {"from": "2024-13-45"},
        {"to": "yesterday"},
        {"has_claims": "maybe"},
        {"publication": "x" * 500},
        {"sort": "-rank"},
    ],
)
def test_invalid_filter_values_are_ignored(client, archive, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 4 or "publication" in params


def test_an_empty_archive_shows_a_friendly_page(client, db):
    response = client.get(SEARCH, {"q": "anything"})
    assert response.status_code == 200
    assert "Nothing in the archive matches" in response.content.decode()


# A fixed number of queries whatever the archive's size

# The text index's count of matches (SQLite: FTS5 counts; PostgreSQL: the planner's
# estimate, an EXPLAIN), one facet statement, facet labels (3), candidates, their
# scores, the page, its snippets, 2 prefetches; on PostgreSQL also the planner hint's
# SET LOCAL and its savepoint (2), the sample's count checking a small estimate and
# the narrow table's size, which decides how its results are read in order (2);
# whether the query is a term's rendering, for the expansion through terms (1);
# the cache's generation is no query. However many records match.
MAX_QUERIES = 19


def fill_archive(count: int) -> None:
    for n in range(count):
        publication = f"Publication {n % 4}"
        day = dt.date(2018 + n % 6, 1 + n % 12, 1)
        owner = factories.briefing(publication, day)
        article = factories.article(
            None if n % 5 == 0 else f"Tariff story {n}",
            "Tariffs and export controls were discussed.",
            briefing_=owner,
            authors=(f"Author {n % 7}", f"Author {(n + 1) % 7}"),
            topics=(f"Topic {n % 9}", f"Topic {(n + 3) % 9}"),
            outlet=f"Outlet {n % 3}",
            section=f"Section {n % 2}",
        )
        factories.claim(
            article,
            f"Tariffs rose {n} percent.",
            speaker=f"Author {n % 7}",
            figures=((f"{n} percent", float(n), "%"),),
        )


@pytest.mark.parametrize("url", [SEARCH, CLAIMS])
def test_the_page_takes_the_same_few_queries_for_3_or_30_articles(
    client, db, django_assert_max_num_queries, url
):
    counts = []
    params = {"q": "tariffs", "topic": "topic-1", "sort": "relevance"}
    for total in (3, 30):
        fill_archive(total - Article.objects.count())
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
