"""PostgreSQL's narrow search table (briefings/search/narrow.py) follows every kind of
change through its triggers, in the writer's transaction, and equals a rebuild from
the articles; the facet count reads it instead of the link tables."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from briefings.curation.merge import merge_topics
from briefings.models import Article, ArticleAuthor, ArticleTopic, Claim
from briefings.search import narrow
from briefings.searchpage.counting import count_all
from briefings.searchpage.facets import ARTICLE_FACETS
from briefings.searchpage.filters import ArticleFilter, filtered, public_articles
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only: SQLite has none"
    ),
]


def rows() -> dict[int, tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id, CAST(search_vector AS text), is_public, briefing_id, "
            f"position, publication_id, kind, section, outlet, day, year, has_claims, "
            f"topic_ids, author_ids "
            f"FROM {narrow.TABLE}"
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def row(article: Article) -> dict:
    names = (
        "vector public briefing position publication kind section outlet day year "
        "claims topics authors"
    )
    found = rows()[article.pk]
    return dict(zip(names.split(), found, strict=True))


def assert_kept_equals_rebuilt() -> None:
    """The rows the triggers kept are exactly those a rebuild makes."""
    kept = rows()
    assert narrow.refill() == Article.objects.count()
    assert rows() == kept


@pytest.fixture
def story(db) -> Article:
    owner = factories.briefing("Alpha Weekly", dt.date(2024, 3, 5))
    return factories.article(
        "Tariffs rise",
        "Tariffs rose again.",
        briefing_=owner,
        authors=("Ann Lee",),
        topics=("Trade",),
        outlet="Reuters",
        section="Economy",
    )


def ids(*names: str, model=factories.topic) -> list[int]:
    return sorted(model(name).pk for name in names)


def test_a_new_article_has_its_row(story):
    found = row(story)
    assert found["publication"] == factories.publication("Alpha Weekly").pk
    assert (found["kind"], found["section"], found["outlet"]) == (
        "news",
        "Economy",
        "Reuters",
    )
    assert (found["day"], found["year"]) == (dt.date(2024, 3, 5), 2024)
    assert found["topics"] == ids("Trade")
    assert found["authors"] == ids("Ann Lee", model=factories.person)
    assert found["claims"] is False
    assert "'tariff'" in found["vector"]
    assert (found["public"], found["briefing"]) == (True, story.briefing_id)
    assert found["position"] == story.position
    assert_kept_equals_rebuilt()


def test_a_hidden_or_withdrawn_article_is_not_public_in_its_row(story):
    Article.objects.filter(pk=story.pk).update(is_published=False)
    assert row(story)["public"] is False
    Article.objects.filter(pk=story.pk).update(is_published=True, is_in_source=False)
    assert row(story)["public"] is False
    Article.objects.filter(pk=story.pk).update(is_in_source=True, position=7)
    assert (row(story)["public"], row(story)["position"]) == (True, 7)
    assert_kept_equals_rebuilt()


def test_an_edited_text_and_kind_are_in_the_row(story):
    story.body, story.kind, story.outlet = "Quotas were lifted.", "analysis", ""
    story.save()
    found = row(story)
    assert "'quota'" in found["vector"] and "'rose'" not in found["vector"]
    assert (found["kind"], found["outlet"]) == ("analysis", "")
    assert_kept_equals_rebuilt()


def test_topics_added_removed_and_merged(story):
    ArticleTopic.objects.create(article=story, topic=factories.topic("Tariffs"))
    assert row(story)["topics"] == ids("Trade", "Tariffs")
    ArticleTopic.objects.filter(article=story, topic__slug="trade").delete()
    assert row(story)["topics"] == ids("Tariffs")
    merge_topics([factories.topic("Tariffs")], factories.topic("Commerce"))
    assert row(story)["topics"] == ids("Commerce")
    assert_kept_equals_rebuilt()


def test_authors_changed(story):
    link = ArticleAuthor.objects.get(article=story)
    link.person = factories.person("Bo Chen")
    link.save()
    assert row(story)["authors"] == ids("Bo Chen", model=factories.person)
    ArticleAuthor.objects.create(article=story, person=factories.person("Cy Wu"))
    assert row(story)["authors"] == ids("Bo Chen", "Cy Wu", model=factories.person)
    ArticleAuthor.objects.filter(article=story).delete()
    assert row(story)["authors"] == []
    assert_kept_equals_rebuilt()


def test_briefing_date_and_publication_changed(story):
    other = factories.article("Second", "More trade.", briefing_=story.briefing)
    briefing = story.briefing
    briefing.published_on, briefing.publication = None, factories.publication("Beta")
    briefing.save()
    for article in (story, other):
        found = row(article)
        assert (found["day"], found["year"]) == (None, None)
        assert found["publication"] == factories.publication("Beta").pk
    assert_kept_equals_rebuilt()


def test_claims_added_unpublished_and_removed(story):
    claim = factories.claim(story, "Tariffs rose 5 percent.")
    assert row(story)["claims"] is True
    Claim.objects.filter(pk=claim.pk).update(is_published=False)
    assert row(story)["claims"] is False
    Claim.objects.filter(pk=claim.pk).update(is_published=True)
    assert row(story)["claims"] is True
    claim.delete()
    assert row(story)["claims"] is False
    assert_kept_equals_rebuilt()


def test_a_deleted_article_loses_its_row(story):
    kept = factories.article("Kept", "Other text.")
    story.delete()
    assert set(rows()) == {kept.pk}
    kept.briefing.delete()  # its articles go with it
    assert rows() == {}
    assert_kept_equals_rebuilt()


def test_the_facet_count_reads_the_narrow_table(story):
    factories.claim(story, "Tariffs rose 5 percent.")
    factories.article("Quiet", "Tariffs again.", topics=("Trade", "Tariffs"))
    matching = filtered(ArticleFilter, QueryDict("q=tariffs"), public_articles())
    chosen = {"topic": {factories.topic("Trade").pk}}
    with CaptureQueriesContext(connection) as captured:
        tally = count_all(ARTICLE_FACETS, matching, chosen)
    statement = next(q["sql"] for q in captured if "MATERIALIZED" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {statement}")
        shown = "\n".join(line for (line,) in cursor.fetchall())
    assert narrow.TABLE in shown
    assert "briefings_articletopic" not in shown
    assert "briefings_articleauthor" not in shown
    assert tally.total == 2
    assert tally.counts["topic"] == {
        factories.topic("Trade").pk: 2,
        factories.topic("Tariffs").pk: 1,
    }
    assert tally.counts["has_claims"] == {"yes": 1, "no": 1}
    assert tally.counts["year"] == {"2024": 2}


def test_a_bulk_load_pauses_the_triggers_and_fills_the_table_once(db):
    """``import_archive`` loads with the triggers paused and every row made at the
    end, in the same transaction: the same rows as the triggers would have kept."""
    with narrow.paused():
        loaded = factories.article("Loaded", "Tariffs.", topics=("Trade",))
        factories.claim(loaded, "Tariffs rose.")
        assert rows() == {}
    found = row(loaded)
    assert found["topics"] == ids("Trade") and found["claims"] is True
    assert_kept_equals_rebuilt()
    factories.article("After", "More.")  # the triggers are on again
    assert len(rows()) == 2
