"""``manage.py retag [--taxonomy PATH] [--dry-run]``: re-run topic tagging on stored articles.

Editors edit the taxonomy (``briefings/data/taxonomy.json``, or another file with
``--taxonomy``) and re-run tagging without re-importing. For every article the
tagger (``tag_article``) reads the stored title, subtitle, subheadings, section,
body, summary, caption and list entries, as the importer does. Then:

- A Topic row missing for a slug the tagger assigns is created from the taxonomy
  (name, description, group, keywords, parent), as the importer does; existing
  topics are never changed, so an editor's name or description stays. A topic merged into another (``merged_into``) hands its
  articles to the topic it was merged into.
- Only automatic assignments (``is_manual=False``) are replaced or re-scored; an
  editor's manual assignments are never touched, and no automatic duplicate of one
  is made.

Articles are read in primary-key batches and written with bulk operations, one
transaction per batch, so the command runs on archives of any size. ``--dry-run``
reports what would change and writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from briefings.cache import forget_on_commit
from briefings.importers.topics import Taxonomy, load_taxonomy, tag_article
from briefings.importers.types import ParsedArticle, ParsedItem
from briefings.models import Article, ArticleTopic, Topic

BATCH_SIZE = 500
TEXT_FIELDS = (
    "id",
    "title",
    "subtitle",
    "section",
    "body",
    "subheadings",
    "summary",
    "image_caption",
    "items",
)
MAX_MERGE_HOPS = 10


@dataclass
class Summary:
    """What a run changed (or would change)."""

    articles: int = 0
    retagged: int = 0
    added: int = 0
    removed: int = 0
    rescored: int = 0
    created_topics: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """One batch's writes."""

    create: list[ArticleTopic] = field(default_factory=list)
    update: list[ArticleTopic] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)


def parsed_article(row: Article) -> ParsedArticle:
    """The stored article in the form the tagger reads."""
    items = [
        ParsedItem(title=item.get("title") or "", description=item.get("description"))
        for item in row.items or []
        if isinstance(item, dict)
    ]
    return ParsedArticle(
        title=row.title,
        body=row.body,
        section=row.section or None,
        subtitle=row.subtitle or None,
        summary=row.summary or None,
        image_caption=row.image_caption or None,
        subheadings=list(row.subheadings or []),
        items=items,
    )


def article_batches(size: int) -> Iterator[list[Article]]:
    """Every article, ``size`` at a time, in primary-key order (keyset pages)."""
    last = 0
    while True:
        batch = list(
            Article.objects.filter(pk__gt=last).order_by("pk").only(*TEXT_FIELDS)[:size]
        )
        if not batch:
            return
        yield batch
        last = batch[-1].pk


class TopicRows:
    """The Topic row for each taxonomy slug, created on first use (as the importer
    does) unless this is a dry run; existing rows are never changed."""

    def __init__(self, taxonomy: Taxonomy, dry_run: bool) -> None:
        self.taxonomy, self.dry_run = taxonomy, dry_run
        slugs = list(taxonomy.topics)
        self.rows = {t.slug: t for t in Topic.objects.filter(slug__in=slugs)}
        self.created: list[str] = []

    def target(self, slug: str) -> Topic | None:
        """The topic that receives the slug's articles (None: would be created)."""
        if slug not in self.rows:
            self.created.append(slug)
            self.rows[slug] = None if self.dry_run else self._create(slug)
        return _merge_target(self.rows[slug])

    def _create(self, slug: str) -> Topic:
        entry = self.taxonomy[slug]
        parent = None
        if entry.parent:
            parent = self.rows.get(entry.parent) or self.target(entry.parent)
        return Topic.objects.create(
            slug=slug,
            name=entry.name,
            group=self.taxonomy.groups[entry.group].name,
            description=entry.description,
            keywords=[keyword.term for keyword in entry.keywords],
            parent=parent,
        )


def _merge_target(topic: Topic | None) -> Topic | None:
    """The topic that receives a merged topic's articles (itself if not merged)."""
    for _ in range(MAX_MERGE_HOPS):
        if topic is None or topic.merged_into_id is None:
            return topic
        topic = Topic.objects.get(pk=topic.merged_into_id)
    return topic


def plan_batch(
    batch: list[Article], taxonomy: Taxonomy, topics: TopicRows, summary: Summary
) -> Plan:
    """The link changes that bring a batch's automatic topics up to date."""
    links = defaultdict(list)
    for link in ArticleTopic.objects.filter(article__in=batch).select_related("topic"):
        links[link.article_id].append(link)
    plan = Plan()
    for article in batch:
        wanted = _wanted(article, taxonomy, topics)
        _plan_article(article, wanted, links[article.pk], plan, summary)
    return plan


def _wanted(article: Article, taxonomy: Taxonomy, topics: TopicRows) -> dict:
    """Topic key (a Topic's id, or ``new:<slug>``) -> (Topic or None, score)."""
    wanted = {}
    for found in tag_article(parsed_article(article), taxonomy):
        topic = topics.target(found.slug)
        key = topic.pk if topic else f"new:{found.slug}"
        if key not in wanted:
            wanted[key] = (topic, found.score)
    return wanted


def _plan_article(
    article: Article, wanted: dict, links: list, plan: Plan, summary: Summary
) -> None:
    manual = {link.topic_id for link in links if link.is_manual}
    automatic = {link.topic_id: link for link in links if not link.is_manual}
    removed = [link for key, link in automatic.items() if key not in wanted]
    added = [key for key in wanted if key not in automatic and key not in manual]
    summary.articles += 1
    summary.retagged += bool(removed or added)
    summary.removed += len(removed)
    summary.added += len(added)
    plan.delete += [link.pk for link in removed]
    for key in added:
        topic, score = wanted[key]
        plan.create.append(ArticleTopic(article=article, topic=topic, score=score))
    for key, link in automatic.items():
        if key in wanted and link.score != wanted[key][1]:
            link.score = wanted[key][1]
            plan.update.append(link)
            summary.rescored += 1


def write(plan: Plan) -> None:
    """Apply one batch's changes in bulk."""
    ArticleTopic.objects.filter(pk__in=plan.delete).delete()
    ArticleTopic.objects.bulk_create(plan.create)
    ArticleTopic.objects.bulk_update(plan.update, ["score"])
    forget_on_commit()  # bulk writes send no save signals


class Command(BaseCommand):
    help = "Re-run topic tagging over stored articles; manual assignments are kept."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--taxonomy", help="taxonomy JSON file (default: the shipped taxonomy)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report changes, write nothing"
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, **options) -> None:
        try:
            taxonomy = load_taxonomy(options["taxonomy"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        dry_run, summary = options["dry_run"], Summary()
        topics = TopicRows(taxonomy, dry_run)
        for batch in article_batches(max(1, options["batch_size"])):
            with transaction.atomic():
                plan = plan_batch(batch, taxonomy, topics, summary)
                if not dry_run:
                    write(plan)
        summary.created_topics = topics.created
        self.print_summary(summary, dry_run)

    def print_summary(self, summary: Summary, dry_run: bool) -> None:
        heading = "Dry run (nothing written)" if dry_run else "Retag summary"
        self.stdout.write(self.style.MIGRATE_HEADING(heading))
        created = ", ".join(summary.created_topics) or "none"
        rows = [
            ("articles", summary.articles),
            ("retagged", summary.retagged),
            ("topics added", summary.added),
            ("topics removed", summary.removed),
            ("rescored", summary.rescored),
            ("new topics", f"{len(summary.created_topics)} ({created})"),
        ]
        for name, value in rows:
            self.stdout.write(f"  {name:<15} {value}")
