"""The corpus's vocabulary and catalogue: what benchmarks build their queries from."""

from __future__ import annotations

import re

from django.utils.text import slugify

from briefings.corpus.vocabulary import (
    CHINESE_TERMS,
    PEOPLE,
    PUBLICATIONS,
    TOPICS,
    WORDS,
)
from briefings.importers.people import name_key
from briefings.importers.topics import load_taxonomy


def test_words_are_a_few_thousand_distinct_search_tokens():
    assert 3000 <= len(WORDS) <= 5000
    assert len({word.lower() for word in WORDS}) == len(WORDS)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word) for word in WORDS)
    assert WORDS[:4] == ("China", "policy", "government", "economic")


def test_chinese_terms_are_glossed_in_english():
    assert len(CHINESE_TERMS) >= 20
    assert CHINESE_TERMS[0].written == "involution (内卷)"
    assert all(
        re.fullmatch(r"[\u4e00-\u9fff]+", term.chinese) for term in CHINESE_TERMS
    )


def test_topics_are_the_taxonomys_topics():
    taxonomy = load_taxonomy()
    for topic in TOPICS:
        entry = taxonomy[topic.slug]
        assert topic.name == entry.name
        assert topic.parent == entry.parent
        assert topic.group == taxonomy.groups[entry.group].name
    assert 40 <= len(TOPICS) <= 50


def test_people_and_publications_have_distinct_valid_slugs():
    assert len(PEOPLE) == 800
    assert len({person.slug for person in PEOPLE}) == 800
    assert len({name_key(person.name) for person in PEOPLE}) == 800
    assert all(person.slug == slugify(person.slug) for person in PEOPLE)
    assert any(not person.name.isascii() for person in PEOPLE)
    slugs = [spec.slug for spec in PUBLICATIONS]
    assert slugs == [slugify(spec.name) for spec in PUBLICATIONS]
    assert len(set(slugs)) == len(PUBLICATIONS) == 12
