"""Writing checked rows in bulk: ``COPY`` on PostgreSQL, in a second thread on the
import's own connection; ``executemany`` on SQLite.

Rows arrive as lists of values the database takes as they are (``validate.py``
adapted them with Django's database operations), so nothing here builds model
instances or SQL per row. On PostgreSQL, batches go to one background thread that
writes them in order while the next lines are checked: the driver releases the GIL
while the server works, so Python and the server run on two cores. At a million
articles the ORM's per-row work, then waiting for each batch, were most of an
import's time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models

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
    Term,
    TermRendering,
    Topic,
)
from .progress import Counts
from .validate import Decoder, Rows

BATCH_ROWS = 10000  # rows kept before they are written (some 1,000 articles)
QUEUED_BATCHES = 2  # batches checked ahead of the writer (memory: a few batches)
EDITOR_LINKS = Briefing.editors.through
# Parents before children: each batch is written in this order.
INSERT_ORDER: list[type[models.Model]] = [
    Publication,
    Person,
    Topic,
    Briefing,
    EDITOR_LINKS,
    Article,
    ArticleAuthor,
    ArticleTopic,
    Claim,
    Figure,
    ReviewItem,
    Term,
    TermRendering,
]
COUNTED = {Publication: "publications", Person: "people", Topic: "topics"}
COUNTED |= {Briefing: "briefings", Article: "articles", Claim: "claims"}
COUNTED |= {Figure: "figures", ReviewItem: "review_items"}

Job = Callable[[object], None]  # run by the writer, given the connection


class ArchiveError(Exception):
    """A line of the archive that cannot be imported, and why."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.line, self.message = line, message


def first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def insert_sql(db, model: type[models.Model], columns: Sequence[str]) -> str:
    """The statement that writes rows of ``columns`` into the model's table."""
    quote = db.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    if db.vendor == "postgresql":
        return f"COPY {table} ({names}) FROM STDIN"
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


def write_rows(db, cursor, sql: str, rows: list[list]) -> None:
    """Write rows with a statement from ``insert_sql``; errors are Django's."""
    if db.vendor != "postgresql":
        cursor.executemany(sql, rows)
        return
    with db.wrap_database_errors, cursor.copy(sql) as copy:
        write_row = copy.write_row
        for row in rows:
            write_row(row)


class Background:
    """One thread that runs jobs in order on the import's connection. The first
    error stops it; ``wait`` and ``close`` raise it in the importing thread."""

    def __init__(self, db) -> None:
        self.db = db
        self.jobs: queue.Queue = queue.Queue(maxsize=QUEUED_BATCHES)
        self.error: BaseException | None = None
        self.cancelled = False
        db.inc_thread_sharing()  # the connection, and its transaction, are shared
        self.thread = threading.Thread(target=self.run, name="archive-writer")
        self.thread.start()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                if self.error is None and not self.cancelled:
                    job(self.db)
            except BaseException as error:  # handed to the importing thread
                self.error = error
            finally:
                self.jobs.task_done()

    def submit(self, job: Job) -> None:
        self.raise_error()
        self.jobs.put(job)

    def wait(self) -> None:
        """Until every job submitted so far has run."""
        self.jobs.join()
        self.raise_error()

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error

    def close(self, failure: BaseException | None) -> None:
        """Stop the thread. After an invalid line, the batches before it are still
        written, so the error reported is always the first line's that fails."""
        self.cancelled = not isinstance(failure, ArchiveError | None)
        self.jobs.put(None)
        self.thread.join()
        self.db.dec_thread_sharing()
        if self.cancelled:
            return
        earlier = isinstance(self.error, ArchiveError) and (
            failure is None or (self.error.line or 0) < (failure.line or 0)
        )
        if failure is None or earlier:
            self.raise_error()


class Inline:
    """Runs each job at once, in the importing thread (SQLite). SQLite works in this
    process and Python's sqlite3 takes the GIL back after every row, so a second
    thread only waits for the first (measured: same CPU, a little more time)."""

    def __init__(self, db) -> None:
        self.db = db

    def submit(self, job: Job) -> None:
        job(self.db)

    def wait(self) -> None:
        pass

    def close(self, failure: BaseException | None) -> None:
        pass


class Writer:
    """Collects lines' rows and has them written in batches, in dependency order,
    each batch under a savepoint so a refused batch can be retried line by line."""

    def __init__(
        self, counts: Counts, decoders: dict[str, Decoder], batch_rows: int = BATCH_ROWS
    ) -> None:
        self.db = connections[DEFAULT_DB_ALIAS]
        self.counts, self.batch_rows = counts, batch_rows
        self.sql = {
            d.model: insert_sql(self.db, d.model, d.columns) for d in decoders.values()
        }
        self.sql[EDITOR_LINKS] = insert_sql(
            self.db, EDITOR_LINKS, ["briefing_id", "person_id"]
        )
        self.pending: list[Rows] = []
        self.size = 0
        self.background: Background | Inline | None = None

    def __enter__(self) -> Writer:
        threaded = self.db.vendor == "postgresql"  # the server works in its process
        self.background = Background(self.db) if threaded else Inline(self.db)
        return self

    def __exit__(self, kind, failure, traceback) -> None:
        background, self.background = self.background, None
        background.close(failure)

    def add(self, rows: Rows) -> None:
        self.pending.append(rows)
        self.size += rows.size
        for model, items in rows.tables.items():
            if model in COUNTED:
                name = COUNTED[model]
                setattr(self.counts, name, getattr(self.counts, name) + len(items))
        if self.size >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        """Hand what is pending to the writer."""
        if self.pending:
            batch, self.pending, self.size = self.pending, [], 0
            self.submit(lambda db: self.write(db, batch))

    def submit(self, job: Job) -> None:
        """Run a job on the connection, after the batches before it."""
        self.background.submit(job)

    def drain(self) -> None:
        """Write everything so far and wait for it (before using the connection
        in this thread)."""
        self.flush()
        self.background.wait()

    def write(self, db, batch: list[Rows]) -> None:
        """Write a batch; on a database error, find the line and name it."""
        savepoint = db.savepoint()
        try:
            self.insert(db, batch)
        except DatabaseError:
            db.savepoint_rollback(savepoint)
            self.name_culprit(db, batch)
        db.savepoint_commit(savepoint)

    def insert(self, db, batch: list[Rows]) -> None:
        with db.cursor() as cursor:
            for model in INSERT_ORDER:
                rows = [row for line in batch for row in line.tables.get(model, ())]
                if rows:
                    write_rows(db, cursor, self.sql[model], rows)

    def name_culprit(self, db, batch: list[Rows]) -> None:
        """Write the lines one by one until the one the database refuses."""
        for rows in batch:
            savepoint = db.savepoint()
            try:
                self.insert(db, [rows])
            except DatabaseError as error:
                db.savepoint_rollback(savepoint)
                reason = first_line(error)
                message = f"the database refused it: {reason}"
                raise ArchiveError(rows.line, message) from error
            db.savepoint_commit(savepoint)
        first, last = batch[0].line, batch[-1].line
        raise ArchiveError(first, f"the database refused lines {first}-{last}")
