"""A bad archive stops the import with the line and the reason, and leaves the
database exactly as it was (all or nothing)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from briefings.dump import ArchiveError, NotEmpty, restore_archive
from briefings.models import SearchWord

from .conftest import archive_counts, as_bytes, empty_archive


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def change_last(change: Callable[[dict], object]) -> Callable[[list[str]], int]:
    """Corrupt the last briefing line, before the trailer (so earlier lines were
    already written)."""

    def corrupt(lines: list[str]) -> int:
        record = json.loads(lines[-2])
        change(record)
        lines[-2] = dumps(record)
        return len(lines) - 1

    return corrupt


def first_article(record: dict) -> dict:
    return record["articles"][0]


def truncate_last(lines: list[str]) -> int:
    lines[-2] = lines[-2][:200] + "\n"
    return len(lines) - 1


def next_version(lines: list[str]) -> int:
    lines[0] = dumps({**json.loads(lines[0]), "version": 3})
    return 1


def repeat_an_article_id(lines: list[str]) -> int:
    earlier = json.loads(lines[-3])["articles"][0]["id"]
    return change_last(lambda r: first_article(r).update(id=earlier))(lines)


def person_after_topics(lines: list[str]) -> int:
    person = next(line for line in lines if '"type":"person"' in line)
    lines.insert(len(lines) - 2, person)
    return len(lines) - 2


def line_after_trailer(lines: list[str]) -> int:
    lines.append(lines[-2])
    return len(lines)


CASES = {
    "bad JSON": (truncate_last, "not valid JSON"),
    "missing field": (
        change_last(lambda r: first_article(r).pop("title")),
        "field 'title' is missing",
    ),
    "wrong type": (
        change_last(lambda r: r.update(published_on=20240101)),
        "field 'published_on' must be a date (YYYY-MM-DD), not 20240101",
    ),
    "unknown topic": (
        change_last(
            lambda r: first_article(r).update(
                topics=[{"topic": 99999, "score": 0.5, "is_manual": False}]
            )
        ),
        "topic link #1: field 'topic' refers to unknown topic id 99999",
    ),
    "unknown editor": (
        change_last(lambda r: r.update(editors=[424242])),
        "field 'editors' refers to unknown person id 424242",
    ),
    "unknown choice": (
        change_last(lambda r: first_article(r).update(kind="poem")),
        "field 'kind' must be one of",
    ),
    "unknown field": (
        change_last(lambda r: r.update(colour="red")),
        "unknown field 'colour'",
    ),
    "unknown version": (next_version, "archive version 3 is not supported"),
    "duplicate id": (repeat_an_article_id, "the database refused it"),
    "sections out of order": (person_after_topics, "a person line after"),
    "line after the trailer": (line_after_trailer, "a line after the trailer"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_line_names_the_line_and_changes_nothing(curated, case):
    corrupt, expected = CASES[case]
    lines = curated.splitlines(keepends=True)
    empty_archive()
    SearchWord.objects.all().delete()
    SearchWord.objects.create(word="unchanged", length=9)
    before = archive_counts()
    number = corrupt(lines)
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes("".join(lines)), batch_rows=1)
    assert caught.value.line == number
    assert str(caught.value).startswith(f"line {number}: ")
    assert expected in str(caught.value)
    assert archive_counts() == before
    assert list(SearchWord.objects.values_list("word", flat=True)) == ["unchanged"]


def test_message_names_the_record_inside_the_line(curated):
    lines = curated.splitlines(keepends=True)
    record = json.loads(lines[-2])
    article = record["articles"][0]
    article["topics"] = [{"topic": 99999, "score": 0.5, "is_manual": False}]
    lines[-2] = dumps(record)
    empty_archive()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes("".join(lines)))
    assert str(caught.value) == (
        f"line {len(lines) - 1}: briefing {record['id']}: article {article['id']}: "
        "topic link #1: field 'topic' refers to unknown topic id 99999"
    )


def test_topic_may_refer_forward_but_not_to_a_missing_topic(curated):
    lines = curated.splitlines(keepends=True)
    number, line = next(
        (n, line) for n, line in enumerate(lines, 1) if '"type":"topic"' in line
    )
    lines[number - 1] = dumps({**json.loads(line), "parent": 77777})
    empty_archive()
    with pytest.raises(ArchiveError, match=f"^line {number}: topic .*77777"):
        restore_archive(as_bytes("".join(lines)))
    assert sum(archive_counts().values()) == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "line 1: the file is empty"),
        ('{"type":"briefing"}\n', "line 1: not a china-briefings-archive file"),
        ("[1, 2]\n", "line 1: not a JSON object"),
        (b"\xff\xfe{}\n", "line 1: not UTF-8 text"),
    ],
)
def test_files_that_are_not_archives_are_refused(db, text, expected):
    raw = text if isinstance(text, bytes) else text.encode()
    with pytest.raises(ArchiveError, match=f"^{expected}"):
        restore_archive(raw.splitlines(keepends=True))


def test_import_refuses_a_database_that_is_not_empty(curated):
    before = archive_counts()
    with pytest.raises(NotEmpty, match="already holds records .*5 briefings"):
        restore_archive(as_bytes(curated))
    assert archive_counts() == before
