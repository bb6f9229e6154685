"""Permalink pages in one or two queries (pages/permalink.py), however many
authors, topics, claims, figures and editors they show, on both databases."""

from __future__ import annotations

import pytest

from briefings.models import Article, Claim
from tests import factories

pytestmark = pytest.mark.django_db

# The article with everything it links to, its related articles included.
ARTICLE_QUERIES = 1
# The claim with its article, speaker, figures and the article's authors.
CLAIM_QUERIES = 1
# The briefing with its editors; its articles with their authors and claims counted.
BRIEFING_QUERIES = 2
# The topic; its timeline (kept counts); its subtopics; its articles with authors.
TOPIC_QUERIES = 4
# The person; the articles they wrote (with authors); their claims; what they edited.
PERSON_QUERIES = 4


@pytest.fixture(params=[1, 4], ids=["few", "many"])
def archive(request) -> Article:
    """An article with ``n`` authors, topics and claims (each with figures) in a
    briefing with ``n`` editors and siblings."""
    n = request.param
    owner = factories.briefing()
    owner.editors.set([factories.person(f"Editor {i}") for i in range(n)])
    for i in range(n):
        factories.article(None, f"Sibling {i} opens here.", briefing_=owner)
    subject = factories.article(
        "Subject",
        "Growth reached 5 percent. Trade grew.",
        briefing_=owner,
        authors=tuple(f"Author {i}" for i in range(n)),
        topics=tuple(f"Topic {i}" for i in range(n)),
    )
    for i in range(n):
        factories.claim(
            subject,
            speaker=f"Speaker {i}",
            figures=(("5 percent", 5.0, "%"), ("3 percent", 3.0, "%")),
        )
        factories.article(f"Related {i}", topics=("Topic 0",), authors=("Author 0",))
    return subject


@pytest.mark.parametrize(
    ("page", "most"),
    [
        ("article", ARTICLE_QUERIES),
        ("claim", CLAIM_QUERIES),
        ("briefing", BRIEFING_QUERIES),
        ("topic", TOPIC_QUERIES),
        ("person", PERSON_QUERIES),
    ],
)
def test_a_permalink_page_takes_a_fixed_number_of_queries(
    client, archive, django_assert_max_num_queries, page, most
):
    urls = {
        "article": archive.get_absolute_url(),
        "claim": Claim.objects.filter(article=archive).last().get_absolute_url(),
        "briefing": archive.briefing.get_absolute_url(),
        "topic": archive.topics.get(name="Topic 0").get_absolute_url(),
        "person": archive.authors.get(name="Author 0").get_absolute_url(),
    }
    with django_assert_max_num_queries(most):
        response = client.get(urls[page])
    assert response.status_code == 200
    assert "Subject" in response.content.decode()


def test_the_article_page_shows_what_it_read_in_one_query(client, archive):
    html = client.get(archive.get_absolute_url()).content.decode()
    claims = list(archive.claims.all())
    assert all(claim.get_absolute_url() in html for claim in claims)
    count = len(claims)
    for i in range(count):
        assert f"Author {i}" in html and f"Topic {i}" in html
    # The untitled sibling before it, described by its own first words.
    assert f"Sibling {count - 1} opens here" in html


def test_the_claim_page_lists_its_figures_in_order(client, archive):
    claim = Claim.objects.filter(article=archive).first()
    html = client.get(claim.get_absolute_url()).content.decode()
    assert html.index("5 percent") < html.index("3 percent")
    assert "Speaker 0" in html and "Author 0" in html
