"""The search page on the five seeds, on every database: the queries researchers ask."""

from __future__ import annotations

import pytest

from briefings.models import Article
from briefings.search import matching, parse_query

pytestmark = pytest.mark.django_db


def titles(client, **params) -> list[str | None]:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return [hit.article.title for hit in response.context["hits"]]


def article(title_start: str) -> Article:
    return Article.objects.get(title__startswith=title_start)


def test_youth_unemployment_finds_the_black_hole_feature(client, read_seeds):
    found = titles(client, q="youth unemployment")
    assert article("The Black Hole of Data").title in found


def test_social_credit_phrase_finds_the_gis_article_and_nothing_without_it(
    client, read_seeds
):
    response = client.get("/search/", {"q": '"social credit"'})
    hits = [hit.article for hit in response.context["hits"]]
    gis = Article.objects.get(briefing__publication__name="GIS Reports")
    assert gis in hits
    for hit in hits:
        assert "social credit" in f"{hit.title or ''} {hit.body}".lower()


def test_chinese_term_finds_the_neican_party_leadership_section(client, read_seeds):
    assert "Party leadership" in titles(client, q="统战")


def test_grunberg_without_the_umlaut_finds_the_merics_top_story(client, read_seeds):
    found = titles(client, q="Grunberg")
    assert article("A rare public opinion poll").title in found


def test_minus_excludes_the_port_cranes_item(client, read_seeds):
    found = titles(client, q="Huawei -cranes")
    assert found, "Huawei appears in other articles"
    assert article("US wants to replace Chinese-made port cranes").title not in found
    assert titles(client, q="Huawei") != found


def test_or_finds_both_dialogue_china_summaries(client, read_seeds):
    found = titles(client, q="Meituan OR Temasek")
    assert article("A College Professor").title in found
    assert article("The 2023 State of Foreign Capital").title in found


def test_publication_facet_counts_equal_independent_counts(client, read_seeds):
    response = client.get("/search/", {"q": "China"})
    [facet] = [f for f in response.context["facets"] if f.name == "publication"]
    matches = matching(Article.objects.public(), parse_query("China"))
    for value in facet.values:
        if value.value == "none":  # the bucket of articles without a publication
            expected = matches.filter(briefing__publication=None).count()
        else:
            expected = matches.filter(briefing__publication__slug=value.value).count()
        assert value.count == expected, value


@pytest.mark.parametrize("q", ["", "the of and", "!!!", "<b>x</b>", "' OR 1=1 --"])
def test_empty_and_hostile_queries_return_a_normal_page(client, read_seeds, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "<b>x</b>" not in response.content.decode()


@pytest.mark.parametrize(
    "q", ["内卷", "內卷", "neijuan", "nèi juǎn", "internal competition"]
)
def test_the_terms_tab_finds_neijuan_by_script_pinyin_and_rendering(
    client, read_seeds, q
):
    response = client.get("/search/terms/", {"q": q})
    terms = [hit.term.simplified for hit in response.context["hits"]]
    assert terms[0] == "内卷"
    assert response.context["page"].paginator.count == len(terms)
