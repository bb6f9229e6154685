"""Atom feeds: the latest briefings, each publication, each topic, any search."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from ..models import Article, Briefing, Publication, Topic
from ..searchpage.filters import ArticleFilter

FEED_SIZE = 30
# Characters XML 1.0 cannot carry (all C0 controls but tab, newline, return).
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    """Text with the characters XML 1.0 forbids removed (user input, odd sources)."""
    return NOT_XML.sub("", text or "")


def _moment(date: dt.date | None) -> dt.datetime | None:
    """The publication date as a moment; None for an undated record, so its entry
    carries no ``<published>`` (only ``<updated>``, when the archive last changed
    it) rather than pretending it appeared on the day it was imported."""
    if date is None:
        return None
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)


NEWEST_BRIEFINGS = (F("published_on").desc(nulls_last=True), "-id")
NEWEST_ARTICLES = (F("briefing__published_on").desc(nulls_last=True), "-id")


class BriefingFeed(Feed):
    """The latest briefings of the whole archive."""

    feed_type = Atom1Feed
    title = "China Briefings Archive: latest briefings"
    subtitle = "New briefings as they enter the archive."

    def link(self):
        return reverse("briefings:home")

    def briefings(self):
        return Briefing.objects.select_related("publication").prefetch_related(
            "articles"
        )

    def items(self):
        return self.briefings().order_by(*NEWEST_BRIEFINGS)[:FEED_SIZE]

    def item_title(self, item: Briefing) -> str:
        return xml_safe(item.display_title)

    def item_description(self, item: Briefing) -> str:
        titles = [a.display_title for a in item.articles.all() if a.is_public]
        return xml_safe("Contents: " + "; ".join(titles))

    def item_pubdate(self, item: Briefing) -> dt.datetime:
        return _moment(item.published_on)

    def item_updateddate(self, item: Briefing) -> dt.datetime:
        return item.updated_at


class PublicationFeed(BriefingFeed):
    """The latest briefings of one publication."""

    def get_object(self, request, pk: int):
        return get_object_or_404(Publication, pk=pk)

    def title(self, obj: Publication) -> str:
        return f"{obj.name} in the China Briefings Archive"

    def link(self, obj: Publication) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Publication):
        return (
            self.briefings()
            .filter(publication=obj)
            .order_by(*NEWEST_BRIEFINGS)[:FEED_SIZE]
        )


class ArticleFeed(Feed):
    """Articles, newest first (base for the topic and search feeds)."""

    feed_type = Atom1Feed

    def articles(self):
        return (
            Article.objects.public()
            .select_related("briefing__publication")
            .with_authors()
        )

    def item_title(self, item: Article) -> str:
        return xml_safe(item.display_title)

    def item_description(self, item: Article) -> str:
        return xml_safe(item.subtitle or item.body[:600])

    def item_author_name(self, item: Article) -> str | None:
        names = [person.name for person in item.ordered_authors()]
        return xml_safe(", ".join(names)) or None

    def item_pubdate(self, item: Article) -> dt.datetime:
        return _moment(item.briefing.published_on)

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.updated_at


class TopicFeed(ArticleFeed):
    def get_object(self, request, pk: int):
        return get_object_or_404(Topic, pk=pk)

    def title(self, obj: Topic) -> str:
        return f"{obj.name}: China Briefings Archive"

    def link(self, obj: Topic) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Topic):
        return self.articles().filter(topics=obj).order_by(*NEWEST_ARTICLES)[:FEED_SIZE]


class SearchFeed(ArticleFeed):
    """Any search as a feed: subscribe to a query and its filters."""

    def get_object(self, request):
        return request.GET.copy()

    def title(self, params) -> str:
        query = xml_safe(params.get("q", "")).strip()[:100]
        return f"Search: {query}" if query else "Search: all articles"

    def link(self, params) -> str:
        return f"{reverse('briefings:search')}?{params.urlencode()}"

    def feed_url(self, params) -> str:
        """The feed's own address (``rel=self``) with its query: without it, a
        reader that follows the self link subscribes to every article."""
        url = reverse("briefings:feed_search")
        return f"{url}?{params.urlencode()}" if params else url

    def items(self, params):
        filtered = ArticleFilter(params, queryset=self.articles()).qs
        return filtered.order_by(*NEWEST_ARTICLES)[:FEED_SIZE]
