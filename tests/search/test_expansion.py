"""Search expands through terms, on every database: a rendering also finds the
articles that show only the Chinese or another rendering, says so, and can be
switched off."""

from __future__ import annotations

import pytest
from django.urls import reverse

from briefings.importers.load import Source, import_briefing
from briefings.importers.types import ParsedArticle, ParsedBriefing
from briefings.models import Term
from briefings.search import parse_query
from briefings.search.expansion import expand

pytestmark = pytest.mark.django_db

BODIES = {
    "paired": "Xi pushed common prosperity (共同富裕) hard.",
    "other": "The drive for shared prosperity (共同富裕) grew.",
    "chinese": "Only the slogan 共同富裕 appears here.",
    "traditional": "A Taipei paper wrote 習近平 and 共同富裕.",
    "apart": "Common people want prosperity.",
    "unrelated": "Nothing about the term.",
}


@pytest.fixture
def archive():
    articles = [
        ParsedArticle(title=key, body=body, kind="analysis")
        for key, body in BODIES.items()
    ]
    parsed = ParsedBriefing(format="generic", publication="Test", articles=articles)
    import_briefing(parsed, Source("terms.txt", b"t", "t"))


def titles(client, q: str, **extra) -> set[str]:
    response = client.get(reverse("briefings:search"), {"q": q, **extra})
    return {hit.article.title for hit in response.context["hits"]}


def test_a_rendering_brings_the_chinese_and_the_other_renderings(archive):
    assert expand(parse_query("common prosperity")).also == [
        "共同富裕",
        "shared prosperity",
    ]
    assert expand(parse_query("Shared Prosperity")).also == [
        "共同富裕",
        "common prosperity",
    ]


def test_the_chinese_in_either_script_brings_the_renderings(archive):
    assert expand(parse_query("共同富裕")).also == [
        "common prosperity",
        "shared prosperity",
    ]


@pytest.mark.parametrize(
    "text", ["prosperity", "common prosperity -xi", "common OR prosperity", ""]
)
def test_only_a_whole_term_is_expanded(archive, text):
    assert expand(parse_query(text)).also == []


def test_a_hidden_term_is_not_expanded(archive):
    Term.objects.update(is_published=False)
    assert expand(parse_query("common prosperity")).also == []


def test_the_search_page_finds_the_other_renderings_and_says_so(archive, client):
    assert titles(client, "common prosperity") == {
        "paired",
        "other",
        "chinese",
        "traditional",
        "apart",
    }
    html = client.get(reverse("briefings:search"), {"q": "common prosperity"})
    text = html.content.decode()
    assert 'Also searched: <span lang="zh">共同富裕</span>, ' in text
    assert "“shared prosperity”" in text
    assert "expand=0" in text
    term = Term.objects.get()
    assert f'<a href="{term.get_absolute_url()}">Every rendering of' in text


def test_expansion_can_be_switched_off(archive, client):
    response = client.get(
        reverse("briefings:search"), {"q": "common prosperity", "expand": "0"}
    )
    assert {hit.article.title for hit in response.context["hits"]} == {
        "paired",
        "apart",
    }
    assert response.context["also_searched"] == []
    assert "Also searched" not in response.content.decode()
