"""Writing the archive: one streaming pass over the database, in id order.

Publications, people and topics come first, one line each; then one line per
briefing with everything in it. Briefings are read in chunks of consecutive ids, and
each chunk's children with one query per kind (``briefing_id BETWEEN first AND
last``), so memory depends on the chunk size, not on the archive's size, and no query
carries a long list of ids. The export reads one snapshot of the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from django.db import connection, transaction
from django.db.models import QuerySet

from ..models import Briefing, Person, Publication, Topic
from .format import EDITORS, HEADER, LAYOUTS, Layout, Seal, encode_row
from .progress import Counts, Progress

CHUNK_SIZE = 100  # briefings per chunk: their source texts are in memory together
ROWS_PER_FETCH = 2000

# For each nested layout: the path from its rows to the briefing id, the column that
# names its parent, and its order within the parent.
CHILDREN = {
    "article": ("briefing", "briefing_id", ("position", "id")),
    "author": ("article__briefing", "article_id", ("position", "person_id")),
    "article_topic": ("article__briefing", "article_id", ("-score", "topic_id")),
    "claim": ("article__briefing", "article_id", ("position", "id")),
    "figure": ("claim__article__briefing", "claim_id", ("position", "id")),
    "review_item": ("briefing", "briefing_id", ("id",)),
}


@contextmanager
def snapshot() -> Iterator[None]:
    """One consistent view of the database for the whole export."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
        yield


def rows(layout: Layout, queryset: QuerySet, *extra: str) -> Iterator[dict]:
    """The queryset's rows as ``values()`` dicts with what the layout writes."""
    names = [name for _, name in layout.columns]
    return queryset.values(*extra, *names).iterator(chunk_size=ROWS_PER_FETCH)


def top_level(name: str, queryset: QuerySet) -> Iterator[dict]:
    """Publication, person or topic lines, in id order."""
    layout = LAYOUTS[name]
    for row in rows(layout, queryset.order_by("pk")):
        yield {"type": name, **encode_row(layout, row)}


def id_chunks(size: int) -> Iterator[tuple[int, int]]:
    """(first, last) briefing ids of each chunk of ``size`` consecutive briefings."""
    queryset = Briefing.objects.order_by("pk").values_list("pk", flat=True)
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        ids = list(page[:size])
        if not ids:
            return
        yield ids[0], ids[-1]
        last = ids[-1]


def children_of(first: int, last: int) -> dict[str, dict[int, list[dict]]]:
    """Every nested record of the briefings first..last, grouped by parent id."""
    groups: dict[str, dict[int, list[dict]]] = {}
    for name, (path, parent, order) in CHILDREN.items():
        layout = LAYOUTS[name]
        queryset = layout.model.objects.filter(
            **{f"{path}__gte": first, f"{path}__lte": last}
        ).order_by(*order)
        grouped = defaultdict(list)
        for row in rows(layout, queryset, parent):
            grouped[row[parent]].append(encode_row(layout, row))
        groups[name] = grouped
    editors = defaultdict(list)
    through = Briefing.editors.through.objects.filter(
        briefing__gte=first, briefing__lte=last
    )
    for briefing_id, person_id in through.order_by("person_id").values_list(
        "briefing_id", "person_id"
    ):
        editors[briefing_id].append(person_id)
    groups[EDITORS] = editors
    return groups


def attach(layout: Layout, record: dict, groups: dict) -> dict:
    """The record with its nested lists filled in, recursively."""
    for key, name in layout.nested:
        children = groups[name].get(record["id"], [])
        record[key] = [attach(LAYOUTS[name], child, groups) for child in children]
    return record


def briefing_lines(first: int, last: int) -> Iterator[dict]:
    """The briefing lines of one chunk, in id order."""
    layout = LAYOUTS["briefing"]
    groups = children_of(first, last)
    queryset = Briefing.objects.filter(pk__range=(first, last)).order_by("pk")
    for row in rows(layout, queryset):
        record = {"type": "briefing", **encode_row(layout, row)}
        record[EDITORS] = groups[EDITORS].get(record["id"], [])
        yield attach(layout, record, groups)


def write_archive(
    out: TextIO, *, chunk_size: int = CHUNK_SIZE, progress: Progress | None = None
) -> Counts:
    """Write the whole archive to ``out``, sealed by its trailer; what was written."""
    counts, seal = Counts(), Seal()
    with snapshot():
        total = Briefing.objects.count()
        progress = progress or Progress(None, total, "briefings")
        progress.total = total
        out.write(seal.line(HEADER))
        for name, model in (
            ("publication", Publication),
            ("person", Person),
            ("topic", Topic),
        ):
            for record in top_level(name, model.objects.all()):
                out.write(seal.line(record))
        done = 0
        for first, last in id_chunks(chunk_size):
            for record in briefing_lines(first, last):
                out.write(seal.line(record))
                done += 1
                progress.update(done, done)
        progress.update(done, done, force=True)
        out.write(seal.trailer())
    for name, count in seal.counts.items():
        setattr(counts, name, count)
    return counts
