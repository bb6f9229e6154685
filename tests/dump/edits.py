"""Editors' work on top of the imported seeds, the kind an archive must carry: run
in the test database by fixtures and in other databases through ``manage.py shell``.

    python manage.py shell -c "from tests.dump.edits import make_edits; make_edits()"
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from briefings.models import (
    Article,
    ArticleTopic,
    Briefing,
    Claim,
    Person,
    ReviewItem,
    Topic,
)

EDITOR = "archive-editor"
REVIEWED_AT = dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=dt.UTC)


def make_editor() -> None:
    """The editor account the edits name (accounts are not part of an archive)."""
    get_user_model().objects.get_or_create(username=EDITOR)


def make_edits() -> None:
    """Hide, retitle, review, merge, re-tag and resolve, as editors do."""
    make_editor()
    editor = get_user_model().objects.get(username=EDITOR)
    articles = list(Article.objects.order_by("id")[:2])
    articles[0].title = "Edited: 中国 and “quotes”"
    articles[0].links = [{"url": "https://example.org/a", "label": "A", "at": 2.5}]
    articles[0].save()
    articles[1].is_published = False
    articles[1].save()
    claim = Claim.objects.order_by("id").first()
    claim.status, claim.reviewed_by, claim.reviewed_at = "verified", editor, REVIEWED_AT
    claim.review_note = "Checked against the ministry's release.\r\nTwo lines."
    claim.evidence_links = ["https://example.org/evidence"]
    claim.save()
    topics = list(Topic.objects.order_by("id"))
    first = topics[0]
    first.merged_into, first.parent = topics[-1], topics[-2]  # forward references
    first.save()
    ArticleTopic.objects.update_or_create(
        article=articles[0],
        topic=topics[1],
        defaults={"score": 0.1 + 0.2, "is_manual": True},
    )
    item = ReviewItem.objects.order_by("id").first()
    item.status, item.resolved_by, item.resolved_at = "resolved", editor, REVIEWED_AT
    item.resolution_note = "Fixed by hand."
    item.save()
    person = Person.objects.order_by("id").first()
    person.variants, person.role = ["王丹", "Dan Wang"], "Researcher"
    person.save()
    Briefing.objects.order_by("id").first().editors.add(person)
