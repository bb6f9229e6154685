"""Every stored claim's span occurs verbatim in its article's body."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from briefings.models import Claim
from briefings.spans import (
    claims_with_broken_spans,
    locate_span,
    realign_claims,
    span_is_verbatim,
    validate_claim_span,
)
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "Intro sentence.\n\nExports reached USD 5 billion in 2023. More text."
TEXT = "Exports reached USD 5 billion in 2023."


@pytest.fixture
def claim() -> Claim:
    article = factories.article(body=BODY)
    start = BODY.index(TEXT)
    return Claim.objects.create(
        article=article,
        position=1,
        text=TEXT,
        start=start,
        end=start + len(TEXT),
        kind="statistic",
    )


def test_every_claim_of_every_imported_seed_is_verbatim(read_seeds):
    claims = Claim.objects.select_related("article")
    assert claims.count() == read_seeds["totals"]["claims"] > 100
    assert claims_with_broken_spans(claims) == []


def test_a_verbatim_span_passes(claim):
    assert span_is_verbatim(claim)
    validate_claim_span(claim)  # no error, nothing moved
    assert claim.article.body[claim.start : claim.end] == claim.text


def test_a_span_is_moved_to_where_the_text_now_stands(claim):
    claim.article.body = "A new first paragraph.\n\n" + BODY
    assert not span_is_verbatim(claim)
    validate_claim_span(claim)
    assert claim.article.body[claim.start : claim.end] == TEXT


def test_a_text_missing_from_the_body_is_a_validation_error(claim):
    claim.text = "Exports reached USD 6 billion in 2023."
    with pytest.raises(ValidationError) as error:
        validate_claim_span(claim)
    assert "text" in error.value.message_dict


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 3), (0, 10_000), (0, 0)])
def test_impossible_spans_are_not_verbatim(claim, start, end):
    claim.start, claim.end = start, end
    assert not span_is_verbatim(claim)


def test_locate_span_picks_the_occurrence_nearest_the_old_offset():
    body = "It grew. Then it fell. It grew."
    assert locate_span("It grew.", body, near=20) == (23, 31)
    assert locate_span("It grew.", body, near=0) == (0, 8)
    assert locate_span("absent", body) is None


def test_an_edited_body_moves_claims_and_names_the_lost_ones(claim):
    other = Claim.objects.create(
        article=claim.article,
        position=2,
        text="Intro sentence.",
        start=0,
        end=15,
        kind="assertion",
    )
    article = claim.article
    article.body = "New lead.\n\n" + BODY.replace("Intro sentence.", "Intro.")
    moved, lost = realign_claims(article)
    assert [c.pk for c in moved] == [claim.pk] and [c.pk for c in lost] == [other.pk]
    assert article.body[moved[0].start : moved[0].end] == TEXT


@pytest.mark.django_db
def test_claim_clean_rejects_text_not_in_the_body(read_seeds):
    claim = Claim.objects.select_related("article").first()
    claim.text = "A sentence that is nowhere in the article."
    with pytest.raises(ValidationError):
        claim.full_clean()
