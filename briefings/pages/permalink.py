"""A record's permalink in one query: the article with its briefing and
publication, and as JSON columns its authors, topics, claims (with speakers), its
previous and next public siblings and its related articles (``related_sql``).

Each round trip to a database server costs more than the small lookups it carries,
so the page asks for everything it shows at once: PostgreSQL aggregates rows with
``json_agg``, SQLite with ``json_group_array``; the rows come back as model
instances, so templates, metadata and citations read them as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from ..models import (
    UNTITLED_BODY_CHARS,
    Article,
    ArticleAuthor,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    Topic,
)
from ..serialize import FIGURE_FIELDS
from ..titles import untitled_label

# What the page reads of each linked record (the rest is deferred).
PERSON_FIELDS = ("id", "name", "slug", "kind", "family_name", "given_name", "role")
TOPIC_FIELDS = ("id", "name", "slug", "group", "description", "parent_id")
CLAIM_FIELDS = (
    "id",
    "article_id",
    "position",
    "text",
    "start",
    "end",
    "kind",
    "speaker_id",
    "speaker_role",
    "status",
    "is_published",
    "is_in_source",
)
NEIGHBOUR_FIELDS = ("id", "title", "position", "briefing_id", "subheadings")
# What a list of related articles shows (_article_item.html, display_title)
RELATED_FIELDS = ("id", "title", "outlet", "position", "briefing_id", "subheadings")
RELATED_BRIEFING_FIELDS = ("id", "title", "issue_number", "published_on")
PUBLICATION_FIELDS = ("id", "name", "slug")
RELATED_COUNT = 5  # related articles an article page shows
RELATED_WINDOW = 300  # latest articles read per topic
RELATED_CANDIDATES = 50  # of those, the ones sharing most topics, to order by date
JSON_FIELDS = {"subheadings"}
OUTER = "briefings_article"  # the article's table as the ORM's query names it


def q(name: str) -> str:
    return connection.ops.quote_name(name)


def json_object(alias: str, fields: Iterable[str], **extra: str) -> str:
    """One row as a JSON object of its ``fields`` (and ``extra`` expressions)."""
    postgres = connection.vendor == "postgresql"
    pairs = []
    for field in fields:
        column = f"{alias}.{q(field)}"
        if field in JSON_FIELDS and not postgres:
            column = f"json({column})"  # nested, not a string of JSON
        pairs.append(f"'{field}', {column}")
    pairs += [f"'{key}', {value}" for key, value in extra.items()]
    function = "json_build_object" if postgres else "json_object"
    return f"{function}({', '.join(pairs)})"


def nullable(value: str) -> str:
    """A JSON value that may be NULL, nested as JSON (SQLite loses the mark that
    says a value is JSON through CASE)."""
    return value if connection.vendor == "postgresql" else f"json({value})"


def json_rows(select: str, rest: str, order: str) -> str:
    """A JSON array of the objects ``select`` makes ``FROM rest``, in ``order``."""
    if connection.vendor == "postgresql":
        return (
            f"(SELECT COALESCE(json_agg({select} ORDER BY {order}), '[]')::text "
            f"FROM {rest})"
        )
    return (
        f"(SELECT json_group_array(json(o)) FROM "
        f"(SELECT {select} AS o FROM {rest} ORDER BY {order}))"
    )


def json_first(select: str, rest: str, order: str) -> str:
    """The first row's JSON object (NULL when there is none)."""
    cast = "::text" if connection.vendor == "postgresql" else ""
    return f"(SELECT {select}{cast} FROM {rest} ORDER BY {order} LIMIT 1)"


def authors_sql() -> str:
    person = json_object("p", PERSON_FIELDS)
    link = json_object("l", ("id", "position"), person=person)
    rest = (
        f"{q('briefings_articleauthor')} l JOIN {q('briefings_person')} p "
        f"ON p.id = l.person_id WHERE l.article_id = {q(OUTER)}.id"
    )
    return json_rows(link, rest, "l.position, l.id")


