"""Topic merging: articles move to the target (one link each, best score, manual wins),
subtopics are re-parented, and the merged topic's URL redirects to the target."""

from __future__ import annotations

import pytest

from briefings.curation.merge import merge_topics
from briefings.models import Article, ArticleTopic, Topic
from tests import factories
from tests.curation.conftest import (
    admin_url,
    change_source,
    form_errors,
    post_form,
    reimport,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    """Two overlapping topics: "shared" is tagged with both."""
    trade, commerce = factories.topic("Trade"), factories.topic("Commerce")
    shared = factories.article("Shared", topics=())
    only_commerce = factories.article("Commerce only", topics=())
    ArticleTopic.objects.create(article=shared, topic=trade, score=0.2)
    ArticleTopic.objects.create(
        article=shared, topic=commerce, score=0.9, is_manual=True
    )
    ArticleTopic.objects.create(article=only_commerce, topic=commerce, score=0.4)
    child = Topic.objects.create(name="Tariffs", slug="tariffs", parent=commerce)
    return {"trade": trade, "commerce": commerce, "child": child, "shared": shared}


def test_the_merge_action_asks_for_the_target_then_merges(editor_client, topics):
    trade, commerce = topics["trade"], topics["commerce"]
    changelist = admin_url("topic_changelist")
    selection = {
        "action": "merge_selected",
        "_selected_action": [trade.pk, commerce.pk],
    }

    confirm = editor_client.post(changelist, selection)
    assert confirm.status_code == 200
    assert "Merge into" in confirm.content.decode()
    assert not Topic.objects.exclude(merged_into=None).exists()

    done = editor_client.post(
        changelist, {**selection, "apply": "1", "target": trade.pk}
    )

    assert done.status_code == 302
    commerce.refresh_from_db()
    assert commerce.merged_into == trade
    links = ArticleTopic.objects.filter(topic=trade)
    assert links.count() == 2
    shared_link = links.get(article=topics["shared"])
    assert shared_link.score == 0.9 and shared_link.is_manual
    assert not ArticleTopic.objects.filter(topic=commerce).exists()
    topics["child"].refresh_from_db()
    assert topics["child"].parent == trade


def test_a_merged_topic_url_redirects_to_the_target(client, topics):
    merge_topics([topics["commerce"]], topics["trade"])
    response = client.get(topics["commerce"].get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == topics["trade"].get_absolute_url()
    assert client.get(topics["trade"].get_absolute_url()).status_code == 200


def test_merging_again_leaves_no_redirect_chains(topics):
    economy = factories.topic("Economy")
    merge_topics([topics["commerce"]], topics["trade"])
    merge_topics([topics["trade"]], economy)
    assert Topic.objects.get(pk=topics["commerce"].pk).merged_into == economy


def test_a_target_that_was_a_subtopic_leaves_its_merged_parent(topics):
    merge_topics([topics["commerce"]], topics["child"])
    topics["child"].refresh_from_db()
    assert topics["child"].parent is None


def test_reimport_tags_the_topic_a_merged_one_went_into(source_file):
    article = Article.objects.get()
    old = ArticleTopic.objects.filter(article=article, is_manual=False).first().topic
    target = factories.topic("Merged target")
    merge_topics([old], target)
    change_source(source_file, "In June of this year", "In July of this year")

    reimport(source_file)

    assert not ArticleTopic.objects.filter(topic=old).exists()
    assert ArticleTopic.objects.filter(article=article, topic=target).exists()


def test_autocomplete_offers_only_topics_that_were_not_merged(editor_client, topics):
    merge_topics([topics["commerce"]], topics["trade"])
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "",
            "app_label": "briefings",
            "model_name": "articletopic",
            "field_name": "topic",
        },
    )
    names = {result["text"] for result in response.json()["results"]}
    assert "Trade" in names and "Commerce" not in names


def test_an_editor_renames_reparents_and_describes_a_topic(editor_client, topics):
    child, trade = topics["child"], topics["trade"]
    changes = {
        "name": "Tariff policy",
        "parent": str(trade.pk),
        "description": "Duties.",
    }
    url = admin_url("topic_change", child.pk)
    response = post_form(editor_client, url, changes, form_id="topic_form")
    assert response.status_code == 302, form_errors(response)
    child.refresh_from_db()
    assert (child.name, child.parent, child.description) == (
        "Tariff policy",
        trade,
        "Duties.",
    )
