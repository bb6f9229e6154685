"""The review queue: what an import found for
editors to look at — import warnings and re-import conflicts — as ReviewItems.

The importer hands its findings to ``record_findings``, which creates each item once
(re-importing never duplicates an open item, nor reopens one an editor closed), keeps
an open conflict's values current, and resolves a warning the import no longer
reports. Editors close items with ``close_items`` (and ``reopen_items``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone

from ..models import Article, Briefing, Claim, ReviewItem, ReviewKind, ReviewStatus

# A warning's kind is named by its prefix: "no date: the text shows no …".
KIND_PREFIXES = {
    "no date": ReviewKind.NO_DATE,
    "no title": ReviewKind.NO_TITLE,
    "suspected teaser": ReviewKind.SUSPECTED_TEASER,
    "low confidence": ReviewKind.LOW_CONFIDENCE,
    "inconsistent figures": ReviewKind.INCONSISTENT_FIGURES,
    "conflict": ReviewKind.CONFLICT,
}
AUTO_RESOLVED_NOTE = (
    "Resolved automatically: the import of {source} no longer reports it."
)


def kind_of(warning: str) -> str:
    """The review kind a warning's prefix names; ``other`` when none does."""
    prefix = warning.split(":", 1)[0].strip().lower()
    return KIND_PREFIXES.get(prefix, ReviewKind.OTHER)


def finding_key(kind: str, article_id: int | None, claim_id: int | None, text: str):
    """What identifies a finding across imports: its kind, record and text."""
    raw = f"{kind}|{article_id or ''}|{claim_id or ''}|{text}"
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Finding:
    """One thing an import found: a warning, or a conflict with both values."""

    kind: str
    message: str
    article: Article | None = None
    claim: Claim | None = None
    details: dict = field(default_factory=dict)
    identity: str = ""  # what stays the same across imports; default: the message

    @property
    def key(self) -> str:
        return finding_key(
            self.kind,
            self.article.pk if self.article else None,
            self.claim.pk if self.claim else None,
            self.identity or self.message,
        )


def warning_finding(warning: str, article: Article | None = None) -> Finding:
    """A parser warning about the briefing, or about one article."""
    return Finding(kind_of(warning), warning, article=article)


def conflict_finding(record, name: str, editor_value, source_value, message: str):
    """A field both an editor and the source changed; the editor's value was kept."""
    article = record if isinstance(record, Article) else None
    claim = record if isinstance(record, Claim) else None
    if claim is not None:
        article = claim.article
    details = {
        "record": record._meta.model_name,
        "record_id": record.pk,
        "field": name,
        "editor_value": editor_value,
        "source_value": source_value,
    }
    # One open item per record and field: a newer source value updates it.
    return Finding(ReviewKind.CONFLICT, message, article, claim, details, name)


def record_findings(
    briefing: Briefing, findings: Iterable[Finding], *, source: str
) -> None:
    """Turn an import's findings into review items (see the module docstring)."""
    stored: dict[str, list[ReviewItem]] = {}
    for item in briefing.review_items.all():
        stored.setdefault(item.key, []).append(item)
    new, seen = [], set()
    for finding in findings:
        key = finding.key
        if key in seen:
            continue
        seen.add(key)
        items = stored.get(key, [])
        current = next((i for i in items if i.status == ReviewStatus.OPEN), None)
        if current is not None:
            _refresh(current, finding)
        elif not items or finding.kind == ReviewKind.CONFLICT:
            new.append(_new_item(briefing, finding, key))
    ReviewItem.objects.bulk_create(new)
    vanished = [
        item.pk
        for key, items in stored.items()
        if key not in seen
        for item in items
        if item.kind != ReviewKind.CONFLICT
    ]
    note = AUTO_RESOLVED_NOTE.format(source=source)
    close_items(
        ReviewItem.objects.filter(pk__in=vanished), ReviewStatus.RESOLVED, note=note
    )


def _new_item(briefing: Briefing, finding: Finding, key: str) -> ReviewItem:
    return ReviewItem(
        briefing=briefing,
        article=finding.article,
        claim=finding.claim,
        kind=finding.kind,
        message=finding.message,
        details=finding.details,
        key=key,
    )


def _refresh(item: ReviewItem, finding: Finding) -> None:
    if (item.message, item.details) != (finding.message, finding.details):
        item.message, item.details = finding.message, finding.details
        item.save(update_fields=["message", "details"])


def close_items(
    items: QuerySet[ReviewItem], status: str, *, user=None, note: str = ""
) -> int:
    """Resolve or dismiss the open items among ``items``; the number closed."""
    return items.filter(status=ReviewStatus.OPEN).update(
        status=status,
        resolved_at=timezone.now(),
        resolved_by=user,
        resolution_note=note,
    )


def reopen_items(items: QuerySet[ReviewItem]) -> int:
    """Reopen the closed items among ``items``; the number reopened."""
    return items.exclude(status=ReviewStatus.OPEN).update(
        status=ReviewStatus.OPEN, resolved_at=None, resolved_by=None, resolution_note=""
    )


# The checks an editor's revert runs again: a review kind → whether the record
# (an article or a briefing) has that problem now.
RECHECKS = {
    ReviewKind.NO_TITLE: lambda record: not (record.title or "").strip(),
    ReviewKind.NO_DATE: lambda record: (
        getattr(record, "briefing", record).published_on is None
    ),
    ReviewKind.SUSPECTED_TEASER: lambda record: bool(
        getattr(record, "suspected_teaser", "")
    ),
}
RECHECK_MESSAGES = {
    ReviewKind.NO_TITLE: "no title: the {what} has no title again after a revert",
    ReviewKind.NO_DATE: "no date: the briefing has no date again after a revert",
    ReviewKind.SUSPECTED_TEASER: "suspected teaser: the article's first line is "
    "flagged as a teaser again after a revert",
}
REOPENED_NOTE = "Reopened: a revert brought the problem back."


def recheck(record: Article | Briefing) -> list[str]:
    """Run again the checks that raise review items on this record (after a revert):
    a resolved item whose problem is back is reopened, and a problem with no item
    gets a new one. Dismissed items stay dismissed (an editor judged them fine).
    The kinds of the items reopened or made."""
    items = record.review_items.filter(claim=None)
    if isinstance(record, Briefing):
        items = items.filter(article=None)
    found = []
    for kind, has_problem in RECHECKS.items():
        if (kind == ReviewKind.SUSPECTED_TEASER and isinstance(record, Briefing)) or (
            not has_problem(record)
        ):
            continue
        of_kind = items.filter(kind=kind)
        if of_kind.filter(status=ReviewStatus.OPEN).exists():
            continue
        if reopen_items(of_kind.filter(status=ReviewStatus.RESOLVED)):
            found.append(kind)
        elif not of_kind.exists():
            what = record._meta.verbose_name
            message = RECHECK_MESSAGES[kind].format(what=what)
            article = record if isinstance(record, Article) else None
            briefing = record.briefing if article else record
            finding = Finding(kind, message, article=article)
            ReviewItem.objects.create(
                briefing=briefing,
                article=article,
                kind=kind,
                message=message,
                key=finding.key,
            )
            found.append(kind)
    return found


def open_counts() -> list[tuple[str, str, int]]:
    """(kind, label, count) of the open items, most first, for the admin index."""
    labels = dict(ReviewKind.choices)
    rows = (
        ReviewItem.objects.open()
        .values("kind")
        .annotate(count=Count("id"))
        .order_by("-count", "kind")
    )
    return [
        (row["kind"], labels.get(row["kind"], row["kind"]), row["count"])
        for row in rows
    ]
