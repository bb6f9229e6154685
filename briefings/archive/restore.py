"""Loading an archive into an empty database: all or nothing.

Lines are read one at a time, checked (``validate.py``) and written in batches with
``bulk_create``, inside one transaction: the first problem stops the import with the
line number and the reason, and the database is left exactly as it was. Ids and
timestamps are written as exported. Afterwards PostgreSQL's sequences are moved past
the imported ids and the search index and its vocabulary are rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from ..models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    ReviewItem,
    Topic,
)
from ..search import get_backend
from ..search.vocabulary import rebuild_vocabulary
from .format import SECTIONS
from .progress import Counts, Progress
from .validate import Invalid, Known, Rows, check_header, decode_line, parse_json

BATCH_ROWS = 2000  # rows kept before they are written
INSERT_BATCH = 500  # rows per INSERT statement
INSERT_ORDER: list[type[models.Model]] = [
    Publication,
    Person,
    Topic,
    Briefing,
    Briefing.editors.through,
    Article,
    ArticleAuthor,
    ArticleTopic,
    Claim,
    Figure,
    ReviewItem,
]
COUNTED = {Publication: "publications", Person: "people", Topic: "topics"}
COUNTED |= {Briefing: "briefings", Article: "articles", Claim: "claims"}
COUNTED |= {Figure: "figures", ReviewItem: "review_items"}


class ArchiveError(Exception):
    """A line of the archive that cannot be imported, and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line, self.message = line, message


class NotEmpty(Exception):
    """The database already holds records an import would collide with."""


class DryRun(Exception):
    """Raised to roll back a complete import that was only a rehearsal."""


@contextmanager
def keep_timestamps() -> Iterator[None]:
    """Write ``auto_now``/``auto_now_add`` fields as given, not as "now"."""
    switched = []
    for model in INSERT_ORDER:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField) and (
                field.auto_now or field.auto_now_add
            ):
                switched.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class Writer:
    """Collects lines' rows and writes them in batches, in dependency order."""

    def __init__(self, counts: Counts, batch_rows: int = BATCH_ROWS) -> None:
        self.counts, self.batch_rows = counts, batch_rows
        self.pending: list[Rows] = []
        self.size = 0

    def add(self, rows: Rows) -> None:
        self.pending.append(rows)
        self.size += rows.size
        for model, instances in rows.objects.items():
            if model in COUNTED:
                name = COUNTED[model]
                setattr(self.counts, name, getattr(self.counts, name) + len(instances))
        if self.size >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        """Write what is pending; on a database error, find the line and name it."""
        if not self.pending:
            return
        try:
            with transaction.atomic():
                insert(self.pending)
        except DatabaseError:
            self.name_culprit()
        self.pending, self.size = [], 0

    def name_culprit(self) -> None:
        """Write the pending lines one by one until the one the database refuses."""
        for rows in self.pending:
            try:
                with transaction.atomic():
                    insert([rows])
            except DatabaseError as error:
                reason = first_line(error)
                message = f"the database refused it: {reason}"
                raise ArchiveError(rows.line, message) from error
        first, last = self.pending[0].line, self.pending[-1].line
        raise ArchiveError(first, f"the database refused lines {first}-{last}")


def insert(batch: list[Rows]) -> None:
    for model in INSERT_ORDER:
        instances = [item for rows in batch for item in rows.objects.get(model, [])]
        if instances:
            model.objects.bulk_create(instances, batch_size=INSERT_BATCH)


class Reader:
    """Checks lines in order, hands their rows to the writer, links topics."""

    def __init__(self, writer: Writer, known: Known) -> None:
        self.writer, self.known = writer, known
        self.section = -1  # index in SECTIONS; -1 until the first record line
        self.lines = 0
        self.topic_links: list[tuple[int, Topic]] = []

    def feed(self, number: int, raw: bytes) -> None:
        """Check one line and queue its rows; ``ArchiveError`` names any problem."""
        self.lines = number
        try:
            data = parse_json(decode(raw, first=number == 1))
            if number == 1:
                check_header(data)
                return
            self.enter(data.get("type"))
            rows = Rows(number)
            record = decode_line(data, self.known, rows)
            if isinstance(record, Topic):
                self.unlink(number, record)
            self.writer.add(rows)
        except Invalid as problem:
            raise ArchiveError(number, str(problem)) from None

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
        if self.section <= SECTIONS.index("topic") < section:
            self.link_topics()
        self.section = section

    def unlink(self, number: int, topic: Topic) -> None:
        """Keep a topic's links to other topics for the second pass; write it
        without them, since they may point to topics on later lines."""
        if topic.parent_id is None and topic.merged_into_id is None:
            return
        links = Topic(
            pk=topic.pk, parent_id=topic.parent_id, merged_into_id=topic.merged_into_id
        )
        self.topic_links.append((number, links))
        topic.parent_id = topic.merged_into_id = None

    def link_topics(self) -> None:
        """Second pass: set parents and merges once every topic is written."""
        self.writer.flush()
        topics = self.known.ids[Topic]
        for number, topic in self.topic_links:
            for name in ("parent", "merged_into"):
                target = getattr(topic, f"{name}_id")
                if target is not None and target not in topics:
                    raise ArchiveError(
                        number,
                        f"topic {topic.pk}: field '{name}' refers to unknown topic id "
                        f"{target}",
                    )
        links = [topic for _, topic in self.topic_links]
        Topic.objects.bulk_update(links, ["parent", "merged_into"], batch_size=500)
        self.topic_links = []

    def finish(self) -> None:
        if self.lines == 0:
            raise ArchiveError(1, "the file is empty: no archive header")
        if self.section <= SECTIONS.index("topic"):
            self.link_topics()
        self.writer.flush()


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
        for model, name in COUNTED.items()
        if model in (Publication, Person, Topic, Briefing)
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


def reset_sequences() -> None:
    """Move id sequences past the imported ids (PostgreSQL; SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), INSERT_ORDER)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def rebuild_search() -> None:
    """Re-index the imported text and recompute the did-you-mean vocabulary."""
    get_backend().rebuild()
    rebuild_vocabulary(Article.objects.all())


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
) -> Counts:
    """Import the archive's lines (bytes, newline included) into an empty database.
    All or nothing: ``ArchiveError`` leaves the database as it was."""
    counts = Counts()
    progress = progress or Progress(None, None, "briefings")
    try:
        with transaction.atomic(), keep_timestamps():
            check_empty()
            known = Known(
                ids={Publication: set(), Person: set(), Topic: set()},
                users=known_users(),
            )
            reader = Reader(Writer(counts, batch_rows), known)
            read_lines(lines, reader, progress, counts)
            if dry_run:
                raise DryRun
            reset_sequences()  # not in a dry run: setval ignores rollbacks
            rebuild_search()
    except DryRun:
        pass
    return counts
