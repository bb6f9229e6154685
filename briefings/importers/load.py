"""Writing a ParsedBriefing to the database: the importer's only writer.

Re-import is idempotent and keeps ids: a briefing is found by its ``import_ref``,
articles by the title the importer last wrote (else their position), claims by their
sentence. Every import-derived field goes through a three-way merge with what the
importer last wrote (``imported_values``): a field an editor changed is kept; a field
only the source changed is updated; where both changed, the editor's value is kept
and the conflict is reported. Warnings and conflicts also become review items for
editors (``briefings.curation.review``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from django.db import DatabaseError

from ..curation.review import (
    Finding,
    conflict_finding,
    record_findings,
    warning_finding,
)
from ..models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    SourceFile,
    Term,
    TermRendering,
    Topic,
    make_slug,
)
from ..search.cjk import refold, simplified, traditional
from ..search.pinyin import toned_reading
from ..search.vocabulary import record_words, words_in
from ..serialize import item_dict
from .people import cited_names, is_anonymous, name_key
from .report import briefing_report
from .terms import find_terms
from .text import comparable
from .topics import load_taxonomy
from .types import ParsedArticle, ParsedBriefing, ParsedClaim


@dataclass
class Source:
    name: str  # the file name, kept as provenance
    data: bytes  # the original bytes (kept when they are not plain text)
    text: str  # what the parsers read
    media_type: str = "text/plain"
    url: str | None = None  # a web page's canonical address
    message_id: str | None = None  # an e-mail's
    sender: str | None = None
    sent_at: dt.datetime | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class LoadResult:
    status: str  # created | updated | unchanged
    briefing: Briefing | None
    conflicts: list[str] = field(default_factory=list)


def import_ref(parsed: ParsedBriefing, source_name: str) -> str:
    """The briefing's natural key: publication + issue, else + date, else the file."""
    publication = make_slug(parsed.publication, fallback="unknown")
    if parsed.publication and parsed.issue is not None:
        return f"{publication}:issue:{parsed.issue}"
    if parsed.publication and parsed.date and parsed.date_precision == "day":
        return f"{publication}:date:{parsed.date.isoformat()}"
    return f"{publication}:file:{source_name}"


