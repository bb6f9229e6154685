"""What every page says about itself to machines: canonical URL, OpenGraph,
Highwire Press ``citation_*`` tags (read by Zotero and Google Scholar) and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from ..serialize import iso
from .citations import cited_name

SITE_NAME = "China Briefings Archive"
DESCRIPTION_CHARS = 200


@dataclass
class PageMeta:
    title: str
    canonical: str
    description: str = ""
    og_type: str = "website"
    citation: list[tuple[str, str]] = field(default_factory=list)
    jsonld: dict | None = None

    @property
    def jsonld_html(self) -> SafeString:
        """The JSON-LD as a string safe inside <script>: no "</" can close it."""
        if not self.jsonld:
            return mark_safe("")
        text = json.dumps(self.jsonld, ensure_ascii=False, indent=1)
        escaped = (
            text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        )
        return mark_safe(escaped)


def describe(text: str) -> str:
    """A one-line description: the text's start, cut at a word."""
    text = " ".join((text or "").split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "…"


def _date(date, precision: str) -> str | None:
    if not date:
        return None
    parts = {"year": 1, "month": 2}.get(precision, 3)
    return "/".join(f"{p:02d}" for p in (date.year, date.month, date.day)[:parts])


def simple_page(title: str, canonical: str, description: str = "") -> PageMeta:
    return PageMeta(title=title, canonical=canonical, description=describe(description))


def publisher_of(briefing) -> dict:
    name = briefing.publication.name if briefing.publication else SITE_NAME
    return {"@type": "Organization", "name": name}


def agent(person) -> dict:
    """A schema.org Person (with family and given names) or Organization."""
    if person.is_organisation:
        return {"@type": "Organization", "name": person.name}
    name = cited_name(person)
    return _without_empty(
        {
            "@type": "Person",
            "name": person.name,
            "familyName": name.family,
            "givenName": name.given,
        }
    )


def person_meta(person, absolute) -> PageMeta:
    """Metadata of a person's or an organisation's page."""
    canonical = absolute(person.get_absolute_url())
    jsonld = {"@context": "https://schema.org", **agent(person), "url": canonical}
    if person.variants:
        jsonld["alternateName"] = person.variants
    return PageMeta(
        title=person.name,
        canonical=canonical,
        description=person.role,
        og_type="profile" if not person.is_organisation else "website",
        jsonld=jsonld,
    )


def article_meta(article, absolute, authors, topics) -> PageMeta:
    """Metadata of an article page: a NewsArticle in its briefing.

    ``absolute`` turns a path into an absolute URL (``request.build_absolute_uri``).
    """
    briefing = article.briefing
    canonical = absolute(article.get_absolute_url())
    publication = briefing.publication.name if briefing.publication else None
    citation = [("citation_title", article.display_title)]
    citation += [("citation_author", cited_name(person).inverted) for person in authors]
    published = _date(briefing.published_on, briefing.date_precision)
    if published:
        citation.append(("citation_publication_date", published))
    if publication:
        citation += [
            ("citation_journal_title", publication),
            ("citation_publisher", publication),
        ]
    if briefing.issue_number:
        citation.append(("citation_issue", str(briefing.issue_number)))
    citation += [("citation_public_url", canonical), ("citation_language", "en")]
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle"
        if article.outlet or article.kind == "news"
        else "Article",
        "headline": article.display_title[:110],
        "name": article.display_title,
        "url": canonical,
        "mainEntityOfPage": canonical,
        "author": [agent(person) for person in authors],
        "publisher": publisher_of(briefing),
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": briefing.issue_number,
            "name": briefing.display_title,
            "url": absolute(briefing.get_absolute_url()),
        },
        "articleSection": article.section or None,
        "about": [{"@type": "Thing", "name": topic.name} for topic in topics],
        "datePublished": iso(briefing.published_on, briefing.date_precision),
        "description": describe(article.body),
    }
    if article.outlet:  # summarised or translated from there: the original
        jsonld["isBasedOn"] = _without_empty(
            {
                "@type": "CreativeWork",
                "publisher": {"@type": "Organization", "name": article.outlet},
                "datePublished": iso(
                    article.original_on, article.original_date_precision
                ),
            }
        )
    return PageMeta(
        title=article.display_title,
        canonical=canonical,
        description=describe(article.subtitle or article.body),
        og_type="article",
        citation=citation,
        jsonld=_without_empty(jsonld),
    )


def briefing_meta(briefing, absolute) -> PageMeta:
    """Metadata of a briefing page: a PublicationIssue."""
    canonical = absolute(briefing.get_absolute_url())
    citation = [("citation_title", briefing.display_title)]
    published = _date(briefing.published_on, briefing.date_precision)
    if published:
        citation.append(("citation_publication_date", published))
    if briefing.publication:
        name = briefing.publication.name
        citation += [("citation_journal_title", name), ("citation_publisher", name)]
    if briefing.issue_number:
        citation.append(("citation_issue", str(briefing.issue_number)))
    jsonld = {
        "@context": "https://schema.org",
        "@type": "PublicationIssue",
        "name": briefing.display_title,
        "issueNumber": briefing.issue_number,
        "datePublished": iso(briefing.published_on, briefing.date_precision),
        "publisher": publisher_of(briefing),
        "url": canonical,
    }
    return PageMeta(
        title=briefing.display_title,
        canonical=canonical,
        description=f"{briefing.display_title}: articles, claims and sources.",
        og_type="article",
        citation=citation,
        jsonld=_without_empty(jsonld),
    )


def claim_meta(claim, absolute) -> PageMeta:
    """Metadata of a claim page: a schema.org Claim that appears in its article."""
    article = claim.article
    canonical = absolute(claim.get_absolute_url())
    article_url = absolute(article.get_absolute_url())
    jsonld = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": claim.text,
        "url": canonical,
        "author": agent(claim.speaker) if claim.speaker else None,
        "appearance": {
            "@type": "Article",
            "url": article_url,
            "headline": article.display_title,
        },
        "firstAppearance": {"@type": "Article", "url": article_url},
        "datePublished": iso(
            article.briefing.published_on, article.briefing.date_precision
        ),
    }
    return PageMeta(
        title=f"Claim: {describe(claim.text)[:80]}",
        canonical=canonical,
        description=describe(claim.text),
        og_type="article",
        jsonld=_without_empty(jsonld),
    )


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
