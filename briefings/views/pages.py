"""Public pages: home, publication, briefing, article, claim, topic."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseGone
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from ..models import Article, ArticleAuthor, Briefing, Claim, Publication, Topic
from ..rendering import body_blocks

PUBLIC_ARTICLES = Q(is_published=True, is_in_source=True)


def public_articles():
    return Article.objects.filter(PUBLIC_ARTICLES)


def gone(request, what: str) -> HttpResponseGone:
    html = render_to_string("briefings/gone.html", {"what": what}, request=request)
    return HttpResponseGone(html)


def home(request):
    briefings = (
        Briefing.objects.select_related("publication")
        .annotate(
            article_count=Count("articles", filter=Q(articles__is_published=True))
        )
        .order_by("-published_on", "-id")[:50]
    )
    publications = Publication.objects.annotate(briefing_count=Count("briefings"))
    topics = (
        Topic.objects.annotate(
            article_count=Count("articles", filter=Q(articles__is_published=True))
        )
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:30]
    )
    return render(
        request,
        "briefings/home.html",
        {"briefings": briefings, "publications": publications, "topics": topics},
    )


def briefing_detail(request, pk: int, slug: str | None = None):
    briefing = get_object_or_404(
        Briefing.objects.select_related("publication").prefetch_related("editors"),
        pk=pk,
    )
    if slug != briefing.slug:
        return redirect(briefing.get_absolute_url(), permanent=True)
    articles = (
        public_articles()
        .filter(briefing=briefing)
        .prefetch_related(
            Prefetch(
                "articleauthor_set", ArticleAuthor.objects.select_related("person")
            )
        )
        .annotate(claim_count=Count("claims", filter=Q(claims__is_published=True)))
    )
    return render(
        request,
        "briefings/briefing_detail.html",
        {"briefing": briefing, "articles": articles},
    )


def article_detail(request, pk: int, slug: str | None = None):
    article = get_object_or_404(
        Article.objects.select_related("briefing__publication"), pk=pk
    )
    if not (article.is_published and article.is_in_source):
        return gone(request, "article")
    if slug != article.slug:
        return redirect(article.get_absolute_url(), permanent=True)
    claims = (
        article.claims.filter(is_published=True, is_in_source=True)
        .select_related("speaker")
        .prefetch_related("figures")
    )
    context = {
        "article": article,
        "briefing": article.briefing,
        "authors": [
            link.person for link in article.articleauthor_set.select_related("person")
        ],
        "topics": article.topics.order_by("-articletopic__score"),
        "claims": claims,
        "blocks": body_blocks(article.body, article.subheadings, claims),
    }
    return render(request, "briefings/article_detail.html", context)


def claim_detail(request, pk: int):
    claim = get_object_or_404(
        Claim.objects.select_related("article__briefing__publication", "speaker"), pk=pk
    )
    if not (claim.is_published and claim.is_in_source and claim.article.is_published):
        return gone(request, "claim")
    return render(request, "briefings/claim_detail.html", {"claim": claim})


def publication_detail(request, slug: str):
    publication = get_object_or_404(Publication, slug=slug)
    briefings = publication.briefings.order_by("-published_on", "-id")
    return render(
        request,
        "briefings/publication_detail.html",
        {"publication": publication, "briefings": briefings},
    )


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    articles = (
        public_articles()
        .filter(topics=topic)
        .select_related("briefing__publication")
        .order_by("-briefing__published_on", "position")[:200]
    )
    return render(
        request, "briefings/topic_detail.html", {"topic": topic, "articles": articles}
    )
