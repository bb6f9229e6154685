"""Loading an archive into an empty database: all or nothing.

Lines are read one at a time, checked (``validate.py``) and written in batches
(``write.py``: ``COPY`` on PostgreSQL, in a second thread; ``executemany`` on
SQLite), inside one transaction: the first problem stops the import with the line
number and the reason, and the database is left exactly as it was. Ids and
timestamps are written as exported. What would slow each row is set aside during
the load and made once at the end: SQLite's search index; on PostgreSQL every
secondary index and foreign key of the loaded tables (not the generated text
vectors). The "did you mean" vocabulary is gathered from the articles as they are
read. Afterwards PostgreSQL's sequences are moved past the imported ids and the
planner's statistics are refreshed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from .. import summaries
from ..cache import forget_on_commit
from ..models import (
    Article,
    Briefing,
    Claim,
    Person,
    Publication,
    SearchWord,
    Term,
    Topic,
)
from ..search import narrow, update_statistics
from ..search.cjk import refold_all
from ..search.schema import drop_statements, statements
from ..search.vocabulary import Collector, record_words
from .format import SECTIONS, TRAILER
from .progress import Counts, Progress
from .validate import (
    Decoder,
    Invalid,
    Known,
    Rows,
    check_header,
    check_trailer,
    decode_line,
    decoders,
    parse_json,
)
from .write import BATCH_ROWS, INSERT_ORDER, ArchiveError, Writer, first_line

TOPICS = SECTIONS.index("topic")
TOPIC_LINKS = ["parent", "merged_into"]  # may name topics on later lines
SQLITE_CACHE_KIB = 64 * 1024  # SQLite's page cache during the load
# PostgreSQL's memory for building each set-aside index once (its default, 64 MB,
# makes a million articles' text index in several merged passes)
INDEX_BUILD_MEMORY = "256MB"
UNSEALED = 1  # the last version without a trailer

logger = logging.getLogger(__name__)


class NotEmpty(Exception):
    """The database already holds records an import would collide with."""


class DryRun(Exception):
    """Raised to roll back a complete import that was only a rehearsal."""


class Trust:
    """What to do about an archive that does not prove itself complete and
    unchanged: refuse it, or with ``allow_partial`` import it with a warning."""

    def __init__(self, allow_partial: bool, warn: Callable[[str], None] | None) -> None:
        self.allow_partial = allow_partial
        self.warn = warn or logger.warning

    def excuse(self, problem: str, line: int | None = None) -> None:
        if not self.allow_partial:
            raise ArchiveError(line, f"{problem}; --allow-partial imports it anyway.")
        where = "" if line is None else f"line {line}: "
        self.warn(f"{where}{problem}; imported anyway (--allow-partial).")


class Reader:
    """Checks lines in order, hands their rows to the writer, links topics and
    gathers the vocabulary."""

    def __init__(
        self,
        writer: Writer,
        decoders: dict[str, Decoder],
        known: Known,
        vocabulary: Collector | None,
        trust: Trust,
    ) -> None:
        self.writer, self.decoders, self.known = writer, decoders, known
        self.vocabulary, self.trust = vocabulary, trust
        self.section = -1  # index in SECTIONS; -1 until the first record line
        self.lines = 0
        self.version = 0
        self.digest = hashlib.sha256()  # of every line so far, as read
        self.sealed = False  # the trailer was read
        self.topic_links: list[tuple[int, Topic]] = []
        columns = decoders["topic"].columns
        self.topic_columns = [columns.index(f"{name}_id") for name in TOPIC_LINKS]
        columns = decoders["article"].columns
        self.text_columns = columns.index("title"), columns.index("body")

    def feed(self, number: int, raw: bytes) -> None:
        """Check one line and queue its rows; ``ArchiveError`` names any problem."""
        self.lines = number
        rows = None
        try:
            if self.sealed:
                raise Invalid("a line after the trailer, which must be the last line")
            data = parse_json(decode(raw, first=number == 1))
            if number == 1:
                self.start(data)
            elif data.get("type") == TRAILER and self.version > UNSEALED:
                self.seal(number, data)
            else:
                rows = self.record(number, data)
        except Invalid as problem:
            raise ArchiveError(number, str(problem)) from None
        self.digest.update(raw)
        if rows is not None and self.vocabulary is not None:
            self.gather(rows)

    def start(self, header: dict) -> None:
        self.version = check_header(header)
        if self.version <= UNSEALED:
            self.trust.warn(
                f"archive version {self.version} has no trailer: whether the file "
                "is complete cannot be checked"
            )

    def record(self, number: int, data: dict) -> Rows:
        """Check a record line and queue its rows."""
        self.enter(data.get("type"))
        rows = Rows(number)
        row = decode_line(data, self.decoders, self.known, rows)
        if self.section == TOPICS:
            self.unlink(number, row)
        self.writer.add(rows)
        return rows

    def seal(self, number: int, trailer: dict) -> None:
        """Check the trailer against the lines before it."""
        self.sealed = True
        counts = self.writer.counts.as_dict()
        try:
            check_trailer(trailer, self.digest.hexdigest(), counts)
        except Invalid as problem:
            self.trust.excuse(str(problem), number)

    def gather(self, rows: Rows) -> None:
        """Add the line's articles' words to the vocabulary; have the writer record
        them when enough are held."""
        title, body = self.text_columns
        for row in rows.tables.get(self.decoders["article"].model, ()):
            if self.vocabulary.add(row[title], row[body]):
                words = self.vocabulary.take()
                self.writer.submit(lambda db, words=words: record_words(words, db))

    def enter(self, kind: object) -> None:
        """Move to the line's section; sections come in a fixed order."""
        if kind == "archive":
            raise Invalid("a second archive header")
        if kind not in SECTIONS:
            shown = kind if isinstance(kind, str) else repr(kind)
            raise Invalid(f"unknown record type '{shown}'")
        section = SECTIONS.index(kind)
        if section < self.section:
            raise Invalid(
                f"a {kind} line after {SECTIONS[self.section]} lines: the sections "
                f"come in the order {', '.join(SECTIONS)}"
            )
        if self.section <= TOPICS < section:
            self.link_topics()
        self.section = section

    def unlink(self, number: int, row: list) -> None:
        """Keep a topic's links to other topics for the second pass; write it
        without them, since they may point to topics on later lines."""
        targets = [row[index] for index in self.topic_columns]
        if targets == [None] * len(targets):
            return
        pk = row[self.decoders["topic"].pk_index]
        links = {
            f"{name}_id": target
            for name, target in zip(TOPIC_LINKS, targets, strict=True)
        }
        self.topic_links.append((number, Topic(pk=pk, **links)))
        for index in self.topic_columns:
            row[index] = None

    def link_topics(self) -> None:
        """Second pass: set parents and merges once every topic is written."""
        self.writer.drain()
        topics = self.known.ids[Topic]
        for number, topic in self.topic_links:
            for name in TOPIC_LINKS:
                target = getattr(topic, f"{name}_id")
                if target is not None and target not in topics:
                    raise ArchiveError(
                        number,
                        f"topic {topic.pk}: field '{name}' refers to unknown topic id "
                        f"{target}",
                    )
        links = [topic for _, topic in self.topic_links]
        Topic.objects.bulk_update(links, TOPIC_LINKS, batch_size=500)
        self.topic_links = []

    def finish(self) -> None:
        if self.lines == 0:
            raise ArchiveError(1, "the file is empty: no archive header")
        if self.version > UNSEALED and not self.sealed:
            self.trust.excuse(
                f"the archive ends at line {self.lines:,} without its trailer: "
                "it is incomplete (cut short?)"
            )
        if self.section <= TOPICS:
            self.link_topics()
        if self.vocabulary is not None:
            words = self.vocabulary.take()
            self.writer.submit(lambda db: record_words(words, db))
        self.writer.drain()


