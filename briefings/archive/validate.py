"""Reading archive lines: JSON in, checked model instances out, or a clear problem.

Every line is checked before anything is written from it: valid JSON, a known type
in its section's place, exactly the fields the layout names, each of the right type
(and length, range, choice), and every reference to a publication, person or topic
known from an earlier line (topics may refer to topics on later lines: those
references are checked when the topic section ends). A problem raises ``Invalid``
naming the record and the field; the reader adds the line number.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

from ..models import Article, Briefing, Claim, Person, Publication, Topic
from .format import EDITORS, FORMAT, HEADER, LAYOUTS, VERSION, Layout, is_user

LABELS = {
    "publication": "publication",
    "person": "person",
    "topic": "topic",
    "briefing": "briefing",
    "article": "article",
    "author": "author",
    "article_topic": "topic link",
    "claim": "claim",
    "figure": "figure",
    "review_item": "review item",
}
MODEL_NOUNS = {Publication: "publication", Person: "person", Topic: "topic"}
MODEL_NOUNS |= {Article: "article", Claim: "claim"}


class Invalid(Exception):
    """A problem with one line's content; the reader names the line."""


@dataclass
class Rows:
    """The model instances one line adds, by model, in the order they are read."""

    line: int
    objects: dict[type[models.Model], list[models.Model]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, instance: models.Model) -> None:
        self.objects[type(instance)].append(instance)

    @property
    def size(self) -> int:
        return sum(len(items) for items in self.objects.values())


@dataclass
class Known:
    """What earlier lines and the database make known: ids that may be referred to,
    and the users (by username) that review fields name."""

    ids: dict[type[models.Model], set[int]]
    users: dict[str, int]


def parse_json(text: str) -> dict:
    """The line as a JSON object (NaN and Infinity are not JSON)."""

    def reject(constant: str):
        raise ValueError(f"{constant} is not a JSON number")

    try:
        data = json.loads(text, parse_constant=reject)
    except ValueError as error:
        detail = getattr(error, "msg", str(error))
        column = getattr(error, "colno", None)
        where = f" at column {column}" if column else ""
        raise Invalid(f"not valid JSON ({detail}{where})") from None
    if not isinstance(data, dict):
        raise Invalid("not a JSON object")
    return data


def check_header(data: dict) -> None:
    """The first line: this format, a version this code reads."""
    if data.get("type") != "archive" or data.get("format") != FORMAT:
        raise Invalid(
            f"not a {FORMAT} file: the first line must be {json.dumps(HEADER)}"
        )
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        raise Invalid(
            f"archive version {json.dumps(version)} is not supported "
            f"(this program reads version {VERSION})"
        )
    unknown = sorted(set(data) - set(HEADER))
    if unknown:
        raise Invalid(f"unknown header field '{unknown[0]}'")


def type_error(f: models.Field, expected: str, value: Any) -> Invalid:
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return Invalid(f"field '{f.name}' must be {expected}, not {shown}")


