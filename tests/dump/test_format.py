"""The format's documentation matches the code, and archives from before a field
existed still load."""

from __future__ import annotations

import json
from pathlib import Path

from briefings.dump import restore_archive
from briefings.dump.format import LAYOUTS, sorted_json
from briefings.models import Article

from .conftest import as_bytes, empty_archive, resealed

DOC = Path(__file__).resolve().parents[2] / "docs" / "archive-format.md"


def test_documented_records_list_every_field_in_order():
    doc = DOC.read_text(encoding="utf-8")
    for layout in LAYOUTS.values():
        fields = ", ".join(f"`{name}`" for name in layout.field_names)
        assert f"| {fields} |" in doc, layout.name


def test_json_values_are_written_with_sorted_keys():
    value = {"b": [{"z": 1, "a": 2}], "a": None}
    assert json.dumps(sorted_json(value)) == '{"a": null, "b": [{"a": 2, "z": 1}]}'


def test_a_missing_field_with_a_default_takes_the_default(curated):
    lines = curated.splitlines(keepends=True)
    record = json.loads(lines[-2])
    article = record["articles"][0]
    del article["warnings"], article["is_published"]
    lines[-2] = json.dumps(record, ensure_ascii=False) + "\n"
    empty_archive()
    restore_archive(as_bytes(resealed(lines)))
    loaded = Article.objects.get(pk=article["id"])
    assert loaded.warnings == [] and loaded.is_published is True
