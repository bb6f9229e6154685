"""Term pages and the index: both scripts with pinyin, every rendering with how often
and by whom, renderings by year, the articles; permalinks, metadata, sitemap."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from briefings.curation.merge import merge_terms
from briefings.models import Term
from tests.factories import imported_bodies

pytestmark = pytest.mark.django_db


@pytest.fixture
def term() -> Term:
    imported_bodies("a", "Neican", 2021, "Xi pushed common prosperity (共同富裕) hard.")
    imported_bodies(
        "b", "Sinocism", 2022, "The drive for shared prosperity (共同富裕) grew."
    )
    imported_bodies(
        "c", "Neican", 2023, "A push for common prosperity (共同富裕) again."
    )
    imported_bodies(
        "d", "Taipei Notes", 2023, "共同富裕 (common prosperity) in Taiwan's view."
    )
    return Term.objects.get(simplified="共同富裕")


def test_the_term_page_shows_scripts_renderings_and_articles(client, term):
    response = client.get(term.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert term.get_absolute_url() == f"/terms/{term.pk}/gong-tong-fu-yu/"
    assert "共同富裕" in html and "gòng tóng fù yù" in html
    renderings = response.context["renderings"]
    assert [(r.english, r.count) for r in renderings] == [
        ("common prosperity", 3),
        ("shared prosperity", 1),
    ]
    assert dict(renderings[0].publications) == {"Neican": 2, "Taipei Notes": 1}
    assert response.context["timeline"] == [
        (2021, [("common prosperity", 1)]),
        (2022, [("shared prosperity", 1)]),
        (2023, [("common prosperity", 2)]),
    ]
    assert len(response.context["articles"]) == 4


def test_metadata_is_a_defined_term_with_citation_tags(client, term):
    html = client.get(term.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "DefinedTerm"
    assert data["name"] == "共同富裕"
    assert "common prosperity" in data["alternateName"]
    assert data["url"].endswith(term.get_absolute_url())
    assert '<meta name="citation_title" content="共同富裕 (gòng tóng fù yù)">' in html


def test_a_wrong_slug_and_a_merged_term_answer_301(client, term):
    response = client.get(f"/terms/{term.pk}/wrong/")
    assert response.status_code == 301
    assert response["Location"] == term.get_absolute_url()
    other = Term.objects.create(simplified="共同富裕道路", pinyin="x")
    merge_terms([other], term)
    response = client.get(f"/terms/{other.pk}/x/")
    assert (response.status_code, response["Location"]) == (
        301,
        term.get_absolute_url(),
    )


def test_a_hidden_term_is_gone(client, term):
    Term.objects.filter(pk=term.pk).update(is_published=False)
    assert client.get(term.get_absolute_url()).status_code == 410
    assert term.get_absolute_url() not in client.get("/terms/").content.decode()


def test_the_index_lists_terms_with_their_counts(client, term):
    response = client.get(reverse("briefings:term_list"))
    assert response.status_code == 200
    assert [(t.simplified, t.rendering_count) for t in response.context["terms"]] == [
        ("共同富裕", 4)
    ]
    assert term.get_absolute_url() in response.content.decode()


def test_terms_are_in_the_sitemap(client, term):
    response = client.get("/sitemap-terms.xml")
    assert response.status_code == 200
    assert term.get_absolute_url() in response.content.decode()


def test_a_term_whose_renderings_left_their_texts_leaves_the_sitemap_and_api(
    client, term
):
    term.renderings.update(is_in_source=False)
    assert (
        term.get_absolute_url() not in client.get("/sitemap-terms.xml").content.decode()
    )
    assert client.get("/api/v1/terms/").json()["results"] == []


def test_terms_in_the_api(client, term):
    response = client.get("/api/v1/terms/")
    assert response.status_code == 200
    (data,) = response.json()["results"]
    assert (data["simplified"], data["traditional"], data["pinyin"]) == (
        "共同富裕",
        "共同富裕",
        "gòng tóng fù yù",
    )
    assert data["url"].endswith(term.get_absolute_url())
    first = data["renderings"][0]
    assert (first["english"], first["publication"], first["published_on"]) == (
        "common prosperity",
        "Neican",
        "2021-03-01",
    )
    assert client.get(f"/api/v1/terms/{term.pk}/").json()["id"] == term.pk


def test_the_index_searches_terms_and_a_found_term_opens_its_page(client, term):
    index = client.get(reverse("briefings:term_list")).content.decode()
    assert f'action="{reverse("briefings:search_terms")}"' in index
    found = client.get(reverse("briefings:search_terms"), {"q": "gongtong fuyu"})
    (hit,) = found.context["hits"]
    assert hit.url == term.get_absolute_url()
    page = client.get(hit.url)
    assert page.status_code == 200
    # The tab counts the renderings as the term page does.
    assert hit.renderings == [(r.english, r.count) for r in page.context["renderings"]]