def topics_sql() -> str:
    rest = (
        f"{q('briefings_articletopic')} l JOIN {q('briefings_topic')} t "
        f"ON t.id = l.topic_id WHERE l.article_id = {q(OUTER)}.id"
    )
    return json_rows(json_object("t", TOPIC_FIELDS), rest, "l.score DESC, l.id")


def claims_sql() -> str:
    speaker = json_object("p", PERSON_FIELDS)
    claim = json_object(
        "c",
        CLAIM_FIELDS,
        speaker=nullable(f"CASE WHEN p.id IS NULL THEN NULL ELSE {speaker} END"),
    )
    rest = (
        f"{q('briefings_claim')} c LEFT JOIN {q('briefings_person')} p "
        f"ON p.id = c.speaker_id WHERE c.article_id = {q(OUTER)}.id "
        "AND c.is_published AND c.is_in_source"
    )
    return json_rows(claim, rest, "c.position, c.id")


def opening_sql(alias: str) -> str:
    """The first words of an untitled article, which describe it (titles.py)."""
    untitled = f"{alias}.title IS NULL OR {alias}.title = ''"
    return (
        f"CASE WHEN {untitled} THEN substr({alias}.body, 1, {UNTITLED_BODY_CHARS}) "
        "ELSE '' END"
    )


def neighbour_sql(before: bool) -> str:
    """The previous (``before``) or next public article of the same briefing."""
    here = q(OUTER)
    sign, order = ("<", "DESC") if before else (">", "ASC")
    rest = (
        f"{q('briefings_article')} s WHERE s.briefing_id = {here}.briefing_id "
        "AND s.is_published AND s.is_in_source "
        f"AND (s.position {sign} {here}.position OR "
        f"(s.position = {here}.position AND s.id {sign} {here}.id))"
    )
    select = json_object("s", NEIGHBOUR_FIELDS, opening=opening_sql("s"))
    return json_first(select, rest, f"s.position {order}, s.id {order}")


def related_sql() -> str:
    """Up to ``count`` public articles of other briefings that share the most topics
    with the article, as a list shows them (_article_item.html) with their briefing
    and publication: of the ``candidates`` sharing most (``shared_sql``), ordered
    by shared topics, then the latest, then position in the briefing; full ties by
    the higher briefing id (as Article's Meta.ordering), then the id. Parameters:
    window, candidates, count."""
    publication = json_object("p", PUBLICATION_FIELDS)
    item = json_object(
        "a",
        RELATED_FIELDS,
        opening=opening_sql("a"),
        briefing=json_object("b", RELATED_BRIEFING_FIELDS, publication=publication),
    )
    ranked = (
        f"SELECT {item} AS item, c.shared, b.published_on AS day, a.position, "
        f"a.briefing_id, a.id FROM ({shared_sql()}) c "
        f"JOIN {q('briefings_article')} a ON a.id = c.id "
        f"JOIN {q('briefings_briefing')} b ON b.id = a.briefing_id "
        f"JOIN {q('briefings_publication')} p ON p.id = b.publication_id "
        "WHERE a.is_published AND a.is_in_source "
        f"AND a.briefing_id <> {q(OUTER)}.briefing_id "
        f"ORDER BY {RELATED_ORDER.format(day='b.published_on', row='a')} LIMIT %s"
    )
    order = RELATED_ORDER.format(day="r.day", row="r")
    return json_rows("r.item", f"({ranked}) r", order)


