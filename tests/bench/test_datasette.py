"""How our searches are put to Datasette."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from bench.datasette import Checker, fts_expression, metadata, search_path
from bench.queries import Query


def test_fts_expression_quotes_words_and_phrases_and_negates_exclusions():
    text = 'sanctions "export control" -chips -"rare earths" 内卷'
    assert fts_expression(text) == (
        '"sanctions" "export control" "内卷" NOT "chips" NOT "rare earths"'
    )


def test_fts_expression_doubles_a_stray_quote_inside_a_word():
    assert fts_expression('a"b') == '"a""b"'


def test_search_path_translates_filters_sort_and_asks_for_three_facets():
    query = Query(
        "common",
        "trade -tariffs",
        (("kind", "analysis"), ("year", "2023"), ("topic", "trade")),
        "newest",
    )
    parts = urlsplit(search_path("archive-1000", query))
    params = parse_qsl(parts.query)
    assert parts.path == "/archive-1000/briefings_article"
    assert ("_search", '"trade" NOT "tariffs"') in params
    assert ("_searchmode", "raw") in params
    assert ("kind", "analysis") in params
    wheres = [value for key, value in params if key == "_where"]
    assert any("'2023-01-01'" in w and "'2024-01-01'" in w for w in wheres)
    assert any("t.slug = 'trade'" in w for w in wheres)
    assert ("_sort_desc", "id") in params
    assert [v for k, v in params if k == "_facet"] == ["kind", "section", "outlet"]
    assert ("_size", "20") in params


def test_where_values_are_sql_quoted():
    query = Query("rare", "x", (("author", "o'brien"),))
    params = parse_qsl(urlsplit(search_path("db", query)).query)
    assert any("'o''brien'" in value for key, value in params if key == "_where")


def test_metadata_names_our_fts_table():
    table = metadata("archive-1000")["databases"]["archive-1000"]["tables"]
    assert table["briefings_article"] == {
        "fts_table": "briefings_article_fts",
        "fts_pk": "id",
    }


def test_checker_counts_only_bad_statuses_as_errors_and_notes_the_rest():
    checker = Checker({"/s": True})
    assert checker("/s", 500, b"") == "/s: HTTP 500"
    page = b"<h3>0 rows where search matches</h3><p>These facets timed out: section</p>"
    assert checker("/s", 200, page) is None
    assert checker("/s", 200, b"<h3>1,234 rows</h3>") is None
    assert checker.notes == {"facet_timeouts": 1, "empty_results": 1}
