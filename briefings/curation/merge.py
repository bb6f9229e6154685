"""Merging topics.

Merging moves every article link of the merged topics to the target — one link per
article, keeping the best score and marking it manual if either was — re-parents
their children, and sets ``merged_into`` on them. Their rows stay, so their URLs
answer 301 to the target, and the importer tags the target instead of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from ..cache import forget_on_commit
from ..models import ArticleTopic, Topic


@dataclass(frozen=True)
class MergeResult:
    topics: int  # topics merged into the target
    moved: int  # article links moved to the target
    combined: int  # links folded into a link the article already had
    children: int  # subtopics re-parented


@transaction.atomic
def merge_topics(sources: Iterable[Topic], target: Topic) -> MergeResult:
    """Merge ``sources`` into ``target`` (a source equal to the target is skipped)."""
    merged = [topic for topic in sources if topic.pk != target.pk]
    ids = {topic.pk for topic in merged}
    moved, combined = _move_links(ids, target)
    children = _adopt_children(ids, target)
    reason = f"Merged into {target.name}"
    for topic in [*Topic.objects.filter(merged_into__in=ids), *merged]:
        topic.merged_into = target  # the first are earlier merges: no redirect chains
        topic._change_reason = reason
        topic.save(update_fields=["merged_into"])
    return MergeResult(len(merged), moved, combined, children)


def _move_links(source_ids: set[int], target: Topic) -> tuple[int, int]:
    """Move the sources' article links to the target without duplicate pairs."""
    moving = ArticleTopic.objects.filter(topic_id__in=source_ids).order_by("-score")
    kept = {
        link.article_id: link
        for link in ArticleTopic.objects.filter(
            topic=target, article_id__in=moving.values("article_id")
        )
    }
    changed: dict[int, ArticleTopic] = {}
    dropped: list[int] = []
    moved = 0
    for link in moving:
        survivor = kept.get(link.article_id)
        if survivor is None:
            link.topic = target
            kept[link.article_id] = changed[link.pk] = link
            moved += 1
            continue
        survivor.score = max(survivor.score, link.score)
        survivor.is_manual = survivor.is_manual or link.is_manual
        changed[survivor.pk] = survivor
        dropped.append(link.pk)
    ArticleTopic.objects.filter(pk__in=dropped).delete()
    ArticleTopic.objects.bulk_update(
        changed.values(), ["topic", "score", "is_manual"], batch_size=500
    )
    forget_on_commit()  # bulk writes send no save signals
    return moved, len(dropped)


def _adopt_children(source_ids: set[int], target: Topic) -> int:
    """The sources' subtopics become the target's; the target leaves a merged parent."""
    if target.parent_id in source_ids:
        parent, seen = target.parent, {target.pk}
        while parent is not None and parent.pk in source_ids:
            seen.add(parent.pk)
            parent = parent.parent
            if parent is not None and parent.pk in seen:  # a cycle: no parent
                parent = None
        target.parent = parent
        target._change_reason = "Left a parent merged into it"
        target.save(update_fields=["parent"])
    children = Topic.objects.filter(parent_id__in=source_ids).exclude(pk=target.pk)
    count = 0
    for child in children:
        child.parent = target
        child._change_reason = f"Parent merged into {target.name}"
        child.save(update_fields=["parent"])
        count += 1
    return count
