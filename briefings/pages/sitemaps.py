"""sitemap.xml: every public briefing, article, claim, topic, person, organisation,
publication and term."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from ..models import Article, Briefing, Claim, Person, Publication, Term, Topic


class BriefingSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Briefing.objects.select_related("publication").order_by("id")

    def lastmod(self, item: Briefing):
        return item.updated_at


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Article.objects.public()
            .select_related("briefing__publication")
            .with_authors()
            .order_by("id")
        )

    def lastmod(self, item: Article):
        return item.updated_at


class ClaimSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Claim.objects.public().only("id", "text", "updated_at").order_by("id")

    def lastmod(self, item: Claim):
        return item.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.filter(merged_into=None).order_by("id")


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.people().order_by("id")


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.organisations().order_by("id")


class PublicationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Publication.objects.order_by("id")


class TermSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Term.objects.public().order_by("id")

    def lastmod(self, item: Term):
        return item.updated_at


SITEMAPS = {
    "briefings": BriefingSitemap,
    "articles": ArticleSitemap,
    "claims": ClaimSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "publications": PublicationSitemap,
    "terms": TermSitemap,
}
