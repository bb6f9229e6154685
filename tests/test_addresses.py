"""Only http, https and mailto addresses are stored, linked to or served: editors
and archive restores are refused others with a clear message, and pages and the API
never link to one that got in some other way."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from briefings.addresses import is_web_address
from briefings.models import Article, Claim
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
FINE = [
    "https://example.org/a",
    "http://example.org",
    "mailto:a@example.org",
    "#",
    "/x",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_other_schemes_are_not_web_addresses(url):
    assert not is_web_address(url)


@pytest.mark.parametrize("url", FINE)
def test_web_addresses_and_relative_ones_are(url):
    assert is_web_address(url)


@pytest.mark.parametrize("url", HOSTILE)
def test_model_refuses_a_hostile_link(url):
    article = factories.article(links=[{"title": "Source", "url": url}])
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "only http, https and mailto addresses may be stored" in str(caught.value)


@pytest.fixture
def stored_hostile_links():
    """An article whose links got in without validation (an old row, raw SQL)."""
    article = factories.article("Linked", "Text.")
    Article.objects.filter(pk=article.pk).update(
        links=[
            {"title": "Evil source", "url": "javascript:alert(1)"},
            {"title": "Good source", "url": "https://example.org/good"},
        ],
        items=[{"title": "Evil item", "url": " data:text/html,x"}],
    )
    return article


def test_page_never_links_to_a_hostile_address(client, stored_hostile_links):
    page = client.get(stored_hostile_links.get_absolute_url()).content.decode()
    assert "Evil source" in page and "Evil item" in page
    assert "javascript:" not in page and "data:text" not in page
    assert '<a href="https://example.org/good" rel="nofollow noopener">' in page


def test_api_never_serves_a_hostile_address(client, stored_hostile_links):
    data = client.get(f"/api/v1/articles/{stored_hostile_links.pk}/").json()
    assert data["links"] == [
        {"title": "Evil source", "url": None},
        {"title": "Good source", "url": "https://example.org/good"},
    ]
    assert data["items"] == [{"title": "Evil item", "url": None}]


def test_claim_evidence_is_validated(db):
    claim = factories.claim(factories.article(), evidence_links=["javascript:x"])
    with pytest.raises(ValidationError):
        Claim.objects.get(pk=claim.pk).clean_fields(exclude=["article", "speaker"])