def decode(raw: bytes, *, first: bool) -> str:
    """A line's text: UTF-8 (a byte-order mark tolerated on the first line)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Invalid(f"not UTF-8 text (byte {error.start + 1})") from None
    return text.removeprefix("\ufeff") if first else text


def check_empty() -> None:
    """Refuse to import on top of records whose ids the archive would reuse."""
    found = {
        name: model.objects.count()
        for model, name in (
            (Publication, "publications"),
            (Person, "people"),
            (Topic, "topics"),
            (Briefing, "briefings"),
            (Term, "terms"),
        )
    }
    held = ", ".join(f"{count:,} {name}" for name, count in found.items() if count)
    if held:
        raise NotEmpty(
            f"The database already holds records ({held}). An archive is imported "
            "into an empty database only: create a new database, run "
            "`manage.py migrate`, then import."
        )


def known_users() -> dict[str, int]:
    user_model = get_user_model()
    field = user_model.USERNAME_FIELD
    return dict(user_model.objects.values_list(field, "pk"))


def execute(sqls: Iterable[str]) -> None:
    with connection.cursor() as cursor:
        for sql in sqls:
            cursor.execute(sql)


def reset_sequences() -> None:
    """Move id sequences past the imported ids (PostgreSQL; SQLite needs nothing)."""
    execute(connection.ops.sequence_reset_sql(no_style(), INSERT_ORDER))


@contextmanager
def sqlite_cache() -> Iterator[None]:
    """SQLite: a bigger page cache for the load (this connection, restored after):
    with the default 2 MB, index pages go to and from the file all the time
    (measured at 100k articles: 65 s against 44 s)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        execute([f"PRAGMA cache_size = {int(before)}"])


