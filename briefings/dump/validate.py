"""Reading archive lines: JSON in, checked rows out, or a clear problem.

Every line is checked before anything is written from it: valid JSON, a known type
in its section's place, exactly the fields the layout names, each of the right type
(and length, range, choice), and every reference to a publication, person or topic
known from an earlier line (topics may refer to topics on later lines: those
references are checked when the topic section ends). A problem raises ``Invalid``
naming the record and the field; the reader adds the line number.

Each layout's checks are put together once per import (``Decoder``): one small
function per field that checks a value and returns it as the database takes it, so
a line becomes plain rows of values (lists in column order), not model instances.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

from ..models import Article, Briefing, Claim, Person, Publication, Topic
from .format import (
    EDITORS,
    FORMAT,
    HEADER,
    LAYOUTS,
    READABLE_VERSIONS,
    TRAILER,
    Layout,
    is_user,
)

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
LINE_TYPES = ("publication", "person", "topic", "briefing")
EDITOR_LINKS = Briefing.editors.through

# A field's check: (value, known, scope) -> the value as the database takes it.
Check = Callable[[Any, "Known", dict], Any]


class Invalid(Exception):
    """A problem with one line's content; the reader names the line."""


@dataclass
class Rows:
    """The rows one line adds, by model, in the order they are read; each row is
    a list of values in its model's ``Decoder.columns`` order."""

    line: int
    tables: dict[type[models.Model], list[list]] = field(default_factory=dict)
    size: int = 0

    def add(self, model: type[models.Model], row: list) -> None:
        self.tables.setdefault(model, []).append(row)
        self.size += 1


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


def check_header(data: dict) -> int:
    """The first line: this format, a version this code reads; the version."""
    if data.get("type") != "archive" or data.get("format") != FORMAT:
        raise Invalid(
            f"not a {FORMAT} file: the first line must be {json.dumps(HEADER)}"
        )
    version = data.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = " and ".join(str(number) for number in READABLE_VERSIONS)
        raise Invalid(
            f"archive version {json.dumps(version)} is not supported "
            f"(this program reads versions {readable})"
        )
    unknown = sorted(set(data) - set(HEADER))
    if unknown:
        raise Invalid(f"unknown header field '{unknown[0]}'")
    return version


def check_trailer(data: dict, sha256: str, counts: dict[str, int]) -> None:
    """The last line: the checksum and record counts of the lines before it."""
    fields = ["type", "counts", "sha256"]
    if sorted(data) != sorted(fields) or not isinstance(data["counts"], dict):
        raise Invalid(f"a {TRAILER} line has exactly the fields {', '.join(fields)}")
    if data["sha256"] != sha256:
        raise Invalid(
            "the trailer's checksum does not match the lines before it: the file "
            "was changed or damaged after it was written"
        )
    for name, count in counts.items():
        stated = data["counts"].get(name)
        if stated != count or isinstance(stated, bool):
            raise Invalid(
                f"the trailer counts {json.dumps(stated)} {name.replace('_', ' ')}, "
                f"the lines before it hold {count:,}"
            )
    unknown = sorted(set(data["counts"]) - set(counts))
    if unknown:
        raise Invalid(f"the trailer counts unknown records '{unknown[0]}'")


def type_error(f: models.Field, expected: str, value: Any) -> Invalid:
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return Invalid(f"field '{f.name}' must be {expected}, not {shown}")


def integer_check(f: models.Field) -> Callable[[Any], int]:
    """An integer within the column's range."""
    target = f.target_field if f.is_relation else f
    low, high = connection.ops.integer_field_range(target.get_internal_type())
    low = float("-inf") if low is None else low
    high = float("inf") if high is None else high

    def check(value: Any) -> int:
        # The exact class first (fast); bool is a subclass of int, not an integer.
        if value.__class__ is not int and (
            not isinstance(value, int) or isinstance(value, bool)
        ):
            raise type_error(f, "an integer", value)
        if value < low or value > high:
            raise Invalid(f"field '{f.name}' is out of range: {value}")
        return value

    return check


