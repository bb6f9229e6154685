"""Browsing pages: home, publications, topics, people and organisations, and
briefings by date."""

from __future__ import annotations

import calendar

from django.db.models import Max, Min
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from ..cache import cached, cached_page
from ..models import (
    Article,
    Briefing,
    Claim,
    Person,
    PersonKind,
    Publication,
    Topic,
    kept_count,
    kept_months,
    kept_totals,
)
from ..searchpage.charts import bar_chart
from ..summaries import MONTH_ITEMS
from .metadata import person_meta, simple_page
from .permalink import authors_attached
from .records import canonical_redirect

LATEST_COUNT = 20
LIST_LIMIT = 200


def search_feed_url(**params: str) -> str:
    """The Atom feed of a search with these parameters."""
    return f"{reverse('briefings:feed_search')}?{urlencode(params)}"


def briefings_with_counts():
    """Briefings with their public articles' kept count (``summaries.py``)."""
    return Briefing.objects.select_related("publication").annotate(
        article_count=kept_count("briefing")
    )


def topics_with_counts():
    return Topic.objects.filter(merged_into=None).annotate(
        article_count=kept_count("topic")
    )


def archive_totals() -> dict:
    span = Briefing.objects.aggregate(
        first=Min("published_on"), last=Max("published_on")
    )
    return {**kept_totals("briefings", "articles", "claims"), **span}


def latest_briefings(count: int) -> list[Briefing]:
    return list(briefings_with_counts().order_by("-published_on", "-id")[:count])


def leading_topics() -> list[Topic]:
    topics = topics_with_counts().filter(article_count__gt=0)
    return list(topics.order_by("-article_count", "name")[:30])


@cached_page
def home(request):
    context = {
        "briefings": latest_briefings(LATEST_COUNT),
        "publications": cached(
            "publications",
            lambda: list(
                Publication.objects.annotate(
                    briefing_count=kept_count("publication")
                ).order_by("name")
            ),
        ),
        "topics": cached("leading-topics", leading_topics),
        "totals": cached("totals", archive_totals),
        "meta": simple_page(
            "China Briefings Archive",
            request.build_absolute_uri("/"),
            "Searchable, citable archive of China-policy newsletter briefings.",
        ),
    }
    return render(request, "briefings/home.html", context)


@cached_page
def publication_detail(request, pk: int, slug: str | None = None):
    publication = get_object_or_404(Publication, pk=pk)
    if slug != publication.slug:
        return canonical_redirect(request, publication.get_absolute_url())
    briefings = briefings_with_counts().filter(publication=publication)
    context = {
        "publication": publication,
        "follow_url": reverse("briefings:feed_publication", args=[publication.pk]),
        "briefings": briefings.order_by("-published_on", "-id")[:LIST_LIMIT],
        "meta": simple_page(
            publication.name,
            request.build_absolute_uri(publication.get_absolute_url()),
            publication.description or f"Every briefing of {publication.name}.",
        ),
    }
    return render(request, "briefings/publication_detail.html", context)


@cached_page
def topic_list(request):
    topics = cached(
        "topic-list",
        lambda: list(
            topics_with_counts().select_related("parent").order_by("group", "name")
        ),
    )
    context = {
        "topics": topics,
        "meta": simple_page("Topics", request.build_absolute_uri(request.path)),
    }
    return render(request, "briefings/topic_list.html", context)


def topic_timeline(topic: Topic):
    """Articles by year, oldest first; by month when they all fall in one year."""
    base = topic.pk * MONTH_ITEMS
    months = kept_months("topic-month", base, base + MONTH_ITEMS - 1)
    counts = year_counts({item - base: total for item, total in months.items()})
    if len(counts) == 1:
        year = counts[0]["year"]
        return bar_chart(
            month_bars(month_counts(months, year, base), year, with_links=False),
            label=f"Articles on {topic.name} by month in {year}",
        )
    return bar_chart(
        [(str(row["year"]), row["count"], None) for row in counts],
        label=f"Articles on {topic.name} by year",
    )


