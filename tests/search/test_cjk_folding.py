"""Either script finds both, on every database: simplified and traditional characters
(and variants such as 台/臺) are folded for matching, highlights stay as written."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from briefings.importers.load import Source, import_briefing
from briefings.importers.types import ParsedArticle, ParsedBriefing
from briefings.models import Article, Claim
from briefings.search import highlight, matching, parse_query, search
from briefings.search.cjk import fold, fold_text, folded_copy, refold_all
from tests import factories

pytestmark = pytest.mark.django_db

TEXTS = {
    "mainland": ("Xi's speech", "习近平在会上强调共同富裕和统战工作。"),
    "taiwan": ("A Taipei view", "習近平的統戰策略針對臺灣。"),
    "variant": ("Strait", "台湾问题 was raised again."),
    "english": ("Unrelated", "No Chinese characters here at all."),
}


@pytest.fixture
def articles(db) -> dict[str, Article]:
    owner = factories.briefing()
    return {
        key: factories.article(title, body, briefing_=owner)
        for key, (title, body) in TEXTS.items()
    }


def hits(text: str, queryset=None) -> set[str]:
    key_by_title = {title: key for key, (title, _) in TEXTS.items()}
    queryset = Article.objects.all() if queryset is None else queryset
    found = matching(queryset, parse_query(text)).values_list("title", flat=True)
    return {key_by_title[title] for title in found}


def test_fold_is_character_for_character():
    assert fold("習近平") == "习近平"
    assert fold("臺灣") == fold("台灣") == "台湾"
    assert fold_text("Xi 習近平, 統戰!") == "Xi 习近平, 统战!"
    assert folded_copy("Title", "習近平 and 統戰") == "习近平 统战"
    assert folded_copy("No CJK", None) == ""


@pytest.mark.parametrize("term", ["習近平", "习近平"])
def test_either_script_finds_both(articles, term):
    assert hits(term) == {"mainland", "taiwan"}


@pytest.mark.parametrize("term", ["统战", "統戰"])
def test_traditional_and_simplified_terms_match_alike(articles, term):
    assert hits(term) == {"mainland", "taiwan"}


@pytest.mark.parametrize("term", ["台湾", "臺灣", "台灣"])
def test_variant_characters_fold_too(articles, term):
    assert hits(term) == {"taiwan", "variant"}


def test_exclusion_is_folded(articles):
    assert hits("習近平 -统战") == set()
    assert hits("台湾 -習近平") == {"variant"}


def test_ranked_search_finds_the_other_script(articles):
    found = search(Article.objects.all(), "習近平")
    assert {a.title for a in found} == {"Xi's speech", "A Taipei view"}


def test_claims_fold_too(articles):
    factories.claim(articles["taiwan"], "習近平說統戰很重要。")
    found = matching(Claim.objects.all(), parse_query("习近平"))
    assert [c.text for c in found] == ["習近平說統戰很重要。"]


def test_highlight_marks_the_characters_as_written():
    html = highlight("他說習近平與统战。", parse_query("习近平 統戰"))
    assert html == "他說<mark>習近平</mark>與<mark>统战</mark>。"


def test_highlight_snippet_finds_the_other_script():
    text = "x" * 400 + " 臺灣 " + "y" * 400
    html = highlight(text, parse_query("台湾"), snippet=True)
    assert "<mark>臺灣</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_records_without_a_folded_copy_still_match_as_written(articles):
    Article.objects.update(cjk_folded="")
    assert hits("習近平") == {"taiwan"}
    assert refold_all(Article) == 3
    assert hits("習近平") == {"mainland", "taiwan"}
    assert refold_all(Article) == 0


def test_refolding_writes_as_it_goes_and_misses_none(articles):
    Article.objects.update(cjk_folded="")
    assert refold_all(Article, batch=1) == 3  # a write after every record read
    assert hits("習近平") == {"mainland", "taiwan"}


def test_the_importer_keeps_the_folded_copy():
    parsed = ParsedBriefing(
        format="generic",
        publication="Test",
        articles=[ParsedArticle(title="統戰", body="習近平 spoke.", kind="analysis")],
    )
    result = import_briefing(parsed, Source("folded.txt", b"x", "x"))
    (article,) = result.briefing.articles.all()
    assert article.cjk_folded == "统战 习近平"
    found = matching(Article.objects.all(), parse_query("统战"))
    assert list(found) == [article]


def test_rebuilding_the_search_index_refolds(articles):
    Article.objects.update(cjk_folded="")
    call_command("rebuild_search_index", stdout=StringIO())
    assert hits("習近平") == {"mainland", "taiwan"}
