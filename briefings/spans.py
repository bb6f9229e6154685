"""A claim's span must occur verbatim in its article's stored body.

Pages mark a claim by its character span (``Claim.start``/``Claim.end``, offsets in
``Article.body``), so ``body[start:end]`` must be exactly the claim's text. The
importer guarantees it; an editor who edits a claim's text or an article's body
can break it. ``validate_claim_span`` is the ``clean()``-style check for the admin
(``Claim.clean`` should call it): it moves a span to where the text now stands when
the text still occurs in the body, and raises ``ValidationError`` otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:  # models.py may import this module for ``Claim.clean``
    from .models import Article, Claim

SPAN_ERROR = (
    "The claim's text does not occur verbatim in the article body, so it cannot be "
    "marked on the page; quote the body exactly."
)


def span_is_verbatim(claim: Claim) -> bool:
    """Whether ``article.body[start:end]`` is exactly the claim's text."""
    body = claim.article.body
    if not 0 <= claim.start <= claim.end <= len(body):
        return False
    return bool(claim.text) and body[claim.start : claim.end] == claim.text


def locate_span(text: str, body: str, near: int = 0) -> tuple[int, int] | None:
    """The span of ``text`` in ``body`` nearest to offset ``near``, or None."""
    if not text:
        return None
    found, position = [], body.find(text)
    while position != -1:
        found.append(position)
        position = body.find(text, position + 1)
    if not found:
        return None
    start = min(found, key=lambda offset: abs(offset - near))
    return start, start + len(text)


def validate_claim_span(claim: Claim) -> None:
    """Keep the span verbatim: move it to the text's nearest occurrence in the body,
    or raise ``ValidationError`` on ``text`` when the body does not hold the text."""
    if span_is_verbatim(claim):
        return
    span = locate_span(claim.text, claim.article.body, claim.start)
    if span is None:
        raise ValidationError({"text": SPAN_ERROR}, code="span_not_verbatim")
    claim.start, claim.end = span


def claims_with_broken_spans(claims: Iterable[Claim]) -> list[Claim]:
    """The claims whose span is not verbatim (select_related("article") first)."""
    return [claim for claim in claims if not span_is_verbatim(claim)]


def realign_claims(article: Article) -> tuple[list[Claim], list[Claim]]:
    """After an edit of ``article.body`` (not yet saved): the claims whose spans were
    moved to where their text now stands (to be saved), and the claims whose text
    the body no longer holds (for an editor: ``Article.clean`` may refuse the edit)."""
    moved, lost = [], []
    for claim in article.claims.all():
        claim.article = article  # the edited body, not the stored one
        if span_is_verbatim(claim):
            continue
        span = locate_span(claim.text, article.body, claim.start)
        if span is None:
            lost.append(claim)
        else:
            claim.start, claim.end = span
            moved.append(claim)
    return moved, lost