def shared_sql() -> str:
    """(id, shared topics) of the ``candidates`` other articles sharing the most
    topics with the article, among the ``window`` articles added last to each of
    its topics (a topic of a million-article archive has a hundred thousand, too
    many to rank per page); ties go to the article's best topic, then to the
    latest added."""
    links, here = q("briefings_articletopic"), q(OUTER)
    windows = (
        "SELECT x.article_id AS id, "
        "row_number() OVER (ORDER BY l.score DESC, l.id, x.article_id DESC) AS seen "
        f"FROM {links} l JOIN {links} x ON x.topic_id = l.topic_id "
        f"AND x.article_id >= {window_start_sql()} "
        f"WHERE l.article_id = {here}.id AND x.article_id <> {here}.id"
    )
    return (
        f"SELECT w.id, count(*) AS shared FROM ({windows}) w GROUP BY w.id "
        "ORDER BY count(*) DESC, min(w.seen) LIMIT %s"
    )


def window_start_sql() -> str:
    """The topic's ``window``-th latest article, read backwards on topic_latest_idx."""
    return (
        "COALESCE((SELECT y.article_id FROM "
        f"{q('briefings_articletopic')} y WHERE y.topic_id = l.topic_id "
        "ORDER BY y.article_id DESC LIMIT 1 OFFSET %s - 1), 0)"
    )


RELATED_ORDER = (
    "shared DESC, {day} DESC NULLS LAST, {row}.position, {row}.briefing_id DESC, "
    "{row}.id"
)


# A figure's row: what a figure shows (``serialize.FIGURE_FIELDS``), and where
FIGURE_COLUMNS = ("id", "claim_id", "position", "start", "end", *FIGURE_FIELDS)


def figures_sql() -> str:
    rest = f"{q('briefings_figure')} f WHERE f.claim_id = {q('briefings_claim')}.id"
    return json_rows(json_object("f", FIGURE_COLUMNS), rest, "f.position, f.id")


def claim_page(pk: int) -> Claim:
    """The claim with its article, briefing, publication, speaker, figures and the
    article's authors, in one query (404 if none)."""
    text = models.TextField()
    found = get_object_or_404(
        Claim.objects.select_related("article__briefing__publication", "speaker")
        .defer("article__briefing__source_text", "article__briefing__imported_values")
        .annotate(
            page_figures=RawSQL(figures_sql(), (), text),
            page_authors=RawSQL(authors_sql(), (), text),
        ),
        pk=pk,
    )
    figures = [instance(Figure, row) for row in json.loads(found.page_figures)]
    for figure in figures:
        figure.claim = found
    prefetched(found, "figures", figures)
    found.article.page_authors = found.page_authors
    attach_authors(found.article)
    return found


