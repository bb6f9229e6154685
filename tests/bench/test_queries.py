"""The fixed query mix keeps its promised shape: 30 searches of every kind."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.queries import FACETS, FEATURES, MIX, SEED_MIX, long_tail


@pytest.mark.parametrize("mix", [MIX, SEED_MIX], ids=["corpus", "seeds"])
def test_mix_has_thirty_distinct_searches(mix):
    assert len(mix) == 30
    assert len({query.path() for query in mix}) == 30


@pytest.mark.parametrize("mix", [MIX, SEED_MIX], ids=["corpus", "seeds"])
def test_mix_covers_every_kind_of_search_and_facet(mix):
    kinds = Counter(query.feature for query in mix)
    assert set(kinds) == set(FEATURES)
    assert min(kinds.values()) >= 4
    used = {name for query in mix for name, _ in query.filters}
    assert used == set(FACETS)
    assert {len(query.filters) for query in mix} == {0, 1, 2, 3}
    assert {query.sort for query in mix} == {"", "newest"}


@pytest.mark.parametrize("mix", [MIX, SEED_MIX], ids=["corpus", "seeds"])
def test_mix_words_match_their_kind(mix):
    for query in mix:
        if query.feature == "phrase":
            assert query.q.startswith('"'), query
        if query.feature == "exclusion":
            assert " -" in query.q, query
        if query.feature == "chinese":
            assert any("\u4e00" <= char <= "\u9fff" for char in query.q), query


def test_search_path_carries_query_filters_and_sort():
    query = SEED_MIX[2]
    assert query.path() == (
        "/search/?q=cranes&publication=merics-china-essentials&sort=newest"
    )


def test_hits_are_expected_only_from_the_corpus_size_that_has_them():
    rare = next(query for query in MIX if query.hits_from)
    assert not rare.expects_hits(2_000)
    assert rare.expects_hits(rare.hits_from)
    assert MIX[6].expects_hits(2_000)  # "China"
    assert not any(query.expects_hits(0) for query in SEED_MIX if query.filters)


def test_long_tail_is_two_hundred_distinct_searches_the_same_every_run():
    tail = long_tail()
    assert len(tail) == 200
    assert len({query.path() for query in tail}) == 200
    assert [query.path() for query in tail] == [query.path() for query in long_tail()]
    assert not {query.path() for query in tail} & {query.path() for query in MIX}


def test_long_tail_mixes_words_phrases_names_chinese_and_facets():
    tail = long_tail()
    kinds = Counter(query.feature for query in tail)
    assert set(kinds) == {"rare", "common", "phrase", "name", "chinese"}
    assert min(kinds.values()) >= 30
    assert {len(query.filters) for query in tail} == {0, 1, 2, 3}
    assert {name for query in tail for name, _ in query.filters} == set(FACETS)
    for query in tail:
        if query.feature == "phrase":
            assert query.q.startswith('"') and len(query.q.split()) == 2, query
        if query.feature == "chinese":
            assert any("\u4e00" <= char <= "\u9fff" for char in query.q), query
        assert not query.expects_hits(1_000_000)  # a long tail has misses