@contextmanager
def set_aside_while_loading() -> Iterator[None]:
    """What would slow the load row by row is dropped for it and made once at the
    end, over every row, as pg_restore does. On any error the transaction's
    rollback restores everything as it was.

    SQLite: its search index, by the migration's DDL, which indexes the rows
    already there. PostgreSQL (``postgres_set_aside``): the loaded tables'
    secondary indexes and foreign keys; its narrow search table is filled once
    at the end instead of by its triggers (search/narrow.py)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        with postgres_set_aside(loaded_tables()):
            yield
        return
    execute(drop_statements(vendor))
    yield
    finish_load(statements(vendor), "the search index could not be built")


@contextmanager
def postgres_set_aside(tables: list[str]) -> Iterator[None]:
    """Drop the tables' foreign keys and their indexes other than primary keys and
    unique ones, then create them again, by their own definitions as the server
    reports them: one build of an index over every row (sorted, in parallel) beats
    a million insertions into it, and one check of a foreign key over the whole
    table (a join) beats a lookup per row. The archive's references were checked
    line by line already (validate.py); the unique keys stay, so a line repeating
    an id is still refused with its line number.

    The generated text vectors are kept: they are computed as rows are copied, on
    the server's core while this one checks lines, where adding them afterwards
    rewrites the whole table on one core (measured at 100k articles: 56 s of
    server time in all, against 15 s + 66 s)."""
    keys = foreign_keys(tables)
    indexes = secondary_indexes(tables)
    # Checks still pending from this transaction's earlier writes run now: a table
    # with pending checks cannot be altered.
    execute(["SET CONSTRAINTS ALL IMMEDIATE"])
    execute(
        f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}" for table, name, _ in keys
    )
    execute(f"DROP INDEX {quote(name)}" for name in indexes)
    with narrow.paused():  # refilled on leaving, from the rows and their indexes
        yield
        memory = f"SET LOCAL maintenance_work_mem = '{INDEX_BUILD_MEMORY}'"
        finish_load([memory, *indexes.values()], "the indexes could not be built")
    finish_load(
        (
            f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}"
            for table, name, definition in keys
        ),
        "the archive's references could not be checked",
    )
    execute(["SET CONSTRAINTS ALL DEFERRED"])


def loaded_tables() -> list[str]:
    return [model._meta.db_table for model in INSERT_ORDER]


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def foreign_keys(tables: list[str]) -> list[tuple[str, str, str]]:
    """PostgreSQL: (table, name, definition) of the tables' foreign keys."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid = ANY(%s::regclass[]) ORDER BY conrelid::regclass::text, "
            "conname",
            [tables],
        )
        return cursor.fetchall()


def secondary_indexes(tables: list[str]) -> dict[str, str]:
    """PostgreSQL: name to definition of the tables' indexes that no constraint
    owns (not the primary keys, not the unique constraints)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisunique "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
            "WHERE k.conindid = i.indexrelid) ORDER BY c.relname",
            [tables],
        )
        return dict(cursor.fetchall())


def finish_load(sqls: Iterable[str], failure: str) -> None:
    try:
        execute(sqls)
    except DatabaseError as error:
        raise ArchiveError(None, f"{failure}: {first_line(error)}") from error


def read_lines(
    lines: Iterable[bytes], reader: Reader, progress: Progress, counts: Counts
) -> None:
    done = 0
    for number, raw in enumerate(lines, start=1):
        reader.feed(number, raw)
        done += len(raw)
        progress.update(done, counts.briefings)
    reader.finish()
    progress.update(done, counts.briefings, force=True)


def restore_archive(
    lines: Iterable[bytes],
    *,
    progress: Progress | None = None,
    dry_run: bool = False,
    batch_rows: int = BATCH_ROWS,
    allow_partial: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Counts:
    """Import the archive's lines (bytes, newline included) into an empty database.
    All or nothing: ``ArchiveError`` leaves the database as it was. An archive
    without a matching trailer is refused unless ``allow_partial``; ``warn`` is
    told what could not be checked."""
    counts = Counts()
    progress = progress or Progress(None, None, "briefings")
    try:
        with transaction.atomic():
            check_empty()
            found = decoders()
            known = Known(
                ids={Publication: set(), Person: set(), Topic: set(), Term: set()},
                users=known_users(),
            )
            # The vocabulary is derived data: a rehearsal need not gather it.
            vocabulary = None if dry_run else Collector()
            if vocabulary is not None:
                SearchWord.objects.all().delete()
            writer = Writer(counts, found, batch_rows)
            trust = Trust(allow_partial, warn)
            reader = Reader(writer, found, known, vocabulary, trust)
            # The kept counts are derived too: their triggers are dropped for the
            # load and the counts made once at the end (summaries.py); counting as
            # each batch is copied made a load three times slower.
            execute(summaries.drop_statements(connection.vendor))
            with sqlite_cache(), set_aside_while_loading(), writer:
                read_lines(lines, reader, progress, counts)
            if dry_run:
                raise DryRun
            reset_sequences()  # not in a dry run: setval ignores rollbacks
            # The folded copy of the CJK text is derived, not in the archive (cjk.py).
            refold_all(Article)
            refold_all(Claim)
            update_statistics()  # a planner that thinks the tables empty is slow
            summaries.rebuild()
            forget_on_commit()  # rows were copied, no save signals
    except DryRun:
        pass
    return counts
