"""The indexes that keep search fast at a million articles are there and used: the
id sample that estimates count from, the partial index of records with CJK text and
SQLite's narrow covering indexes (briefings/search/sampling.py, cjk.py, covering.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Exists
from django.http import QueryDict

from briefings.models import Article, Claim
from briefings.search import planner_hints, sqlite, update_statistics
from briefings.search.sampling import sampled
from briefings.searchpage.filters import (
    ArticleFilter,
    filtered,
    ordered,
    public_articles,
    published_claims_of,
)
from tests import factories

pytestmark = pytest.mark.django_db


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


@pytest.fixture
def archive(db) -> None:
    for n in range(60):
        body = "Tariffs and trade." + (
            " Involution (内卷) again." if n % 20 == 0 else ""
        )
        factories.article(f"Story {n}", body)
    update_statistics()


def test_the_sample_is_read_through_its_index(archive):
    with planner_hints():
        shown = plan(sampled(public_articles(), 64).values("pk"))
    assert "briefings_article_sample_idx" in shown


def test_a_chinese_search_reads_only_the_records_with_cjk_text(archive):
    matches = filtered(ArticleFilter, QueryDict("q=内卷"), public_articles())
    with planner_hints():
        shown = plan(matches.values("pk"))
        found = list(matches.values_list("title", flat=True))
    assert "briefings_article_cjk_idx" in shown
    assert sorted(found) == ["Story 0", "Story 20", "Story 40"]


def test_sqlite_reads_the_keys_of_matches_from_narrow_indexes(archive):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL reads matches through its bitmap")
    matches = filtered(ArticleFilter, QueryDict("q=tariffs"), public_articles())
    keys = matches.order_by().values_list("pk", "briefing__publication_id", "kind")
    shown = plan(keys)
    assert "COVERING INDEX briefings_article_covering_idx" in shown
    assert "COVERING INDEX briefings_briefing_covering_idx" in shown
    assert len(keys) == 60


def test_sqlite_finds_the_same_when_matches_are_tested_instead_of_looked_up(
    archive, client, monkeypatch, settings
):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    settings.SEARCH_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS = 0
    params = {"q": "tariffs -involution", "sort": "newest"}
    looked_up = client.get("/search/", params).context
    monkeypatch.setattr(sqlite, "lookup_limit", lambda: 0)
    matches = filtered(ArticleFilter, QueryDict("q=tariffs"), public_articles())
    # Written so that the planner may not start from the matches:
    assert '+"briefings_article".id IN (SELECT rowid' in str(matches.query)
    tested = client.get("/search/", params).context
    assert tested["page"].paginator.count == looked_up["page"].paginator.count == 57
    titles = [[hit.article.title for hit in c["hits"]] for c in (looked_up, tested)]
    assert titles[0] == titles[1]


def test_sqlite_reads_the_newest_matches_without_their_rows(archive, monkeypatch):
    """A common word under a filter, newest first: each briefing's articles are
    tested in the walk index, their rows never read."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL orders from its narrow search table")
    monkeypatch.setattr(sqlite, "lookup_limit", lambda: 0)  # a common word
    matches = filtered(
        ArticleFilter, QueryDict("q=tariffs -involution&kind=news"), public_articles()
    )
    newest = ordered(matches, ArticleFilter, "newest")
    shown = plan(newest.values_list("pk", "briefing__published_on", "position")[:20])
    assert "COVERING INDEX briefings_article_walk_idx" in shown
    titles = list(newest.values_list("title", flat=True))
    assert len(titles) == 57 and titles[0] == "Story 59"


def test_whether_a_match_has_public_claims_is_read_from_an_index(archive):
    """The "Claims" facet: PostgreSQL read the whole claim table for it, once per
    search counted exactly, before its partial index of public claims."""
    story = Article.objects.get(title="Story 3")
    factories.claim(story, "Tariffs rose 5 percent.")
    hidden = factories.claim(Article.objects.get(title="Story 4"), "Tariffs fell.")
    Claim.objects.filter(pk=hidden.pk).update(is_published=False)
    update_statistics()
    with_claims = public_articles().annotate(has_claims=Exists(published_claims_of()))
    with planner_hints():
        shown = plan(with_claims.values("pk", "has_claims"))
        found = with_claims.filter(has_claims=True).values_list("title", flat=True)
        assert list(found) == ["Story 3"]
    assert "briefings_claim_public_idx" in shown


def test_postgresql_narrows_a_search_by_outlet_inside_the_text_index(archive):
    """btree_gin keeps the kind, section and outlet beside the vector: the word and
    the filter are intersected in the index, not tested on every match's row."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's FTS5 holds only the text")
    factories.article("Wire story", "Tariffs and trade.", outlet="Reuters")
    update_statistics()
    matches = filtered(
        ArticleFilter, QueryDict("q=tariffs&outlet=Reuters"), public_articles()
    )
    with planner_hints(), connection.cursor() as cursor:
        # Sixty rows are few enough to walk in any index; a bitmap is what the
        # planner picks at scale, and which index conditions it uses is the point.
        cursor.execute("SET LOCAL enable_indexscan = off")
        shown = plan(matches.values("pk"))
        found = list(matches.values_list("title", flat=True))
    assert "briefings_article_search_idx" in shown
    condition = next(line for line in shown.splitlines() if "Index Cond" in line)
    assert "search_vector @@" in condition and "outlet" in condition
    assert found == ["Wire story"]


def test_sqlite_statistics_count_every_row_of_each_index(db):
    """A sampled analysis gives each index of a table its own guess of the table's
    size, and the planner then prefers whichever index looks smallest."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL's ANALYZE samples rows, not indexes")
    owner = factories.briefing("Alpha Weekly")
    Article.objects.bulk_create(
        Article(briefing=owner, title=f"Story {n}", body="Tariffs.", position=n)
        for n in range(3000)
    )
    update_statistics()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'briefings_article'"
        )
        sizes = {index: stat.split()[0] for index, stat in cursor.fetchall()}
    assert sizes["briefings_article_covering_idx"] == "3000"
    assert sizes["briefings_a_briefin_c33462_idx"] == "3000"
