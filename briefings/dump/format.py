"""The archive format: JSON Lines, its version, and how a row becomes a JSON object.

Every record is written field by field from the model's concrete fields, in their
declared order, so a field added to a model is carried without touching this module
(the version goes up when a change is not backwards compatible). Values are encoded
so that the same data gives the same bytes on SQLite and PostgreSQL: datetimes in UTC
with microseconds, floats by ``repr``, JSON field values with their keys sorted
(PostgreSQL's ``jsonb`` reorders keys), users by username. See docs/archive-format.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db import models

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

FORMAT = "china-briefings-archive"
VERSION = 2  # 2: a trailer line seals the archive (record counts and a checksum)
READABLE_VERSIONS = (1, 2)
HEADER = {"type": "archive", "format": FORMAT, "version": VERSION}
TRAILER = "trailer"  # the last line's type


@dataclass(frozen=True)
class Layout:
    """One kind of record: its model, the parent key its nesting implies, whether
    its id is kept, and the lists nested in it (key → layout name)."""

    name: str
    model: type[models.Model]
    parent: str = ""
    keep_id: bool = True
    nested: tuple[tuple[str, str], ...] = ()

    @cached_property
    def fields(self) -> list[models.Field]:
        """The fields written, in the model's declared order."""
        return [
            field
            for field in self.model._meta.concrete_fields
            if field.name != self.parent and (self.keep_id or not field.primary_key)
        ]

    @cached_property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]

    @cached_property
    def columns(self) -> list[tuple[models.Field, str]]:
        """Each field with the name ``values()`` selects it by (``select_name``)."""
        return [(field, select_name(field)) for field in self.fields]

    @cached_property
    def encoders(self) -> list[tuple[str, str, Callable[[Any], Any] | None]]:
        """Each field's name, ``select_name`` and ``encoder``, worked out once: an
        export encodes millions of values."""
        return [
            (field.name, select_name(field), encoder(field)) for field in self.fields
        ]


LAYOUTS = {
    layout.name: layout
    for layout in (
        Layout("publication", Publication),
        Layout("person", Person),
        Layout("topic", Topic),
        Layout(
            "briefing",
            Briefing,
            nested=(("articles", "article"), ("review_items", "review_item")),
        ),
        Layout(
            "article",
            Article,
            parent="briefing",
            nested=(
                ("authors", "author"),
                ("topics", "article_topic"),
                ("claims", "claim"),
            ),
        ),
        Layout("author", ArticleAuthor, parent="article", keep_id=False),
        Layout("article_topic", ArticleTopic, parent="article", keep_id=False),
        Layout("claim", Claim, parent="article", nested=(("figures", "figure"),)),
        Layout("figure", Figure, parent="claim"),
        Layout("review_item", ReviewItem, parent="briefing"),
    )
}
# Top-level line types, in the order their sections must appear.
SECTIONS = ("publication", "person", "topic", "briefing")
# The briefing's editors: a list of person ids, written after its own fields.
EDITORS = "editors"
# What the trailer counts: each kind of record, by its layout, in this order.
COUNTED = {
    "publication": "publications",
    "person": "people",
    "topic": "topics",
    "briefing": "briefings",
    "article": "articles",
    "claim": "claims",
    "figure": "figures",
    "review_item": "review_items",
}


def is_user(field: models.Field) -> bool:
    """A reference to a user account, written as a username."""
    return field.is_relation and field.related_model._meta.label == (
        settings.AUTH_USER_MODEL
    )


def select_name(field: models.Field) -> str:
    """The name to select with ``values()`` to get what the archive writes."""
    if is_user(field):
        return f"{field.name}__username"
    return field.attname


def sorted_json(value: Any) -> Any:
    """A JSON value with every object's keys sorted, so both databases agree."""
    if isinstance(value, dict):
        return {key: sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [sorted_json(item) for item in value]
    return value


def encoder(field: models.Field) -> Callable[[Any], Any] | None:
    """How a non-null database value of the field is written; None: as it is."""
    if isinstance(field, models.DateTimeField):
        return lambda value: value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(field, models.DateField):
        return lambda value: value.isoformat()
    if isinstance(field, models.FloatField):
        return float
    if isinstance(field, models.JSONField):
        return sorted_json
    return None


def encode_value(field: models.Field, value: Any) -> Any:
    """A database value as the archive writes it."""
    encode = encoder(field)
    return value if value is None or encode is None else encode(value)


def encode_row(layout: Layout, row: dict) -> dict:
    """A ``values()`` row (selected by ``select_name``) as an archive object."""
    record = {}
    for name, selected, encode in layout.encoders:
        value = row[selected]
        record[name] = value if value is None or encode is None else encode(value)
    return record


def dumps(record: dict) -> str:
    """One archive line, newline included: compact, UTF-8 text, keys as given."""
    text = json.dumps(
        record,
        ensure_ascii=False,
        sort_keys=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    return text + "\n"


class Seal:
    """What the trailer vouches for, gathered as lines are written: the SHA-256 of
    every byte before it and how many records of each kind the lines hold. A file
    cut short, or changed after export, no longer matches its trailer."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.counts = dict.fromkeys(COUNTED.values(), 0)

    def line(self, record: dict) -> str:
        """The record's line (``dumps``), counted and added to the checksum."""
        text = dumps(record)
        self.digest.update(text.encode())
        if record["type"] in LAYOUTS:
            self.count(LAYOUTS[record["type"]], record)
        return text

    def count(self, layout: Layout, record: dict) -> None:
        if layout.name in COUNTED:
            self.counts[COUNTED[layout.name]] += 1
        for key, name in layout.nested:
            for child in record[key]:
                self.count(LAYOUTS[name], child)

    def trailer(self) -> str:
        """The last line: the counts and the checksum of every line before it."""
        record = {"type": TRAILER, "counts": self.counts}
        return dumps(record | {"sha256": self.digest.hexdigest()})