def decode_integer(f: models.Field, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise type_error(f, "an integer", value)
    target = f.target_field if f.is_relation else f
    low, high = connection.ops.integer_field_range(target.get_internal_type())
    if (low is not None and value < low) or (high is not None and value > high):
        raise Invalid(f"field '{f.name}' is out of range: {value}")
    return value


def decode_text(f: models.Field, value: Any) -> str:
    if not isinstance(value, str):
        raise type_error(f, "a string", value)
    if f.max_length and len(value) > f.max_length:
        raise Invalid(f"field '{f.name}' is longer than {f.max_length} characters")
    if "\x00" in value and connection.vendor == "postgresql":
        raise Invalid(
            f"field '{f.name}' has a NUL character (PostgreSQL cannot store it)"
        )
    return value


def decode_moment(f: models.Field, value: Any) -> dt.date | dt.datetime:
    if isinstance(f, models.DateTimeField):
        expected = "a date and time with a UTC offset (ISO 8601)"
        parse = dt.datetime.fromisoformat
    else:
        expected, parse = "a date (YYYY-MM-DD)", dt.date.fromisoformat
    if not isinstance(value, str):
        raise type_error(f, expected, value)
    try:
        moment = parse(value)
    except ValueError:
        raise type_error(f, expected, value) from None
    if isinstance(moment, dt.datetime) and moment.tzinfo is None:
        raise type_error(f, expected, value)
    return moment


def decode_plain(f: models.Field, value: Any) -> Any:
    """A non-null value of a field that is not a reference."""
    if isinstance(f, models.JSONField):
        return value
    if isinstance(f, models.BooleanField):
        if not isinstance(value, bool):
            raise type_error(f, "true or false", value)
        return value
    if isinstance(f, models.DateField):  # DateTimeField too
        return decode_moment(f, value)
    if isinstance(f, models.FloatField):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise type_error(f, "a number", value)
        return float(value)
    if isinstance(f, models.IntegerField):  # the id fields too
        return decode_integer(f, value)
    return decode_text(f, value)


def decode_field(f: models.Field, value: Any, known: Known, scope: dict) -> Any:
    """The model attribute value for an archive value; references checked."""
    if value is None:
        if f.null:
            return None
        raise Invalid(f"field '{f.name}' must not be null")
    if is_user(f):
        if not isinstance(value, str):
            raise type_error(f, "a username", value)
        return known.users.get(value)  # unknown users become null (documented)
    if not f.is_relation:
        value = decode_plain(f, value)
        if f.choices and value not in {choice for choice, _ in f.flatchoices}:
            allowed = ", ".join(str(choice) for choice, _ in f.flatchoices)
            raise Invalid(f"field '{f.name}' must be one of {allowed}, not {value!r}")
        return value
    value = decode_integer(f, value)
    ids = scope.get(f.related_model, known.ids.get(f.related_model))
    if ids is not None and value not in ids:
        noun = MODEL_NOUNS.get(f.related_model, f.related_model._meta.model_name)
        raise Invalid(f"field '{f.name}' refers to unknown {noun} id {value}")
    return value


def label_of(layout: Layout, data: dict, index: int) -> str:
    """How a message names the record: by its id, else by its place in the list."""
    noun = LABELS[layout.name]
    ident = data.get("id") if layout.keep_id else None
    if isinstance(ident, int) and not isinstance(ident, bool):
        return f"{noun} {ident}"
    return f"{noun} #{index + 1}"


def check_keys(layout: Layout, data: dict, extra: list[str]) -> None:
    """Exactly the layout's fields and nested lists (and ``extra``). A field with a
    model default may be missing: the archive was written before it existed."""
    optional = {f.name for f in layout.fields if f.has_default()}
    expected = [*layout.field_names, *extra, *(key for key, _ in layout.nested)]
    for name in expected:
        if name not in data and name not in optional:
            raise Invalid(f"field '{name}' is missing")
    unknown = [name for name in data if name not in expected]
    if unknown:
        raise Invalid(f"unknown field '{unknown[0]}'")


def list_of_objects(data: dict, key: str) -> list[dict]:
    items = data[key]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise Invalid(f"field '{key}' must be a list of objects")
    return items


def list_of_ids(data: dict, key: str, ids: set[int], noun: str) -> list[int]:
    items = data[key]
    if not isinstance(items, list):
        raise Invalid(f"field '{key}' must be a list of {noun} ids")
    for item in items:
        if not isinstance(item, int) or isinstance(item, bool):
            raise Invalid(f"field '{key}' must be a list of {noun} ids, not {item!r}")
        if item not in ids:
            raise Invalid(f"field '{key}' refers to unknown {noun} id {item}")
    if len(set(items)) != len(items):
        raise Invalid(f"field '{key}' names a {noun} twice")
    return items


def decode_record(
    layout: Layout, data: dict, index: int, known: Known, scope: dict, rows: Rows
) -> models.Model:
    """One record and, recursively, the records nested in it, added to ``rows``."""
    label = label_of(layout, data, index)
    try:
        instance = decode_own(layout, data, known, scope)
        rows.add(instance)
        if layout.name == "briefing":
            for person_id in list_of_ids(data, EDITORS, known.ids[Person], "person"):
                rows.add(
                    Briefing.editors.through(
                        briefing_id=instance.pk, person_id=person_id
                    )
                )
        for key, name in layout.nested:
            child = LAYOUTS[name]
            parent = child.model._meta.get_field(child.parent).attname
            for number, item in enumerate(list_of_objects(data, key)):
                record = decode_record(child, item, number, known, scope, rows)
                setattr(record, parent, instance.pk)
    except Invalid as problem:
        raise Invalid(f"{label}: {problem}") from None
    return instance


def decode_own(layout: Layout, data: dict, known: Known, scope: dict) -> models.Model:
    """The record's own fields as an unsaved model instance; its id made known."""
    extra = ["type"] if layout.name in LINE_TYPES else []
    if layout.name == "briefing":
        extra.append(EDITORS)
    check_keys(layout, data, extra)
    values = {
        f.attname: decode_field(f, data[f.name], known, scope)
        if f.name in data
        else f.get_default()
        for f in layout.fields
    }
    instance = layout.model(**values)
    # Top-level ids are known archive-wide; an article's or claim's within its line
    # (the database refuses duplicates across lines).
    ids = (
        known.ids[layout.model]
        if layout.model in known.ids
        else scope.get(layout.model)
    )
    if layout.keep_id and ids is not None:
        if instance.pk in ids:
            raise Invalid(f"duplicate {LABELS[layout.name]} id {instance.pk}")
        ids.add(instance.pk)
    return instance


LINE_TYPES = ("publication", "person", "topic", "briefing")


def decode_line(data: dict, known: Known, rows: Rows) -> models.Model:
    """A publication, person, topic or briefing line (its type already checked).
    Topics' references to topics are left to the caller: they may point forward."""
    layout = LAYOUTS[data["type"]]
    scope: dict = {Article: set(), Claim: set()}
    if layout.model is Topic:
        scope = {Topic: None}  # checked when the topic section ends
    return decode_record(layout, data, 0, known, scope, rows)