def briefing_page(pk: int) -> tuple[Briefing, list[Article]]:
    """The briefing with its publication and editors, and its public articles with
    their authors and their public claims counted: two queries (404 if none)."""
    editors = json_rows(
        json_object("p", PERSON_FIELDS),
        f"{q('briefings_briefing_editors')} e JOIN {q('briefings_person')} p "
        f"ON p.id = e.person_id WHERE e.briefing_id = {q('briefings_briefing')}.id",
        "p.name, p.id",
    )
    briefing = get_object_or_404(
        Briefing.objects.select_related("publication").annotate(
            page_editors=RawSQL(editors, (), models.TextField())
        ),
        pk=pk,
    )
    people = [instance(Person, row) for row in json.loads(briefing.page_editors)]
    prefetched(briefing, "editors", people)
    claims = (
        Claim.objects.filter(
            article=models.OuterRef("pk"), is_published=True, is_in_source=True
        )
        .order_by()
        .values("article")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    articles = authors_attached(
        Article.objects.public()
        .filter(briefing=briefing)
        .annotate(claim_count=Coalesce(models.Subquery(claims), 0))
        .order_by("position", "pk")
    )
    for article in articles:
        article.briefing = briefing
    return briefing, articles


def article_page(pk: int) -> Article:
    """The article with everything its page shows, in one query (404 if none)."""
    text = models.TextField()
    article = get_object_or_404(
        Article.objects.select_related("briefing__publication")
        .defer("briefing__source_text", "briefing__imported_values")
        .annotate(
            page_authors=RawSQL(authors_sql(), (), text),
            page_topics=RawSQL(topics_sql(), (), text),
            page_claims=RawSQL(claims_sql(), (), text),
            page_previous=RawSQL(neighbour_sql(before=True), (), text),
            page_next=RawSQL(neighbour_sql(before=False), (), text),
            page_related=RawSQL(related_sql(), related_params(RELATED_COUNT), text),
        ),
        pk=pk,
    )
    attach_authors(article)
    article.page_topics = [
        instance(Topic, row) for row in json.loads(article.page_topics)
    ]
    article.page_claims = [
        claim(article, row) for row in json.loads(article.page_claims)
    ]
    article.page_neighbours = tuple(
        neighbour(article, value)
        for value in (article.page_previous, article.page_next)
    )
    article.page_related = listed(article.page_related)
    return article


def related_params(count: int) -> tuple[int, int, int]:
    return (RELATED_WINDOW, RELATED_CANDIDATES, count)


def related_articles(article: Article, count: int) -> list[Article]:
    """The article's related articles (``related_sql``), in one query."""
    rows = (
        Article.objects.filter(pk=article.pk)
        .annotate(
            related=RawSQL(related_sql(), related_params(count), models.TextField())
        )
        .values_list("related", flat=True)
    )
    return listed(rows.get())


def listed(value: str) -> list[Article]:
    """Articles as lists show them, from ``related_sql``'s JSON."""
    articles = []
    for row in json.loads(value):
        briefing_row = row.pop("briefing")
        publication = instance(Publication, briefing_row.pop("publication"))
        found = described(row)
        found.briefing = instance(Briefing, briefing_row)
        found.briefing.publication = publication
        articles.append(found)
    return articles


def described(row: dict) -> Article:
    """An article of ``row``, an untitled one described by its ``opening`` words
    (``opening_sql``), as its lists and links show it."""
    opening = row.pop("opening")
    found = instance(Article, row)
    if not found.title:
        found.untitled_label = untitled_label(found.subheadings or [], opening or "")
    return found


def prefetched(instance: models.Model, name: str, rows: list) -> None:
    """Set ``rows`` as the instance's prefetched ``name`` (``instance.name.all()``)."""
    cached = getattr(instance, name).none()
    cached._result_cache, cached._prefetch_done = rows, True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = cached


def attach_authors(article: Article) -> None:
    """The article's authors, read as JSON in its own row (``page_authors``), as
    ``ordered_authors()`` reads them."""
    rows = json.loads(article.page_authors)
    prefetched(article, "articleauthor_set", [author_link(article, r) for r in rows])


def authors_attached(queryset, limit: int | None = None) -> list[Article]:
    """The articles of ``queryset`` (the first ``limit``) with their authors in the
    same query."""
    text = models.TextField()
    queryset = queryset.annotate(page_authors=RawSQL(authors_sql(), (), text))
    articles = list(queryset[:limit] if limit is not None else queryset)
    for article in articles:
        attach_authors(article)
    return articles


def instance(model: type[models.Model], row: dict) -> models.Model:
    """A model instance of the fields in ``row`` (others deferred)."""
    found = {}
    for name, value in row.items():
        field = model._meta.get_field(name.removesuffix("_id"))
        plain = name in JSON_FIELDS or field.is_relation
        found[field.attname] = value if plain else field.to_python(value)
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in found]
    return model.from_db(connection.alias, fields, [found[f] for f in fields])


def author_link(article: Article, row: dict) -> ArticleAuthor:
    person = instance(Person, row.pop("person"))
    link = instance(ArticleAuthor, row)
    link.article, link.person = article, person
    return link


def claim(article: Article, row: dict) -> Claim:
    speaker = row.pop("speaker")
    made = instance(Claim, row)
    made.article = article
    made.speaker = instance(Person, speaker) if speaker else None
    return made


def neighbour(article: Article, value: str | None) -> Article | None:
    if value is None:
        return None
    found = described(json.loads(value))
    found.briefing = article.briefing
    return found
