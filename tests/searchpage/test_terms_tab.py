"""The search page's Terms tab: terms found by either script, by pinyin and by an
English rendering, each with both scripts, pinyin and counted renderings; its count,
its URL, its empty and no-match states, hostile input, the download and the API
(briefings/searchpage/terms.py)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from briefings.models import Term
from tests.factories import imported_bodies

pytestmark = pytest.mark.django_db

TERMS = reverse("briefings:search_terms")


@pytest.fixture
def terms() -> dict[str, Term]:
    imported_bodies(
        "a",
        "Neican",
        2021,
        "Xi pushed common prosperity (共同富裕) hard.",
        "Xi Jinping (习近平) spoke at the plenum.",
    )
    imported_bodies(
        "b", "Sinocism", 2022, "The drive for shared prosperity (共同富裕) grew."
    )
    imported_bodies(
        "c", "Taipei Notes", 2023, "Xi Jinping (習近平) was quoted by Taipei papers."
    )
    imported_bodies(
        "d", "Neican", 2023, "The united front (统战) reached business owners."
    )
    return {t.simplified: t for t in Term.objects.all()}


def hits(client, q: str, **params) -> list[str]:
    response = client.get(TERMS, {"q": q, **params})
    assert response.status_code == 200
    return [hit.term.simplified for hit in response.context["hits"]]


@pytest.mark.parametrize(
    "q", ["習近平", "习近平", "xi jinping", "Xí Jìnpíng", "xijinping"]
)
def test_either_script_and_pinyin_find_the_same_term(client, terms, q):
    assert hits(client, q)[0] == "习近平"


@pytest.mark.parametrize(
    "q",
    ["common prosperity", "Common Prosperity", '"common prosperity"', "shared"],
)
def test_an_english_rendering_finds_its_chinese_term(client, terms, q):
    assert hits(client, q) == ["共同富裕"]


@pytest.mark.parametrize(
    "q", ["gongtong fuyu", "gòngtóng fùyù", "fuyu", "共同", "富裕"]
)
def test_part_of_a_term_in_pinyin_or_characters_finds_it(client, terms, q):
    assert hits(client, q) == ["共同富裕"]


def test_a_hit_shows_both_scripts_pinyin_renderings_and_its_page(client, terms):
    response = client.get(TERMS, {"q": "xi jinping"})
    html = response.content.decode()
    term = terms["习近平"]
    hit = response.context["hits"][0]
    assert hit.renderings == [("Xi Jinping", 2)]
    assert hit.matched_by == ["pinyin", "English rendering"]
    assert f'href="{term.get_absolute_url()}"' in html
    assert '<span lang="zh-Hans">习近平</span>' in html
    assert '<span lang="zh-Hant">習近平</span>' in html
    assert "xí jìn píng" in html
    assert "“Xi Jinping”" in html and "2×" in html


def test_renderings_are_counted_most_used_first(client, terms):
    imported_bodies(
        "e", "Neican", 2024, "A push for Common Prosperity (共同富裕) again."
    )
    hit = client.get(TERMS, {"q": "共同富裕"}).context["hits"][0]
    assert hit.renderings == [("common prosperity", 2), ("shared prosperity", 1)]
    assert hit.rendering_count == 3


def test_the_count_equals_the_listed_rows(client, terms):
    response = client.get(TERMS, {"q": "xi OR prosperity"})
    count = response.context["page"].paginator.count
    listed = response.content.decode().count('class="result term-result"')
    assert count == listed == len(response.context["hits"])
    assert f"{count} term" in response.content.decode()


def test_words_match_at_word_starts_only(client, terms):
    assert hits(client, "rosperity") == []
    assert hits(client, "front") == ["统战"]


def test_hidden_and_merged_terms_and_hidden_articles_are_not_listed(client, terms):
    Term.objects.filter(simplified="统战").update(is_published=False)
    assert hits(client, "united front") == []
    terms["习近平"].renderings.update(is_in_source=False)
    assert hits(client, "xi jinping") == []


def test_the_tab_links_keep_the_query_and_the_form_stays_on_the_tab(client, terms):
    response = client.get(
        reverse("briefings:search"), {"q": "共同富裕", "year": "2021"}
    )
    links = dict((tab.name, url) for tab, url in response.context["tabs"])
    assert links["terms"] == TERMS + "?q=%E5%85%B1%E5%90%8C%E5%AF%8C%E8%A3%95"
    page = client.get(links["terms"])
    html = page.content.decode()
    assert f'action="{TERMS}"' in html
    assert '<a href="/search/terms/?q=' in html and 'aria-current="page">Terms' in html
    assert [hit.term.simplified for hit in page.context["hits"]] == ["共同富裕"]


def test_an_empty_query_asks_for_a_term(client, terms):
    response = client.get(TERMS)
    html = response.content.decode()
    assert response.context["hits"] == []
    assert "Type a Chinese term, its pinyin or an English rendering" in html
    assert reverse("briefings:term_list") in html


def test_no_match_says_so_and_offers_the_article_search(client, terms):
    html = client.get(TERMS, {"q": "semiconductors"}).content.decode()
    assert "0 terms found" in html
    assert "No term in the archive matches <strong>semiconductors</strong>" in html
    assert '/search/?q=semiconductors">Search the articles for it' in html


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"""',
        "'; DROP TABLE briefings_term; --",
        "?!…,.;:()[]",
        "a" * 5000,
        "共" * 3000,
        "xi " * 400,
        "\x00\x01",
        "%_%",
    ],
)
def test_hostile_input_gives_a_clean_page(client, terms, q):
    response = client.get(TERMS, {"q": q})
    assert response.status_code == 200
    assert "term" in response.content.decode()
    assert Term.objects.count() == len(terms)