def text_check(f: models.Field) -> Callable[[Any], str]:
    """A string that fits the column (PostgreSQL cannot store NUL characters)."""
    limit = f.max_length or 0
    no_nul = connection.vendor == "postgresql"

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise type_error(f, "a string", value)
        if limit and len(value) > limit:
            raise Invalid(f"field '{f.name}' is longer than {limit} characters")
        if no_nul and "\x00" in value:
            raise Invalid(
                f"field '{f.name}' has a NUL character (PostgreSQL cannot store it)"
            )
        return value

    return check


def moment_check(f: models.Field) -> Callable[[Any], Any]:
    """An ISO 8601 date, or date and time with a UTC offset, as the database takes it."""
    if isinstance(f, models.DateTimeField):
        expected = "a date and time with a UTC offset (ISO 8601)"
        parse, adapt = (
            dt.datetime.fromisoformat,
            connection.ops.adapt_datetimefield_value,
        )
    else:
        expected = "a date (YYYY-MM-DD)"
        parse, adapt = dt.date.fromisoformat, connection.ops.adapt_datefield_value

    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise type_error(f, expected, value)
        try:
            moment = parse(value)
        except ValueError:
            raise type_error(f, expected, value) from None
        if isinstance(moment, dt.datetime) and moment.tzinfo is None:
            raise type_error(f, expected, value)
        return adapt(moment)

    return check


def plain_check(f: models.Field) -> Callable[[Any], Any]:
    """A non-null value of a field that is not a reference."""
    if isinstance(f, models.JSONField):
        adapt, encoder = connection.ops.adapt_json_value, f.encoder
        return lambda value: adapt(value, encoder)
    if isinstance(f, models.BooleanField):

        def boolean(value: Any) -> bool:
            if value is not True and value is not False:
                raise type_error(f, "true or false", value)
            return value

        return boolean
    if isinstance(f, models.DateField):  # DateTimeField too
        return moment_check(f)
    if isinstance(f, models.FloatField):

        def number(value: Any) -> float:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise type_error(f, "a number", value)
            return float(value)

        return number
    if isinstance(f, models.IntegerField):  # the id fields too
        return integer_check(f)
    return text_check(f)


def choice_check(f: models.Field, check: Callable[[Any], Any]) -> Callable:
    """``check``, then one of the field's choices."""
    allowed = {choice for choice, _ in f.flatchoices}
    shown = ", ".join(str(choice) for choice, _ in f.flatchoices)

    def choice(value: Any) -> Any:
        value = check(value)
        if value not in allowed:
            raise Invalid(f"field '{f.name}' must be one of {shown}, not {value!r}")
        return value

    return choice


def field_check(f: models.Field) -> Check:
    """The check of one field: null, then a username, a reference or a plain value."""
    null, name = f.null, f.name

    def not_null() -> None:
        if not null:
            raise Invalid(f"field '{name}' must not be null")

    if is_user(f):

        def user(value: Any, known: Known, scope: dict) -> int | None:
            if value is None:
                return not_null()
            if not isinstance(value, str):
                raise type_error(f, "a username", value)
            return known.users.get(value)  # unknown users become null (documented)

        return user
    if f.is_relation:
        integer, model = integer_check(f), f.related_model
        noun = MODEL_NOUNS.get(model, model._meta.model_name)

        def reference(value: Any, known: Known, scope: dict) -> int | None:
            if value is None:
                return not_null()
            value = integer(value)
            ids = scope.get(model, known.ids.get(model))
            if ids is not None and value not in ids:
                raise Invalid(f"field '{name}' refers to unknown {noun} id {value}")
            return value

        return reference
    check = plain_check(f)
    if f.choices:
        check = choice_check(f, check)

    def plain(value: Any, known: Known, scope: dict) -> Any:
        if value is None:
            return not_null()
        return check(value)

    return plain


