"""Article bodies built from the seed texts, independent of the format parsers.

Every non-empty line of a seed becomes a paragraph (page breaks rejoined), and the
truth's subheadings are passed on as the article's subheadings.
"""

from __future__ import annotations

import pytest

from briefings.importers.text import join_broken_paragraphs
from briefings.importers.types import ParsedArticle
from tests.truth import SEED_STEMS, load_truth, seed_text


def seed_article(stem: str) -> ParsedArticle:
    """One article holding every paragraph of a seed."""
    lines = [line.strip() for line in seed_text(stem).splitlines() if line.strip()]
    subheadings = [
        heading
        for article in load_truth(stem)["articles"]
        for heading in article.get("subheadings", [])
    ]
    body = "\n\n".join(join_broken_paragraphs(lines))
    return ParsedArticle(title=None, body=body, subheadings=subheadings)


def make_article(*paragraphs: str, **fields) -> ParsedArticle:
    """An article whose body is the given paragraphs."""
    return ParsedArticle(
        title=fields.pop("title", None), body="\n\n".join(paragraphs), **fields
    )


@pytest.fixture(params=SEED_STEMS)
def seed(request) -> tuple[str, ParsedArticle]:
    return request.param, seed_article(request.param)
