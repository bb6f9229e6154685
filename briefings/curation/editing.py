"""Editors' bulk changes from the admin — claim review and publish / hide — written
with their history rows (who and when), which a plain ``QuerySet.update()`` would
skip.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from ..cache import forget_on_commit
from ..models import Claim, Person


def mark_reviewed(claim: Claim, user) -> None:
    """Stamp the claim as reviewed now by ``user`` (not saved)."""
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()


def set_claim_status(claims: Iterable[Claim], status: str, user) -> int:
    """Give every claim ``status``, reviewed now by ``user``; the number changed."""
    changed = []
    for claim in claims:
        claim.status = status
        mark_reviewed(claim, user)
        changed.append(claim)
    label = Claim._meta.get_field("status").choices  # (value, label) pairs
    reason = f"Bulk action: marked {dict(label).get(status, status).lower()}"
    return _save(Claim, changed, ["status", "reviewed_by", "reviewed_at"], user, reason)


def set_published(records: Iterable[models.Model], is_published: bool, user) -> int:
    """Publish or hide articles or claims; the number whose state changed."""
    changed = [record for record in records if record.is_published != is_published]
    for record in changed:
        record.is_published = is_published
    if not changed:
        return 0
    reason = "Bulk action: " + (
        "published" if is_published else "hidden from the public"
    )
    return _save(type(changed[0]), changed, ["is_published"], user, reason)


def set_person_kind(people: Iterable[Person], kind: str, user) -> int:
    """File people as persons or organisations (with history); the number whose kind
    changed. A person's page then 301s to the organisation's URL, or back."""
    changed = [person for person in people if person.kind != kind]
    for person in changed:
        person.kind = kind
    if not changed:
        return 0
    bulk_update_with_history(changed, Person, ["kind"], default_user=user)
    forget_on_commit()
    return len(changed)


def _save(model, records: list, fields: list[str], user, reason: str) -> int:
    now = timezone.now()
    for record in records:
        record.updated_at = now
    if not records:
        return 0
    bulk_update_with_history(
        records,
        model,
        [*fields, "updated_at"],
        batch_size=500,
        default_user=user,
        default_change_reason=reason,
    )
    forget_on_commit()  # bulk writes send no save signals
    return len(records)