class Decoder:
    """One layout's checks, put together once: a record in, a row of values out."""

    def __init__(self, layout: Layout) -> None:
        self.layout, self.model, self.label = layout, layout.model, LABELS[layout.name]
        extra = ["type"] if layout.name in LINE_TYPES else []
        if layout.name == "briefing":
            extra.append(EDITORS)
        self.expected = [
            *layout.field_names,
            *extra,
            *(key for key, _ in layout.nested),
        ]
        self.expected_set = frozenset(self.expected)
        self.optional = {f.name for f in layout.fields if f.has_default()}
        self.fields = layout.fields
        self.checks = [(f.name, field_check(f)) for f in layout.fields]
        # The enclosing record's id comes first, then the layout's fields.
        parent = [layout.model._meta.get_field(layout.parent)] if layout.parent else []
        self.columns = [f.column for f in (*parent, *layout.fields)]
        self.pk_index = (
            len(parent) + layout.field_names.index("id") if layout.keep_id else -1
        )
        self.nested: list[tuple[str, Decoder]] = []  # filled in by ``decoders()``

    def check_keys(self, data: dict) -> None:
        """Exactly the layout's fields and nested lists. A field with a model
        default may be missing: the archive was written before it existed."""
        if data.keys() == self.expected_set:
            return
        for name in self.expected:
            if name not in data and name not in self.optional:
                raise Invalid(f"field '{name}' is missing")
        unknown = [name for name in data if name not in self.expected_set]
        if unknown:
            raise Invalid(f"unknown field '{unknown[0]}'")

    def row(self, data: dict, parent: list, known: Known, scope: dict) -> list:
        """The record's own fields as a row (after ``parent``); keys checked first."""
        self.check_keys(data)
        if len(data) == len(self.expected):  # every field present
            return parent + [
                check(data[name], known, scope) for name, check in self.checks
            ]
        row = list(parent)
        for f, (name, check) in zip(self.fields, self.checks, strict=True):
            if name in data:
                row.append(check(data[name], known, scope))
            else:
                row.append(f.get_db_prep_save(f.get_default(), connection))
        return row


def decoders() -> dict[str, Decoder]:
    """Every layout's decoder, for the current database, by layout name."""
    found = {name: Decoder(layout) for name, layout in LAYOUTS.items()}
    for decoder in found.values():
        decoder.nested = [(key, found[name]) for key, name in decoder.layout.nested]
    return found


def label_of(decoder: Decoder, data: dict, index: int) -> str:
    """How a message names the record: by its id, else by its place in the list."""
    ident = data.get("id") if decoder.layout.keep_id else None
    if isinstance(ident, int) and not isinstance(ident, bool):
        return f"{decoder.label} {ident}"
    return f"{decoder.label} #{index + 1}"


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
    decoder: Decoder,
    data: dict,
    index: int,
    parent: list,
    known: Known,
    scope: dict,
    rows: Rows,
) -> list:
    """One record and, recursively, the records nested in it, added to ``rows``."""
    try:
        row = decoder.row(data, parent, known, scope)
        rows.add(decoder.model, row)
        if decoder.pk_index >= 0:
            remember(decoder, row[decoder.pk_index], known, scope)
        if decoder.model is Briefing:
            for person in list_of_ids(data, EDITORS, known.ids[Person], "person"):
                rows.add(EDITOR_LINKS, [row[decoder.pk_index], person])
        for key, child in decoder.nested:
            link = [row[decoder.pk_index]]
            for number, item in enumerate(list_of_objects(data, key)):
                decode_record(child, item, number, link, known, scope, rows)
    except Invalid as problem:
        raise Invalid(f"{label_of(decoder, data, index)}: {problem}") from None
    return row


def remember(decoder: Decoder, pk: int, known: Known, scope: dict) -> None:
    """Make a record's id known. Top-level ids are known archive-wide; an article's
    or claim's within its line (the database refuses duplicates across lines)."""
    model = decoder.model
    ids = known.ids[model] if model in known.ids else scope.get(model)
    if ids is not None:
        if pk in ids:
            raise Invalid(f"duplicate {decoder.label} id {pk}")
        ids.add(pk)


def decode_line(
    data: dict, decoders: dict[str, Decoder], known: Known, rows: Rows
) -> list:
    """A publication, person, topic or briefing line (its type already checked): its
    row. Topics' references to topics are left to the caller: they may point forward."""
    decoder = decoders[data["type"]]
    scope: dict = {Article: set(), Claim: set()}
    if decoder.model is Topic:
        scope = {Topic: None}  # checked when the topic section ends
    return decode_record(decoder, data, 0, [], known, scope, rows)
