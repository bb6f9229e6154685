"""The search contract, run on every database: the same hits for the same queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from briefings.models import Article, Briefing, Claim, Publication
from briefings.search import highlight, matching, parse_query, search

pytestmark = pytest.mark.django_db

TEXTS = {
    "unemployment": (
        "Youth unemployment hits a record",
        "The youth unemployment rate reached 21.3 percent in June before publication stopped.",
    ),
    "credit": (
        "China's social credit system",
        "The social credit system regulates almost everything; credit scores are social.",
    ),
    "scattered": (
        "Credit markets",
        "Social media discussed the credit of banks.",
    ),
    "united_front": (
        "Party leadership",
        "关于加强新时代民营经济统战工作的意见 calls for united front work. 内卷 is common.",
    ),
    "grunberg": (
        "Poll shows dissatisfaction",
        "said MERICS Lead Analyst Nis Grünberg.",
    ),
    "cranes": ("Port cranes", "Huawei and port cranes worry Washington."),
    "huawei": ("Telecoms", "Huawei equipment was excluded from 5G networks."),
    "investigated": (
        "Hospital presidents",
        "At least 176 hospital presidents were investigated in the campaign.",
    ),
    "meituan": ("Delivery workers", "Meituan has the largest market share."),
    "temasek": ("Foreign capital", "Temasek invested in hard science."),
    "body_only": ("Unrelated headline", "A long text that mentions sanctions once."),
    "title_only": ("Sanctions on Chinese companies", "The EU acted on Friday."),
}


@pytest.fixture
def articles(db) -> dict[str, Article]:
    publication = Publication.objects.create(name="Test Weekly", slug="test-weekly")
    briefing = Briefing.objects.create(
        publication=publication,
        import_ref="test:1",
        format="generic",
        published_on=dt.date(2024, 1, 1),
        source_name="test.txt",
        source_sha256="0" * 64,
        source_text="",
    )
    return {
        key: Article.objects.create(
            briefing=briefing, position=n, title=title, body=body, kind="news"
        )
        for n, (key, (title, body)) in enumerate(TEXTS.items(), start=1)
    }


def hits(text: str) -> set[str]:
    """The keys (in TEXTS) of the articles a query finds."""
    key_by_title = {title: key for key, (title, _) in TEXTS.items()}
    found = matching(Article.objects.all(), parse_query(text)).values_list(
        "title", flat=True
    )
    return {key_by_title[title] for title in found}


def test_words_are_anded(articles):
    assert hits("youth unemployment") == {"unemployment"}


def test_phrase_keeps_word_order(articles):
    assert hits('"social credit"') == {"credit"}


def test_minus_excludes(articles):
    assert hits("Huawei -cranes") == {"huawei"}


def test_exclusions_of_words_and_phrases_apply_to_every_alternative(articles):
    assert hits('(Huawei OR Meituan OR Temasek) -cranes -"market share"') == {
        "huawei",
        "temasek",
    }
    assert hits("Huawei OR Meituan -equipment -science") == {"cranes", "meituan"}


def test_a_chinese_exclusion_applies_beside_words(articles):
    assert hits("united -统战") == set()
    assert hits("common OR unemployment -内卷") == {"unemployment"}


def test_or_finds_either(articles):
    assert hits("Meituan OR Temasek") == {"meituan", "temasek"}


def test_stemming_finds_inflections(articles):
    assert hits("investigations") == {"investigated"}


def test_accents_are_folded(articles):
    assert hits("Grunberg") == {"grunberg"}


@pytest.mark.parametrize("term", ["统战", "内卷", "民营经济"])
def test_cjk_is_found_as_a_substring(articles, term):
    assert hits(term) == {"united_front"}


def test_cjk_and_words_combine(articles):
    assert hits("统战 united") == {"united_front"}
    assert hits("统战 Huawei") == set()


def test_title_match_ranks_above_body_only_match(articles):
    ranked = list(search(Article.objects.all(), "sanctions").order_by("-rank"))
    assert [a.title for a in ranked] == [TEXTS["title_only"][0], TEXTS["body_only"][0]]


def test_headline_marks_matched_words(articles):
    found = search(Article.objects.all(), "unemployment").get()
    assert "\x02" in found.headline_raw
    html = highlight(found.body, parse_query("unemployment"), snippet=True)
    assert "<mark>unemployment</mark>" in html


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "(((",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "NOT AND OR",
        "x" * 1000,
        "the of and",
        "!!! ???",
        "“social credit”",
        "＂social credit＂",
        '"',
        "-",
        "a:b col:umn {title}: * ^",
    ],
)
def test_hostile_queries_never_fail(articles, text):
    query = parse_query(text)
    list(search(Article.objects.all(), query)[:20])


def test_curly_and_full_width_quotes_are_phrases(articles):
    assert hits("“social credit”") == hits("＂social credit＂") == {"credit"}


def test_unbalanced_quote_is_repaired(articles):
    assert hits('"social credit') == {"credit"}


def test_stop_words_only_is_an_empty_query():
    assert parse_query("the of and").is_empty
    assert parse_query("!!! ???").is_empty


def test_index_follows_updates_and_deletes(articles):
    article = articles["meituan"]
    article.body = "Ele.me has the largest market share."
    article.save()
    assert hits("Meituan") == set()
    assert hits("Ele.me") == {"meituan"}
    article.delete()
    assert hits("largest") == set()


def test_claims_are_searchable(articles):
    article = articles["investigated"]
    Claim.objects.create(
        article=article,
        position=1,
        text=article.body,
        start=0,
        end=len(article.body),
        kind="statistic",
    )
    found = matching(Claim.objects.all(), parse_query("investigations hospital"))
    assert found.count() == 1


def test_rebuild_search_index_keeps_hits(articles):
    call_command("rebuild_search_index", stdout=None)
    assert hits("youth unemployment") == {"unemployment"}


@pytest.mark.parametrize("text", ["统战", "-cranes", "内卷 -Huawei"])
def test_queries_without_fulltext_words_still_annotate(articles, text):
    found = list(search(Article.objects.all(), text))
    assert all(article.headline_raw is None for article in found)
