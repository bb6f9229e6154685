"""What a bulk import does besides loading rows: the search
index works right after it, on articles and claims; the vocabulary is the one a
rebuild computes; and a failed import leaves the search index as it was, whether
the load or the building of the index fails."""

from __future__ import annotations

import json
import re

import pytest

from briefings.dump import ArchiveError, restore_archive
from briefings.dump import restore as restore_module
from briefings.models import Article, Claim, SearchWord
from briefings.search import search
from briefings.search.vocabulary import rebuild_vocabulary
from tests import factories

from .conftest import archive_counts, as_bytes, empty_archive, resealed


def longest_word(text: str) -> str:
    return max(re.findall(r"[A-Za-z]{4,}", text), key=len)


def search_index_works() -> bool:
    """A new article and claim are found by their words: the index DDL is in place."""
    article = factories.article("Zephyrine harbours", "Quixotic tariffs on rubidium.")
    factories.claim(article, "Rubidium exports rose sharply.")
    return (
        search(Article.objects.all(), "quixotic").filter(pk=article.pk).exists()
        and search(Claim.objects.all(), "rubidium").exists()
    )


def set_aside_definitions() -> tuple[dict, list]:
    """PostgreSQL's secondary indexes and foreign keys of the loaded tables, which
    an import sets aside and makes again."""
    if restore_module.connection.vendor != "postgresql":
        return {}, []
    tables = restore_module.loaded_tables()
    return (
        restore_module.secondary_indexes(tables),
        restore_module.foreign_keys(tables),
    )


def test_articles_and_claims_are_searchable_right_after_an_import(curated):
    claim = Claim.objects.order_by("id").first()
    word = longest_word(claim.text)
    assert search(Claim.objects.all(), word).filter(pk=claim.pk).exists()
    article = Article.objects.order_by("id").last()
    word = longest_word(article.body)
    assert search(Article.objects.all(), word).filter(pk=article.pk).exists()


def test_imported_vocabulary_is_the_one_a_rebuild_computes(curated):
    imported = set(SearchWord.objects.values_list("word", "length"))
    rebuild_vocabulary(Article.objects.all())
    assert set(SearchWord.objects.values_list("word", "length")) == imported
    assert len(imported) > 100


@pytest.mark.parametrize("dry_run", [False, True])
def test_search_index_is_kept_after_a_failed_import_or_a_dry_run(curated, dry_run):
    lines = curated.splitlines(keepends=True)
    if not dry_run:
        lines[-1] = lines[-1][:100] + "\n"
    empty_archive()
    before = archive_counts()
    definitions = set_aside_definitions()
    try:
        restore_archive(as_bytes("".join(lines)), dry_run=dry_run)
    except ArchiveError:
        assert not dry_run
    assert archive_counts() == before
    assert set_aside_definitions() == definitions
    assert search_index_works()


def test_postgresql_makes_again_the_indexes_and_keys_it_set_aside(curated_text, db):
    if restore_module.connection.vendor != "postgresql":
        pytest.skip("SQLite's index is made by the migration's DDL (test above)")
    indexes, keys = set_aside_definitions()
    assert {"briefings_article_search_idx", "topic_latest_idx"} <= set(indexes)
    assert any(
        table == "briefings_article" and "REFERENCES briefings_briefing(id)" in key
        for table, _, key in keys
    )
    restore_archive(as_bytes(curated_text))
    assert set_aside_definitions() == (indexes, keys)
    assert search_index_works()


def test_a_reference_refused_at_the_end_fails_the_import_and_changes_nothing(
    curated, monkeypatch
):
    """The foreign keys are made again after the load, each checked over its whole
    table: one the rows do not meet stops the import, and rolls it all back."""
    if restore_module.connection.vendor != "postgresql":
        pytest.skip("SQLite's foreign keys are not set aside")
    foreign_keys = restore_module.foreign_keys

    def unmet(tables) -> list[tuple[str, str, str]]:
        # Articles made to refer to a table without rows.
        return [
            (table, name, "FOREIGN KEY (briefing_id) REFERENCES auth_group(id)")
            if table == "briefings_article" and "briefing_id" in definition
            else (table, name, definition)
            for table, name, definition in foreign_keys(tables)
        ]

    empty_archive()
    definitions = set_aside_definitions()
    monkeypatch.setattr(restore_module, "foreign_keys", unmet)
    refused_and_unchanged(
        curated, monkeypatch, "^the archive's references could not be checked: "
    )
    assert set_aside_definitions() == definitions


def test_an_index_that_cannot_be_built_fails_the_import_and_changes_nothing(
    curated, monkeypatch
):
    def broken(vendor: str) -> list[str]:
        return ["CREATE INDEX broken_idx ON no_such_table (id)"]

    def broken_definitions(tables) -> dict[str, str]:
        return {name: broken("postgresql")[0] for name in secondary_indexes(tables)}

    empty_archive()
    SearchWord.objects.all().delete()
    SearchWord.objects.create(word="unchanged", length=9)
    definitions = set_aside_definitions()
    secondary_indexes = restore_module.secondary_indexes
    monkeypatch.setattr(restore_module, "statements", broken)
    monkeypatch.setattr(restore_module, "secondary_indexes", broken_definitions)
    refused_and_unchanged(
        curated, monkeypatch, "^the (search index|indexes) could not be built: "
    )
    assert list(SearchWord.objects.values_list("word", flat=True)) == ["unchanged"]
    assert set_aside_definitions() == definitions


def refused_and_unchanged(curated: str, monkeypatch, failure: str) -> None:
    """The import fails with ``failure``; once what made it fail is undone, the
    archive is still empty and its search index works."""
    with pytest.raises(ArchiveError, match=failure):
        restore_archive(as_bytes(curated))
    monkeypatch.undo()
    assert sum(archive_counts().values()) == 0
    assert search_index_works()


def figures(record: dict) -> list[dict]:
    return [f for a in record["articles"] for c in a["claims"] for f in c["figures"]]


def test_a_refused_line_is_reported_before_a_later_bad_line(curated):
    """On PostgreSQL the database refuses lines in a writer thread, behind the
    reader: the error reported is still the first line's."""
    lines = curated.splitlines(keepends=True)
    numbers = [n for n, line in enumerate(lines) if '"figures":[{' in line]
    earlier, later = numbers[-2], numbers[-1]
    record = json.loads(lines[later])
    figures(record)[0]["id"] = figures(json.loads(lines[earlier]))[0]["id"]
    lines[later] = json.dumps(record, ensure_ascii=False) + "\n"
    lines.append("{oops\n")
    empty_archive()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes("".join(lines)), batch_rows=1)
    assert caught.value.line == later + 1
    assert "the database refused it" in str(caught.value)
    assert sum(archive_counts().values()) == 0


def test_an_archive_from_before_organisations_still_restores(curated_text, db):
    """Person lines without ``kind``, ``family_name`` and ``given_name`` (written
    before they existed) restore as people, and citations still split their names."""
    from briefings.models import Person
    from briefings.pages.citations import cited_name

    old_fields = ("kind", "family_name", "given_name")
    lines = []
    for line in curated_text.splitlines(keepends=True):
        record = json.loads(line)
        if record.get("type") == "person":
            record = {k: v for k, v in record.items() if k not in old_fields}
            line = json.dumps(record, ensure_ascii=False) + "\n"
        lines.append(line)
    restore_archive(as_bytes(resealed(lines)))
    assert set(Person.objects.values_list("kind", flat=True)) == {"person"}
    wang = Person.objects.get(name="Wang Dan")
    assert (wang.family_name, cited_name(wang).inverted) == ("", "Wang, Dan")