def year_counts(months: dict[int, int]) -> list[dict]:
    """Kept counts by month (``YYYYMM``) summed by year, oldest first: ``{"year",
    "count"}`` rows."""
    years: dict[int, int] = {}
    for item, total in sorted(months.items()):
        years[item // 100] = years.get(item // 100, 0) + total
    return [{"year": year, "count": count} for year, count in years.items()]


def month_counts(months: dict[int, int], year: int, base: int = 0) -> dict[int, int]:
    """Records per month (1–12) of one year, from kept counts by ``YYYYMM``."""
    first = base + year * 100
    return {
        item - first: total
        for item, total in months.items()
        if first < item <= first + 12
    }


def month_bars(counts: dict[int, int], year: int, *, with_links: bool) -> list:
    """Twelve bars, January to December; a month with briefings links to its page."""
    return [
        (
            calendar.month_abbr[month],
            counts.get(month, 0),
            f"/browse/{year}/{month:02d}/"
            if with_links and counts.get(month)
            else None,
        )
        for month in range(1, 13)
    ]


@cached_page
def topic_detail(request, pk: int, slug: str | None = None):
    topic = get_object_or_404(
        Topic.objects.select_related("parent", "merged_into"), pk=pk
    )
    if topic.merged_into_id:
        return canonical_redirect(request, topic.merged_into.get_absolute_url())
    if slug != topic.slug:
        return canonical_redirect(request, topic.get_absolute_url())
    articles = (
        Article.objects.public()
        .filter(topics=topic)
        .select_related("briefing__publication")
        .order_by("-briefing__published_on", "position")
    )
    context = {
        "topic": topic,
        "follow_url": reverse("briefings:feed_topic", args=[topic.pk]),
        "articles": authors_attached(articles, LIST_LIMIT),
        "subtopics": topics_with_counts().filter(parent=topic).order_by("name"),
        "timeline": topic_timeline(topic),
        "meta": simple_page(
            topic.name,
            request.build_absolute_uri(topic.get_absolute_url()),
            topic.description,
        ),
    }
    return render(request, "briefings/topic_detail.html", context)


@cached_page
def person_detail(request, pk: int, slug: str | None = None):
    return _person_page(request, pk, slug, PersonKind.PERSON)


@cached_page
def organisation_detail(request, pk: int, slug: str | None = None):
    return _person_page(request, pk, slug, PersonKind.ORGANISATION)


def _person_page(request, pk: int, slug: str | None, kind: str):
    """A person's or an organisation's page; the other kind's URL, or a wrong slug,
    answers 301 (an organisation once filed as a person keeps its old links)."""
    person = get_object_or_404(Person, pk=pk)
    if slug != person.slug or person.kind != kind:
        return canonical_redirect(request, person.get_absolute_url())
    written = (
        Article.objects.public()
        .filter(authors=person)
        .select_related("briefing__publication")
        .order_by("-briefing__published_on", "position")
    )
    said = (
        Claim.objects.public()
        .filter(speaker=person)
        .select_related("article__briefing__publication")
        .order_by("-article__briefing__published_on", "article__position", "position")
    )
    context = {
        "person": person,
        "follow_url": search_feed_url(author=person.slug),
        "written": authors_attached(written, LIST_LIMIT),
        "said": said[:LIST_LIMIT],
        "edited": person.edited_briefings.select_related("publication")[:LIST_LIMIT],
        "meta": person_meta(person, request.build_absolute_uri),
    }
    return render(request, f"briefings/{kind}_detail.html", context)


@cached_page
def browse(request):
    """Every year with briefings, and how many: oldest first, in the chart and the
    list alike (and by month when there is only one year)."""
    by_month = kept_months("briefing-month")
    years = year_counts(by_month)
    if len(years) == 1:
        year = years[0]["year"]
        months = month_counts(by_month, year)
        chart = bar_chart(
            month_bars(months, year, with_links=True),
            label=f"Briefings in {year} by month",
        )
    else:
        chart = bar_chart(
            [(str(y["year"]), y["count"], f"/browse/{y['year']}/") for y in years],
            label="Briefings by year",
        )
    context = {
        "years": years,
        "undated": briefings_with_counts().filter(published_on=None).order_by("id"),
        "chart": chart,
        "meta": simple_page("Browse by date", request.build_absolute_uri(request.path)),
    }
    return render(request, "briefings/browse.html", context)


@cached_page
def browse_period(request, year: int, month: int | None = None):
    """Briefings of one year (with a month chart) or one month."""
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        raise Http404("No such date")
    briefings = briefings_with_counts().filter(published_on__year=year)
    if month:
        briefings = briefings.filter(published_on__month=month)
    months = month_counts(
        kept_months("briefing-month", year * 100 + 1, year * 100 + 12), year
    )
    bars = month_bars(months, year, with_links=True)
    label = f"{calendar.month_name[month]} {year}" if month else str(year)
    context = {
        "label": label,
        "year": year,
        "month": month,
        "briefings": briefings.order_by("published_on", "id"),
        "chart": bar_chart(bars, label=f"Briefings in {year} by month"),
        "meta": simple_page(
            f"Briefings of {label}", request.build_absolute_uri(request.path)
        ),
    }
    return render(request, "briefings/browse_period.html", context)
