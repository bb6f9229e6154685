"""The reader's pages: their views and what only they use (metadata, citations,
rendering, feeds, sitemaps, exports)."""

from .discovery import robots_txt
from .listings import (
    browse,
    browse_period,
    home,
    organisation_detail,
    person_detail,
    publication_detail,
    topic_detail,
    topic_list,
)
from .records import (
    article_citation,
    article_detail,
    briefing_citation,
    briefing_detail,
    claim_citation,
    claim_detail,
)
from .search import search, search_claims, search_terms

__all__ = [
    "article_citation",
    "article_detail",
    "briefing_citation",
    "briefing_detail",
    "browse",
    "browse_period",
    "claim_citation",
    "claim_detail",
    "home",
    "organisation_detail",
    "person_detail",
    "publication_detail",
    "robots_txt",
    "search",
    "search_claims",
    "search_terms",
    "topic_detail",
    "topic_list",
]