def parsed_digest(parsed: ParsedBriefing) -> str:
    """A hash of everything parsed, so a better importer updates unchanged files."""
    report = json.dumps(briefing_report(parsed), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(report.encode()).hexdigest()


def planned_status(parsed: ParsedBriefing, source: Source) -> str:
    """What importing would do, without writing: created, updated or unchanged."""
    try:
        existing = Briefing.objects.filter(
            import_ref=import_ref(parsed, source.name)
        ).first()
    except DatabaseError:  # no tables yet: a dry run before the first migrate
        return "created"
    if existing is None:
        return "created"
    if (
        existing.source_sha256 == source.sha256
        and existing.parsed_digest == parsed_digest(parsed)
    ):
        return "unchanged"
    return "updated"


def import_briefing(parsed: ParsedBriefing, source: Source) -> LoadResult:
    """Create or update the briefing and everything in it. Call inside a transaction."""
    status = planned_status(parsed, source)
    ref = import_ref(parsed, source.name)
    briefing = Briefing.objects.filter(import_ref=ref).first()
    if status == "unchanged":
        return LoadResult(status, briefing)
    writer = _Writer()
    briefing = writer.write_briefing(
        briefing or Briefing(import_ref=ref), parsed, source
    )
    return LoadResult(status, briefing, writer.conflicts)


def jsonable(value):
    """The form in which field values are remembered and compared."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


class _Writer:
    """One import's writes, collecting merge conflicts as it goes."""

    def __init__(self) -> None:
        self.conflicts: list[str] = []
        self.findings: list[Finding] = []  # for the review queue
        self.reason = "import"  # the change reason in the records' history
        self.people: dict[str, Person] = {}
        self.topics: dict[str, Topic] = {}

    def merge(self, record, values: dict, label: str) -> None:
        """Three-way merge of import-derived values into record (see module doc)."""
        last = dict(record.imported_values or {})
        record._change_reason = self.reason
        for name, new in values.items():
            new_json = jsonable(new)
            current = jsonable(self._current(record, name))
            if record.pk is None or name not in last or current == last[name]:
                self._assign(record, name, new)
            elif new_json != last[name] and new_json != current:
                message = (
                    f"conflict: {label} {name}: kept the editor's {current!r}; "
                    f"the source now says {new_json!r}"
                )
                self.conflicts.append(message)
                self.findings.append(
                    conflict_finding(record, name, current, new_json, message)
                )
            last[name] = new_json
        record.imported_values = last

    def _current(self, record, name: str):
        if name in ("authors", "editors"):
            if record.pk is None:
                return []
            people = getattr(record, name).all()
            if name == "authors":
                people = people.order_by("articleauthor__position")
            return [person.name for person in people]
        if name == "speaker":
            return record.speaker.name if record.speaker_id else None
        return getattr(record, name)

    def _assign(self, record, name: str, value) -> None:
        if name in ("authors", "editors"):
            record._pending_people = {
                **getattr(record, "_pending_people", {}),
                name: value,
            }
        elif name == "speaker":
            record.speaker = self.person(value) if value else None
        else:
            setattr(record, name, value)

    def write_briefing(
        self, briefing: Briefing, parsed: ParsedBriefing, source: Source
    ) -> Briefing:
        self.reason = f"import of {source.name}"
        briefing.publication = self.publication(parsed.publication)
        briefing.format = parsed.format
        briefing.source_name = source.name
        briefing.source_sha256 = source.sha256
        briefing.source_text = source.text
        briefing.source_media_type = source.media_type
        briefing.source_url = source.url or ""
        briefing.source_message_id = source.message_id or ""
        briefing.source_sender = source.sender or ""
        briefing.source_sent_at = source.sent_at
        briefing.parsed_digest = parsed_digest(parsed)
        values = {
            "issue_number": parsed.issue,
            "title": parsed.title,
            "published_on": parsed.date,
            "date_precision": parsed.date_precision,
            "editors": somebodies(parsed.editors),
        }
        self.merge(briefing, values, "briefing")
        briefing.warnings = list(parsed.warnings)
        briefing.save()
        self._save_people(briefing)
        self.write_source_file(briefing, source)
        self.write_articles(briefing, parsed.articles)
        record_words(words_in(*(f"{a.title or ''} {a.body}" for a in parsed.articles)))
        briefing.warnings = list(parsed.warnings) + self.conflicts
        briefing.skip_history_when_saving = True  # import bookkeeping only
        briefing.save(update_fields=["warnings"])
        del briefing.skip_history_when_saving
        findings = [warning_finding(warning) for warning in parsed.warnings]
        record_findings(briefing, findings + self.findings, source=source.name)
        return briefing

    def write_source_file(self, briefing: Briefing, source: Source) -> None:
        """Keep the original of a web page, e-mail or PDF; plain text needs none
        (``source_text`` is the file)."""
        if source.media_type == "text/plain":
            SourceFile.objects.filter(briefing=briefing).delete()
            return
        SourceFile.objects.update_or_create(
            briefing=briefing,
            defaults={
                "name": source.name,
                "media_type": source.media_type,
                "data": source.data,
            },
        )

    def write_articles(
        self, briefing: Briefing, parsed_articles: list[ParsedArticle]
    ) -> None:
        existing = list(briefing.articles.all())
        matched = match_articles(existing, parsed_articles)
        kept_ids = set()
        for position, (parsed, article) in enumerate(
            zip(parsed_articles, matched, strict=True), start=1
        ):
            article = article or Article(briefing=briefing)
            self.write_article(article, parsed, position)
            kept_ids.add(article.pk)
        orphans = [a for a in existing if a.pk not in kept_ids]
        for offset, article in enumerate(orphans, start=len(parsed_articles) + 1):
            article.position = offset
            article.is_in_source = False
            article.save(update_fields=["position", "is_in_source", "updated_at"])

    def write_article(
        self, article: Article, parsed: ParsedArticle, position: int
    ) -> None:
        label = f"article {position} ({parsed.title or 'untitled'})"
        self.merge(article, article_values(parsed), label)
        article.position = position
        article.line_start, article.line_end = parsed.line_start, parsed.line_end
        article.warnings = list(parsed.warnings)
        article.is_in_source = True
        refold(article)
        article.save()
        self._save_people(article)
        self.findings += [warning_finding(w, article) for w in parsed.warnings]
        self.write_topics(article, parsed)
        self.write_claims(article, parsed.claims)
        self.write_terms(article)

    def write_topics(self, article: Article, parsed: ParsedArticle) -> None:
        """Replace the automatic topics; manual assignments are never touched.
        A taxonomy slug whose topic an editor merged tags the topic it went into."""
        links = {
            link.topic.slug: link
            for link in article.articletopic_set.select_related("topic")
        }
        wanted: dict[str, float] = {}
        for found in parsed.topics:
            slug = self.topic(found.slug).slug
            wanted[slug] = max(found.score, wanted.get(slug, found.score))
        for slug, link in links.items():
            if not link.is_manual and slug not in wanted:
                link.delete()
        for slug, score in wanted.items():
            link = links.get(slug)
            if link is None:
                ArticleTopic.objects.create(
                    article=article, topic=self.topic(slug), score=score
                )
            elif not link.is_manual and link.score != score:
                link.score = score
                link.save(update_fields=["score"])

    def write_claims(self, article: Article, parsed_claims: list[ParsedClaim]) -> None:
        existing = {
            comparable(claim.imported_values.get("text", claim.text)): claim
            for claim in article.claims.all()
        }
        kept_ids = set()
        for position, parsed in enumerate(parsed_claims, start=1):
            claim = existing.pop(comparable(parsed.text), None) or Claim(
                article=article
            )
            self.merge(
                claim, claim_values(parsed), f"claim {position} of {article.position}"
            )
            claim.position, claim.is_in_source = position, True
            refold(claim)
            claim.save()
            self.write_figures(claim, parsed)
            kept_ids.add(claim.pk)
        for claim in existing.values():
            claim.is_in_source = False
            claim.save(update_fields=["is_in_source", "updated_at"])

    def write_terms(self, article: Article) -> None:
        """Record the English–Chinese pairs the body shows (importers/terms.py). A
        rendering already recorded at its place is left as it is (an editor may have
        corrected it); one the body no longer shows is marked out of the source."""
        existing = {r.start: r for r in article.term_renderings.all()}
        for found in find_terms(article.body):
            rendering = existing.pop(found.start, None)
            if rendering is not None and rendering.chinese == found.chinese:
                if not rendering.is_in_source:
                    rendering.is_in_source = True
                    rendering.save(update_fields=["is_in_source"])
                continue
            if rendering is not None:
                rendering.delete()  # another pair now stands at that place
            TermRendering.objects.create(
                term=term_for(found.chinese),
                article=article,
                english=found.english,
                chinese=found.chinese,
                kind=found.kind,
                start=found.start,
                end=found.end,
            )
        for rendering in existing.values():
            if rendering.is_in_source:
                rendering.is_in_source = False
                rendering.save(update_fields=["is_in_source"])

    def write_figures(self, claim: Claim, parsed: ParsedClaim) -> None:
        figures = list(claim.figures.all())
        for position, found in enumerate(parsed.figures):
            figure = (
                figures[position] if position < len(figures) else Figure(claim=claim)
            )
            figure.position = position
            figure.value, figure.value_high = found.value, found.value_high
            figure.unit, figure.qualifier = found.unit or "", found.qualifier or ""
            figure.text, figure.start, figure.end = (
                found.text[:200],
                found.start,
                found.end,
            )
            figure.is_change, figure.refers_to = found.is_change, found.refers_to or ""
            figure.save()
        for figure in figures[len(parsed.figures) :]:
            figure.delete()

    def _save_people(self, record) -> None:
        pending = getattr(record, "_pending_people", {})
        if "editors" in pending:
            record.editors.set(self.people_named(pending["editors"]))
        if "authors" in pending:
            ArticleAuthor.objects.filter(article=record).delete()
            for position, person in enumerate(self.people_named(pending["authors"])):
                ArticleAuthor.objects.get_or_create(
                    article=record, person=person, defaults={"position": position}
                )
        record._pending_people = {}

    def people_named(self, names: list[str]) -> list[Person]:
        people = (self.person(name) for name in names)
        return [person for person in people if person is not None]

    def publication(self, name: str | None) -> Publication | None:
        if not name:
            return None
        publication = Publication.objects.filter(name=name).first()
        return publication or Publication.objects.create(
            name=name, slug=unique_slug(Publication, make_slug(name, "publication"))
        )

    def person(self, name: str) -> Person | None:
        """The person or organisation of that name, created (classified and, for a
        person, split into family and given names) the first time it is seen; None
        for "Anonymous" and the like, who get no record."""
        if is_anonymous(name):
            return None
        key = name_key(name)
        if key not in self.people:
            person = Person.objects.filter(name_key=key).first()
            if person is None:
                person = Person.objects.create(
                    name=name,
                    name_key=key,
                    slug=unique_slug(Person, make_slug(name, "person")),
                    **cited_names(name),
                )
            if name != person.name and name not in person.variants:
                person.variants = [*person.variants, name]
                person.save(update_fields=["variants"])
            self.people[key] = person
        return self.people[key]

    def topic(self, slug: str) -> Topic:
        """The topic for a taxonomy slug, following merges to the surviving topic."""
        if slug not in self.topics:
            topic = Topic.objects.filter(slug=slug).first() or create_topic(slug)
            seen = {topic.pk}
            while topic.merged_into_id and topic.merged_into_id not in seen:
                topic = topic.merged_into
                seen.add(topic.pk)
            self.topics[slug] = topic
        return self.topics[slug]


def term_for(chinese: str) -> Term:
    """The term written so, in either script (created once); a merged term's
    renderings go to the term it was merged into."""
    key = simplified(chinese)
    term, _ = Term.objects.get_or_create(
        simplified=key,
        defaults={"traditional": traditional(key), "pinyin": toned_reading(key)},
    )
    seen = {term.pk}
    while term.merged_into_id and term.merged_into_id not in seen:
        seen.add(term.merged_into_id)
        term = term.merged_into
    return term


def create_topic(slug: str) -> Topic:
    """A topic row for a taxonomy slug (editors may change it afterwards)."""
    taxonomy = load_taxonomy()
    entry = taxonomy[slug]
    parent = None
    if entry.parent:
        parent = Topic.objects.filter(slug=entry.parent).first() or create_topic(
            entry.parent
        )
    return Topic.objects.create(
        slug=slug,
        name=entry.name,
        group=taxonomy.groups[entry.group].name,
        description=entry.description,
        keywords=[keyword.term for keyword in entry.keywords],
        parent=parent,
    )


def unique_slug(model, slug: str) -> str:
    candidate, number = slug, 2
    while model.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def match_articles(
    existing: list[Article], parsed_articles: list[ParsedArticle]
) -> list[Article | None]:
    """For each parsed article, the stored one it is: first by the title the importer
    last wrote, then (for the rest, e.g. a retitled article) by position."""
    by_title: dict[str, Article] = {}
    for article in existing:
        title = article.imported_values.get("title", article.title)
        if title:
            by_title.setdefault(comparable(title), article)
    matched: list[Article | None] = []
    for parsed in parsed_articles:
        article = by_title.pop(comparable(parsed.title), None) if parsed.title else None
        matched.append(article)
    taken = {article.pk for article in matched if article}
    free = {a.position: a for a in existing if a.pk not in taken}
    for index, article in enumerate(matched):
        if article is None:
            matched[index] = free.pop(index + 1, None)
    return matched


def somebodies(names: list[str]) -> list[str]:
    """The names that name somebody: "Anonymous" gets no record, so it is not
    remembered as an author either (a re-import then sees no editor's change)."""
    return [name for name in names if not is_anonymous(name)]


def article_values(parsed: ParsedArticle) -> dict:
    return {
        "title": parsed.title,
        "alternate_titles": parsed.alternate_titles,
        "subtitle": parsed.subtitle or "",
        "section": parsed.section or "",
        "kind": parsed.kind,
        "authors": somebodies(parsed.authors),
        "outlet": parsed.outlet or "",
        "original_on": parsed.date,
        "original_date_precision": parsed.date_precision,
        "body": parsed.body,
        "subheadings": parsed.subheadings,
        "summary": parsed.summary or "",
        "image_caption": parsed.image_caption or "",
        "interviewee": parsed.interviewee or "",
        "author_bio": parsed.author_bio or "",
        "suspected_teaser": parsed.suspected_teaser or "",
        "items": [item_dict(item) for item in parsed.items],
        "links": [item_dict(link) for link in parsed.links],
    }


def claim_values(parsed: ParsedClaim) -> dict:
    return {
        "text": parsed.text,
        "start": parsed.start,
        "end": parsed.end,
        "kind": parsed.kind,
        "speaker": None if is_anonymous(parsed.speaker or "") else parsed.speaker,
        "speaker_role": parsed.speaker_role or "",
    }
