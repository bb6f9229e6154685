"""An archive line with a link to anything but an http, https or mailto address is
refused, naming the line, and the database is left as it was."""

from __future__ import annotations

import json

import pytest

from briefings.dump import ArchiveError, restore_archive

from .conftest import archive_counts, as_bytes, empty_archive, resealed

pytestmark = pytest.mark.django_db


def test_archive_with_a_javascript_link_is_refused_naming_the_line(curated):
    lines = curated.splitlines(keepends=True)
    number = len(lines) - 1  # the last briefing, before the trailer
    record = json.loads(lines[number - 1])
    record["articles"][0]["links"] = [{"title": "x", "url": "javascript:alert(1)"}]
    lines[number - 1] = json.dumps(record, ensure_ascii=False) + "\n"
    empty_archive()
    before = archive_counts()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes(resealed(lines)))
    message = str(caught.value)
    assert message.startswith(f"line {number}: briefing {record['id']}: article ")
    assert message.endswith(
        "field 'links': entry 1: only http, https and mailto addresses may be "
        "stored, not 'javascript:alert(1)'"
    )
    assert archive_counts() == before


def test_archive_with_a_data_evidence_link_is_refused(curated):
    lines = curated.splitlines(keepends=True)
    number, record = next(
        (n, json.loads(line))
        for n, line in enumerate(lines, 1)
        if '"claims":[{' in line.replace(" ", "")
    )
    record["articles"][0]["claims"][0]["evidence_links"] = ["data:,x"]
    lines[number - 1] = json.dumps(record, ensure_ascii=False) + "\n"
    empty_archive()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes(resealed(lines)))
    assert str(caught.value).startswith(f"line {number}: ")
    assert "field 'evidence_links': entry 1: only http, https and mailto" in str(
        caught.value
    )
