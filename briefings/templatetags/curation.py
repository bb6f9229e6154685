"""Template tags for the editors' admin: the review queue's open counts on the index."""

from __future__ import annotations

from django import template
from django.urls import reverse

from ..curation.review import open_counts
from ..models import ReviewStatus

register = template.Library()


@register.inclusion_tag("admin/briefings/_review_queue.html", takes_context=True)
def review_queue(context) -> dict:
    """ "Review queue: N open", with a count per kind, for those who may see it."""
    user = context["request"].user
    if not user.has_perm("briefings.view_reviewitem"):
        return {"show": False}
    queue = reverse("admin:briefings_reviewitem_changelist")
    counts = [
        (label, count, f"{queue}?status={ReviewStatus.OPEN}&kind__exact={kind}")
        for kind, label, count in open_counts()
    ]
    return {
        "show": True,
        "total": sum(count for _, count, _ in counts),
        "counts": counts,
        "queue_url": f"{queue}?status={ReviewStatus.OPEN}",
    }
