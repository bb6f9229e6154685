"""generate_corpus: a deterministic synthetic archive that import_archive loads and
export_archive writes back byte for byte, with the distributions docs/corpus.md
promises."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from briefings.corpus.generate import write_corpus
from briefings.corpus.vocabulary import CHINESE_TERMS, WORDS
from briefings.dump.format import LAYOUTS
from briefings.models import Article, Briefing, Claim, Figure

CJK = re.compile(r"[\u4e00-\u9fff]")
TOKEN = re.compile(r"[A-Za-z0-9]+")


def generate(articles: int, seed: int) -> bytes:
    out = io.BytesIO()
    write_corpus(out, articles, seed)
    return out.getvalue()


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def briefings_of(data: bytes) -> list[dict]:
    return [record for record in records(data) if record["type"] == "briefing"]


def articles_of(data: bytes) -> list[dict]:
    return [article for b in briefings_of(data) for article in b["articles"]]


@pytest.fixture(scope="module")
def sample() -> bytes:
    """2,000 articles: enough for the distributions, fast to make."""
    return generate(2000, 7)


def document_frequency(articles: list[dict], word: str) -> float:
    word = word.lower()
    found = sum(
        1 for a in articles if word in {t.lower() for t in TOKEN.findall(a["body"])}
    )
    return found / len(articles)


def test_same_seed_gives_identical_bytes():
    assert generate(120, 5) == generate(120, 5)


def test_different_seeds_give_different_corpora():
    first, second = generate(120, 5), generate(120, 6)
    assert first != second
    assert (
        briefings_of(first)[0]["articles"][0]["body"]
        != (briefings_of(second)[0]["articles"][0]["body"])
    )


def test_exactly_the_articles_asked_for_in_briefings_of_five_to_fifteen(sample):
    briefings = briefings_of(sample)
    sizes = [len(b["articles"]) for b in briefings]
    assert sum(sizes) == 2000
    assert all(5 <= size <= 15 for size in sizes[:-1])
    # header, publications, people, topics, one briefing, trailer
    assert len(generate(1, 1).splitlines()) == 1 + 12 + 800 + 48 + 1 + 1


def test_the_trailer_counts_what_was_generated(sample):
    trailer = records(sample)[-1]
    assert trailer["type"] == "trailer"
    assert trailer["counts"]["articles"] == 2000
    assert trailer["counts"]["briefings"] == len(briefings_of(sample))


def test_records_carry_the_archive_fields_in_model_order(sample):
    lines = records(sample)
    briefing = next(r for r in lines if r["type"] == "briefing")
    article, layout = briefing["articles"][0], LAYOUTS["article"]
    assert list(briefing) == [
        "type",
        *LAYOUTS["briefing"].field_names,
        "editors",
        "articles",
        "review_items",
    ]
    assert list(article) == [*layout.field_names, "authors", "topics", "claims"]
    claim = next(c for a in briefing["articles"] for c in a["claims"])
    assert list(claim) == [*LAYOUTS["claim"].field_names, "figures"]
    for kind in ("publication", "person", "topic"):
        record = next(r for r in lines if r["type"] == kind)
        assert list(record) == ["type", *LAYOUTS[kind].field_names]


def test_common_words_are_in_about_half_the_bodies_and_tail_words_in_few(sample):
    articles = articles_of(sample)
    for word in WORDS[:4]:
        assert 0.35 < document_frequency(articles, word) < 0.8
    assert document_frequency(articles, WORDS[100]) < 0.35
    assert all(document_frequency(articles, word) < 0.01 for word in WORDS[-5:])


def test_about_two_percent_of_bodies_gloss_a_chinese_term(sample):
    articles = articles_of(sample)
    with_chinese = [a["body"] for a in articles if CJK.search(a["body"])]
    assert 0.008 < len(with_chinese) / len(articles) < 0.04
    written = {term.written.lower() for term in CHINESE_TERMS}
    for body in with_chinese:
        assert any(term in body.lower() for term in written)


def test_publications_are_skewed_and_dates_grow_within_range(sample):
    briefings = briefings_of(sample)
    per_publication = Counter()
    per_year = Counter()
    for briefing in briefings:
        per_publication[briefing["publication"]] += len(briefing["articles"])
        day = dt.date.fromisoformat(briefing["published_on"])
        assert dt.date(2015, 1, 1) <= day <= dt.date(2026, 6, 30)
        per_year[day.year] += len(briefing["articles"])
    sizes = sorted(per_publication.values(), reverse=True)
    assert sizes[0] > 10 * sizes[-1]
    assert per_year[2025] > 2 * per_year[2015]
    days = [b["published_on"] for b in briefings]
    assert days == sorted(days)
    refs = [b["import_ref"] for b in briefings]
    assert len(set(refs)) == len(refs)


def test_claims_and_figures_are_verbatim_spans_of_the_body(sample):
    kinds, words = Counter(), []
    for article in articles_of(sample):
        body = article["body"]
        for claim in article["claims"]:
            kinds[claim["kind"]] += 1
            assert body[claim["start"] : claim["end"]] == claim["text"]
            assert (claim["speaker"] is not None) == (claim["kind"] == "quote")
            for figure in claim["figures"]:
                assert body[figure["start"] : figure["end"]] == figure["text"]
                assert claim["start"] <= figure["start"] < claim["end"]
        words.append(len(body.split()))
        assert 1 <= len(article["authors"]) <= 3
        assert 1 <= len(article["topics"]) <= 4
    assert set(kinds) == {"statistic", "quote", "assertion"}
    # 150-1,200 words drawn; claims written over sentences shift that a little.
    assert min(words) > 100 and max(words) < 1400
    assert 400 < sum(words) / len(words) < 600


@pytest.mark.django_db
def test_import_then_export_gives_the_generated_bytes(tmp_path):
    path, again = tmp_path / "corpus.jsonl", tmp_path / "again.jsonl"
    out = StringIO()
    call_command("generate_corpus", articles=150, seed=3, output=str(path), stdout=out)
    summary = out.getvalue()
    call_command("import_archive", str(path), stdout=StringIO())
    assert f"Generated 150 articles in {Briefing.objects.count()} briefings" in summary
    assert f"with {Claim.objects.count()} claims" in summary
    assert Article.objects.count() == 150
    assert Figure.objects.exists()
    call_command("export_archive", output=str(again), stdout=StringIO())
    assert again.read_bytes() == path.read_bytes()


@pytest.mark.django_db
def test_imported_claims_pass_the_models_span_check(tmp_path):
    path = tmp_path / "corpus.jsonl"
    call_command("generate_corpus", articles=60, seed=4, output=str(path))
    call_command("import_archive", str(path), stdout=StringIO())
    for claim in Claim.objects.select_related("article"):
        claim.clean()  # raises when body[start:end] is not the claim's text


def test_without_output_the_corpus_goes_to_standard_output(capsysbinary):
    err = StringIO()
    call_command("generate_corpus", articles=40, seed=2, stderr=err)
    assert capsysbinary.readouterr().out == generate(40, 2)
    assert err.getvalue().startswith("Generated 40 articles in ")


def test_progress_is_reported_on_standard_error(tmp_path, monkeypatch):
    monkeypatch.setattr("briefings.corpus.generate.PROGRESS_EVERY", 20)
    err = StringIO()
    path = tmp_path / "corpus.jsonl"
    call_command("generate_corpus", articles=50, output=str(path), stderr=err)
    assert err.getvalue().count(" of 50 articles (") == 2


@pytest.mark.parametrize("articles", [0, -5])
def test_fewer_than_one_article_is_a_command_error(articles, tmp_path):
    with pytest.raises(CommandError, match="--articles must be at least 1"):
        call_command("generate_corpus", articles=articles, output=str(tmp_path / "x"))
    assert list(tmp_path.iterdir()) == []


def test_an_output_in_a_missing_folder_is_a_command_error(tmp_path):
    target = tmp_path / "missing" / "corpus.jsonl"
    with pytest.raises(CommandError, match="no such folder"):
        call_command("generate_corpus", articles=5, output=str(target))


def test_a_failed_run_leaves_no_file(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(
        "briefings.management.commands.generate_corpus.write_corpus", fail
    )
    with pytest.raises(OSError):
        call_command("generate_corpus", articles=5, output=str(tmp_path / "c.jsonl"))
    assert list(tmp_path.iterdir()) == []
