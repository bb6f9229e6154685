"""Pinyin finds characters, on every database: a query that reads as pinyin is
offered the archive's Chinese terms that read that way, never mixed into results."""

from __future__ import annotations

import pytest
from django.urls import reverse

from briefings.search.pinyin import Offer, is_syllables, offers, pinyin_tokens
from briefings.search.vocabulary import record_words, words_in
from tests import factories

TEXTS = [
    ("Common prosperity", "推动共同富裕取得实质性进展 was the line."),
    ("Taipei", "習近平的統戰策略。"),
    ("Trade", "Export controls change the long game for Huawei."),
]


@pytest.fixture
def archive(db):
    for title, body in TEXTS:
        factories.article(title, body)
        record_words(words_in(title, body))  # as the importer does


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("gongtong fuyu", ["gongtong", "fuyu"]),
        ("gòngtóng fùyù", ["gongtong", "fuyu"]),
        ("Xi Jinping", ["xi", "jinping"]),
        ("lǜsè", ["lvse"]),
        ("export controls", None),
        ("sanctions", None),
        ("5G", None),
        ("", None),
    ],
)
def test_pinyin_tokens_only_when_every_token_is_syllables(text, tokens):
    assert pinyin_tokens(text) == tokens


def test_vowel_less_interjections_are_not_syllables():
    assert is_syllables("xian") and is_syllables("zhongguo")
    assert not is_syllables("hm") and not is_syllables("ng")


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["gongtong fuyu", "gòngtóng fùyù", "GongTong FuYu"])
def test_toneless_and_toned_pinyin_are_offered_the_term(archive, text):
    assert offers(text) == [Offer("共同富裕", "gòngtóng fùyù")]


@pytest.mark.django_db
def test_a_traditional_term_is_offered_folded(archive):
    assert offers("xi jinping") == [Offer("习近平", "xí jìnpíng")]
    assert offers("tongzhan") == [Offer("统战", "tǒngzhàn")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ["change", "long game", "huawei", "gong", "fuyu gongtong"]
)
def test_english_words_and_broken_syllables_are_not_offered(archive, text):
    assert offers(text) == []


@pytest.mark.django_db
def test_the_search_page_offers_the_term_as_a_link(archive, client):
    response = client.get(reverse("briefings:search"), {"q": "gongtong fuyu"})
    html = response.content.decode()
    assert "Search for <a href=" in html
    assert '>共同富裕</a> (<span lang="zh-Latn-pinyin">gòngtóng fùyù</span>)?' in html
    link = response.context["pinyin_offers"][0]["url"]
    assert "q=%E5%85%B1%E5%90%8C%E5%AF%8C%E8%A3%95" in link
    found = client.get(link)
    assert [h.article.title for h in found.context["hits"]] == ["Common prosperity"]


@pytest.mark.django_db
def test_an_english_search_gets_no_offer(archive, client):
    response = client.get(reverse("briefings:search"), {"q": "export controls"})
    assert response.context["pinyin_offers"] == []
    assert "Search for" not in response.content.decode()
