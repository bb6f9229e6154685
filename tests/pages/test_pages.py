"""The minimal reader pages that `make run` serves over the imported seeds."""

from __future__ import annotations

import pytest
from django.urls import reverse

from briefings.models import Article, Briefing, Claim, Person, Publication, Topic

pytestmark = pytest.mark.django_db


def test_home_lists_every_briefing_newest_first(client, read_seeds):
    response = client.get(reverse("briefings:home"))
    assert response.status_code == 200
    listed = list(response.context["briefings"])
    assert len(listed) == Briefing.objects.count() == 5
    dated = [b.published_on for b in listed if b.published_on]
    assert dated == sorted(dated, reverse=True)
    html = response.content.decode()
    assert "Dialogue China Briefing" in html and "MERICS China Essentials" in html


def test_briefing_page_lists_its_articles_in_order(client, read_seeds):
    briefing = Briefing.objects.get(issue_number=140)
    response = client.get(briefing.get_absolute_url())
    assert response.status_code == 200
    titles = [a.title for a in response.context["articles"]]
    assert titles == list(
        briefing.articles.order_by("position").values_list("title", flat=True)
    )
    assert briefing.source_name in response.content.decode()


def test_article_page_shows_body_and_marks_claims(client, read_seeds):
    claim = Claim.objects.select_related("article").filter(kind="statistic").first()
    response = client.get(claim.article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="claim-{claim.pk}"' in html
    assert f'href="{claim.get_absolute_url()}"' in html


def test_article_subheadings_render_as_headings(client, read_seeds):
    article = Article.objects.exclude(subheadings=[]).first()
    html = client.get(article.get_absolute_url()).content.decode()
    for heading in article.subheadings:
        assert f'<h2 class="subheading">{heading}</h2>' in html.replace("&#x27;", "'")


def test_wrong_slug_redirects_permanently_to_the_canonical_url(client, read_seeds):
    article = Article.objects.exclude(title=None).first()
    response = client.get(
        reverse("briefings:article_detail", args=[article.pk, "old-slug"])
    )
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_hidden_article_answers_410(client, read_seeds):
    article = Article.objects.first()
    article.is_published = False
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 410


def test_claim_page_shows_sentence_and_figures(client, read_seeds):
    claim = Claim.objects.filter(figures__unit="CNY").first()
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "CNY" in html
    assert claim.article.get_absolute_url() in html


def test_unknown_url_is_a_404(client, db):
    assert client.get("/articles/999999/nothing/").status_code == 404


REDIRECTED = {
    "briefing_detail": Briefing,
    "article_detail": Article,
    "claim_detail": Claim,
    "publication_detail": Publication,
    "topic_detail": Topic,
    "person_detail": Person,
}


@pytest.mark.parametrize("name", REDIRECTED)
def test_slug_redirect_keeps_the_query_string(client, imported_seeds, name):
    record = REDIRECTED[name].objects.order_by("pk").first()
    url = reverse(f"briefings:{name}", args=[record.pk])  # no slug: redirected
    response = client.get(url, {"q": "china", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{record.get_absolute_url()}?q=china&page=2"


def test_a_merged_topic_redirect_keeps_the_query_string(client, imported_seeds):
    kept, merged = Topic.objects.order_by("pk")[:2]
    merged.merged_into = kept
    merged.save()
    response = client.get(merged.get_absolute_url(), {"page": "2"})
    assert response["Location"] == f"{kept.get_absolute_url()}?page=2"


def test_highlighting_survives_the_slug_redirect(client, imported_seeds):
    article = Article.objects.filter(body__icontains="china").first()
    old = reverse("briefings:article_detail", args=[article.pk, "old-slug"])
    response = client.get(old, {"q": "China"}, follow=True)
    assert response.redirect_chain == [(f"{article.get_absolute_url()}?q=China", 301)]
    assert "Showing matches for <mark>China</mark>" in response.content.decode()
