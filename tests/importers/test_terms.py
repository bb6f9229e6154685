"""Term pairs: the parser finds exactly the pairs a careful reader records, the
importer keeps them as terms with renderings, and nothing is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings.importers import parse_text
from briefings.importers.load import Source, import_briefing
from briefings.importers.terms import find_terms
from briefings.importers.types import ParsedArticle, ParsedBriefing
from briefings.models import Term, TermRendering
from tests.conftest import run_import
from tests.truth import SEEDS_DIR, seed_text

TRUTH = json.loads((Path(__file__).parent / "terms_truth.json").read_text("utf-8"))
EXPECTED = {tuple(pair) for pair in TRUTH["pairs"]}


def seed_pairs() -> set[tuple[str, str, str]]:
    found = set()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        parsed = parse_text(seed_text(path.stem))
        for article in parsed.articles:
            found |= {
                (path.stem[:3], t.chinese, t.english) for t in find_terms(article.body)
            }
    return found


def test_the_seeds_pairs_are_exactly_the_truth():
    assert seed_pairs() == EXPECTED


@pytest.mark.parametrize(
    "text, pairs",
    [
        (
            "Xi pushed common prosperity (共同富裕) again.",
            [("共同富裕", "common prosperity")],
        ),
        (
            "The slogan 共同富裕 (common prosperity) returned.",
            [("共同富裕", "common prosperity")],
        ),
        (
            "He spoke of “新质生产力” (new quality productive forces).",
            [("新质生产力", "new quality productive forces")],
        ),
        (
            "a campaign against “involution” （内卷） among firms",
            [("内卷", "involution")],
        ),
        (
            "The work of the united front (統戰) grew.",
            [("統戰", "united front")],
        ),
        (
            "共同富裕是社会主义的本质要求。\n\nCommon prosperity is an essential "
            "requirement of socialism.",
            [
                (
                    "共同富裕是社会主义的本质要求。",
                    "Common prosperity is an essential requirement of socialism.",
                )
            ],
        ),
        ("Beijing (北京) and (see 上海) later.", [("北京", "Beijing")]),
        ("A link: [商务部新闻发言人答记者问](#) on sanctions.", []),
        ("共同富裕 was mentioned, without a translation.", []),
        ("The document (2023) and the term (共同富裕", []),
        ("共同富裕\n\n共同富裕是目标", []),
        ("共同富裕" * 101 + "\n\nA passage far too long to be kept as a term.", []),
    ],
)
def test_pairs_only_where_the_text_puts_them_together(text, pairs):
    assert [(t.chinese, t.english) for t in find_terms(text)] == pairs


def test_offsets_cover_the_pair():
    text = "Xi pushed common prosperity (共同富裕) again."
    (term,) = find_terms(text)
    assert text[term.start : term.end] == "common prosperity (共同富裕)"


@pytest.mark.django_db
def test_importing_the_seeds_records_every_pair_as_a_rendering():
    report, status = run_import(str(SEEDS_DIR))
    assert status == 0, report["stderr"]
    rows = TermRendering.objects.select_related("article__briefing")
    found = {(r.article.briefing.source_name[:3], r.chinese, r.english) for r in rows}
    assert found == EXPECTED
    term = Term.objects.get(simplified="安洵信息技术有限公司")
    assert term.traditional == "安洵信息技術有限公司"
    assert term.pinyin.startswith("ān xún")
    report, status = run_import(str(SEEDS_DIR))  # again: nothing doubles
    assert TermRendering.objects.count() == len(EXPECTED)


def brief(*bodies: str) -> ParsedBriefing:
    articles = [
        ParsedArticle(title=f"A{n}", body=body, kind="analysis")
        for n, body in enumerate(bodies)
    ]
    return ParsedBriefing(format="generic", publication="Test", articles=articles)


@pytest.mark.django_db
def test_either_script_is_one_term_and_a_merged_term_takes_new_renderings():
    import_briefing(
        brief("the united front (統戰) abroad", "统战 (united front work) at home"),
        Source("a.txt", b"a", "a"),
    )
    (term,) = Term.objects.all()
    assert (term.simplified, term.traditional) == ("统战", "統戰")
    assert term.pinyin == "tǒng zhàn"
    assert sorted(term.renderings.values_list("english", flat=True)) == [
        "united front",
        "united front work",
    ]
    target = Term.objects.create(simplified="统一战线", pinyin="tǒng yī zhàn xiàn")
    term.merged_into = target
    term.save()
    import_briefing(brief("the united front (统战) again"), Source("b.txt", b"b", "b"))
    assert target.renderings.get().english == "united front"


@pytest.mark.django_db
def test_a_corrected_rendering_survives_a_reimport():
    source = Source("c.txt", b"c", "c")
    import_briefing(brief("Xi pushed common prosperity (共同富裕)."), source)
    TermRendering.objects.update(english="common prosperity (corrected)")
    import_briefing(
        brief("Xi pushed common prosperity (共同富裕)."), Source("c.txt", b"d", "d")
    )
    assert TermRendering.objects.get().english == "common prosperity (corrected)"


@pytest.mark.django_db
def test_the_migration_finds_the_pairs_of_articles_already_imported():
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    migration = import_module("briefings.migrations.0016_cjk_folding")
    run_import(str(SEEDS_DIR))
    Term.objects.all().delete()
    migration.find_existing_terms(apps, SimpleNamespace(connection=connection))
    rows = TermRendering.objects.select_related("article__briefing")
    found = {(r.article.briefing.source_name[:3], r.chinese, r.english) for r in rows}
    assert found == EXPECTED
