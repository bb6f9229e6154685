"""``manage.py retag``: re-tagging stored articles keeps editors' work."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from briefings.importers.topics import DEFAULT_PATH
from briefings.models import Article, ArticleTopic, Topic

pytestmark = pytest.mark.django_db

CRANES = {
    "slug": "port-cranes",
    "name": "Port cranes",
    "group": "technology",
    "parent": None,
    "description": "Cranes in ports.",
    "keywords": [{"term": "crane", "weight": 10}],
}


def retag(*args: str) -> str:
    out = StringIO()
    call_command("retag", *args, stdout=out)
    return out.getvalue()


def links() -> set[tuple[int, str, bool, float]]:
    return {
        (link.article_id, link.topic.slug, link.is_manual, link.score)
        for link in ArticleTopic.objects.select_related("topic")
    }


@pytest.fixture
def edited_taxonomy(tmp_path):
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert any(group["slug"] == CRANES["group"] for group in data["groups"])
    data["topics"].append(CRANES)
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def cranes_article(imported_seeds) -> Article:
    return Article.objects.get(
        title__startswith="US wants to replace Chinese-made port"
    )


def test_retag_with_the_same_taxonomy_changes_nothing(imported_seeds):
    before = links()
    printed = retag()
    assert links() == before
    assert "retagged        0" in printed


def test_an_edited_taxonomy_retags_and_creates_the_new_topic(
    edited_taxonomy, cranes_article
):
    printed = retag("--taxonomy", str(edited_taxonomy), "--batch-size", "4")
    topic = Topic.objects.get(slug="port-cranes")
    assert (topic.name, topic.description) == ("Port cranes", "Cranes in ports.")
    assert topic.keywords == ["crane"]
    assert cranes_article.topics.filter(slug="port-cranes").exists()
    assert "new topics      1 (port-cranes)" in printed


def test_manual_assignments_survive(edited_taxonomy, cranes_article):
    automatic = ArticleTopic.objects.filter(article=cranes_article).first()
    automatic.is_manual, automatic.score = True, 99.0
    automatic.save()
    odd = Topic.objects.create(slug="editors-pick", name="Editor's pick")
    ArticleTopic.objects.create(
        article=cranes_article, topic=odd, score=1, is_manual=True
    )
    manual_before = {link for link in links() if link[2]}
    retag("--taxonomy", str(edited_taxonomy))
    assert {link for link in links() if link[2]} == manual_before
    slugs = [link.topic.slug for link in cranes_article.articletopic_set.all()]
    assert len(slugs) == len(set(slugs))  # no automatic duplicate of a manual one


def test_stale_automatic_topics_are_replaced(imported_seeds, cranes_article):
    stale = Topic.objects.create(slug="stale", name="Stale")
    ArticleTopic.objects.create(article=cranes_article, topic=stale, score=50)
    printed = retag()
    assert not cranes_article.topics.filter(slug="stale").exists()
    assert "topics removed  1" in printed and "retagged        1" in printed


def test_an_editors_topic_name_and_description_are_kept(
    edited_taxonomy, imported_seeds
):
    topic = Topic.objects.get(slug="cybersecurity")
    topic.name, topic.description = "Hacking", "Edited by an editor."
    topic.save()
    retag("--taxonomy", str(edited_taxonomy))
    topic.refresh_from_db()
    assert (topic.name, topic.description) == ("Hacking", "Edited by an editor.")


def test_a_merged_topic_hands_its_articles_to_the_target(
    imported_seeds, cranes_article
):
    old = Topic.objects.get(slug="cybersecurity")
    target = Topic.objects.create(slug="cyber", name="Cyber")
    old.merged_into = target
    old.save()
    ArticleTopic.objects.filter(topic=old).delete()
    retag()
    assert Article.objects.filter(topics=target).exists()
    assert not ArticleTopic.objects.filter(topic=old).exists()


def test_dry_run_writes_nothing(edited_taxonomy, imported_seeds):
    before, topics = links(), Topic.objects.count()
    printed = retag("--taxonomy", str(edited_taxonomy), "--dry-run")
    assert links() == before and Topic.objects.count() == topics
    assert "Dry run (nothing written)" in printed
    assert "new topics      1 (port-cranes)" in printed


def test_a_broken_taxonomy_is_an_error(tmp_path, db):
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot read"):
        retag("--taxonomy", str(path))