def test_only_punctuation_reads_as_nothing_to_look_for(client, terms):
    html = client.get(TERMS, {"q": "?!…"}).content.decode()
    assert "Your search has no letters or characters to look for." in html


def test_like_wildcards_are_matched_as_written(client, terms):
    assert hits(client, "%") == [] and hits(client, "_") == []


def test_the_download_lists_the_same_terms(client, terms):
    response = client.get(
        reverse("briefings:search_terms_export", args=["json"]), {"q": "xi jinping"}
    )
    data = json.loads(b"".join(response.streaming_content))
    assert data["count"] == 1
    row = data["results"][0]
    assert row["simplified"] == "习近平" and row["traditional"] == "習近平"
    assert row["renderings"] == [{"english": "Xi Jinping", "count": 2}]
    assert row["url"].endswith(terms["习近平"].get_absolute_url())
    csv = b"".join(
        client.get(
            reverse("briefings:search_terms_export", args=["csv"]), {"q": "共同富裕"}
        ).streaming_content
    ).decode("utf-8-sig")
    assert csv.splitlines()[0] == (
        "id,url,simplified,traditional,pinyin,renderings,rendering_count,matched_by"
    )
    assert "common prosperity (1); shared prosperity (1)" in csv


def test_the_api_lists_the_same_terms(client, terms):
    data = client.get(reverse("api:search_terms"), {"q": "習近平"}).json()
    assert data["count"] == 1
    assert data["results"][0]["simplified"] == "习近平"
    assert data["results"][0]["renderings"] == [{"english": "Xi Jinping", "count": 2}]
    assert data["results"][0]["url"].endswith(terms["习近平"].get_absolute_url())


def test_many_terms_are_paged_and_the_pages_keep_the_query(client, db):
    bodies = [f"“{chr(0x4E00 + n)}计划” (plan {n}) was set." for n in range(1, 23)]
    imported_bodies("plans", "Neican", 2024, *bodies)
    first = client.get(TERMS, {"q": "plan"})
    assert first.context["page"].paginator.count == 22
    assert len(first.context["hits"]) == 20
    html = first.content.decode()
    assert "22 terms found" in html and "?q=plan&amp;page=2" in html
    second = client.get(TERMS, {"q": "plan", "page": "2"})
    assert len(second.context["hits"]) == 2


def test_the_api_refuses_a_query_longer_than_a_term_can_be(client, terms):
    response = client.get(reverse("api:search_terms"), {"q": "x" * 201})
    assert response.status_code == 400
    assert response.json() == {"q": ["At most 200 characters."]}
