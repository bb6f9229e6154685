"""The machine-readable import report (``import_briefings --json``).

The contract: keys may be added, none renamed or removed.
"""

from __future__ import annotations

from ..serialize import figure_dict, iso, item_dict
from .types import ParsedArticle, ParsedBriefing, ParsedClaim


def claim_report(claim: ParsedClaim) -> dict:
    return {
        "text": claim.text,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "start": claim.start,
        "end": claim.end,
        "figures": [figure_dict(figure) for figure in claim.figures],
    }


def article_report(article: ParsedArticle) -> dict:
    return {
        "title": article.title,
        "alternate_titles": article.alternate_titles,
        "subtitle": article.subtitle,
        "authors": article.authors,
        "outlet": article.outlet,
        "date": iso(article.date),
        "section": article.section,
        "kind": article.kind,
        "image_caption": article.image_caption,
        "interviewee": article.interviewee,
        "subheadings": article.subheadings,
        "items": [item_dict(item) for item in article.items],
        "links": [item_dict(link) for link in article.links],
        "topics": [topic.slug for topic in article.topics],
        "body_chars": len(article.body),
        "lines": [article.line_start, article.line_end],
        "warnings": article.warnings,
        "claims": [claim_report(claim) for claim in article.claims],
    }


def briefing_report(briefing: ParsedBriefing) -> dict:
    return {
        "publication": briefing.publication,
        "issue": briefing.issue,
        "title": briefing.title,
        "date": iso(briefing.date),
        "date_precision": briefing.date_precision,
        "editors": briefing.editors,
        "structure_confidence": briefing.confidence,
        "articles": [article_report(article) for article in briefing.articles],
    }


def file_report(
    path: str,
    status: str,
    *,
    briefing: ParsedBriefing | None = None,
    error: str | None = None,
    warnings: list[str] | None = None,
) -> dict:
    return {
        "path": path,
        "status": status,
        "error": error,
        "format": briefing.format if briefing else None,
        "warnings": warnings if warnings is not None else [],
        "briefing": briefing_report(briefing) if briefing else None,
    }


def totals(files: list[dict]) -> dict:
    """Counts over a report's files: by status, and articles, claims, warnings."""
    counts = {
        "files": len(files),
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "skipped": 0,  # links inside folders, not followed
    }
    counts.update({"articles": 0, "claims": 0, "warnings": 0})
    for entry in files:
        counts[entry["status"]] += 1
        counts["warnings"] += len(entry["warnings"])
        articles = entry["briefing"]["articles"] if entry["briefing"] else []
        counts["articles"] += len(articles)
        counts["claims"] += sum(len(article["claims"]) for article in articles)
    return counts
