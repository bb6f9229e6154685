"""The archive's views: reader pages and search."""

from .pages import (
    article_detail,
    briefing_detail,
    claim_detail,
    home,
    publication_detail,
    topic_detail,
)

__all__ = [
    "article_detail",
    "briefing_detail",
    "claim_detail",
    "home",
    "publication_detail",
    "topic_detail",
]
