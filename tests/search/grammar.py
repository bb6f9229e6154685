"""Queries generated from the documented query language, and what a search finds.

Shared by the differential test and the SQLite process it compares against
(tests/search/sqlite_oracle.py). Words come from the seeds, so most generated
queries find something, mixed with invented words, CJK text, punctuation, stray
quotes and unbalanced parentheses.
"""

from __future__ import annotations

from hypothesis import strategies as st

from briefings.models import Article, Claim
from briefings.search import search
from briefings.search.query import CJK_RUN, WORD
from tests.truth import SEEDS_DIR

SEED_TEXT = "\n".join(p.read_text() for p in sorted(SEEDS_DIR.glob("*.txt")))
SEED_WORDS = sorted(set(WORD.findall(SEED_TEXT)))
SEED_CJK = sorted(set(CJK_RUN.findall(SEED_TEXT)))
PUNCTUATION = list("!#$%&'*+,./:;<=>?@[\\]^_`{|}~-") + ["’", "。", "，", "、", "…"]
QUOTES = ['"', "“", "”", "«", "»", "「", "」", "＂"]


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, word.lower(), word.upper(), word.title()])


seed_word = st.sampled_from(SEED_WORDS).flatmap(_cased)
invented_word = st.text(
    "abcdefghijklmnopqrstuvwxyzéüß0123456789", min_size=1, max_size=8
)
cjk = st.one_of(
    st.sampled_from(SEED_CJK).flatmap(
        lambda run: st.integers(0, len(run) - 1).flatmap(
            lambda start: st.integers(start + 1, len(run)).map(
                lambda end: run[start:end]
            )
        )
    ),
    st.text(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
        min_size=1,
        max_size=3,
    ),
)
punctuated = st.tuples(
    st.sampled_from(PUNCTUATION), seed_word, st.sampled_from(PUNCTUATION + [""])
).map(lambda parts: "".join(parts))
word = st.one_of(
    seed_word,
    seed_word,
    seed_word,
    invented_word,
    cjk,
    punctuated,
    st.sampled_from(["OR", "or", "AND", "NOT", "NEAR", "the", "of", "*", "^"]),
)
phrase = st.lists(
    st.one_of(seed_word, seed_word, cjk, invented_word), min_size=1, max_size=4
).flatmap(
    lambda words: st.sampled_from(['"', '"', "“"]).flatmap(
        lambda opening: st.sampled_from(['"', '"', "”", ""]).map(
            lambda closing: opening + " ".join(words) + closing
        )
    )
)
atom = st.one_of(word, word, phrase)
negated = atom.map(lambda text: "-" + text)
alternatives = st.lists(atom, min_size=2, max_size=4).map(" OR ".join)
group = st.tuples(
    st.sampled_from(["(", "(", ""]), alternatives, st.sampled_from([")", ")", ""])
).map("".join)
clause = st.one_of(
    atom,
    atom,
    atom,
    negated,
    alternatives,
    group,
    st.sampled_from(QUOTES + ["(", ")", "-", "OR"]),
)
query = st.lists(clause, min_size=1, max_size=6).flatmap(
    lambda clauses: st.sampled_from([" ", " ", "  ", ""]).map(
        lambda sep: sep.join(clauses)
    )
)


def hits(text: str) -> dict[str, list[str]]:
    """What the public search finds for ``text``: article and claim keys that are the
    same in every database (ids are not), rank and headline computed as a page would."""
    articles = search(Article.objects.all(), text)
    claims = search(Claim.objects.all(), text)
    return {
        "articles": keys(articles, "briefing__import_ref", "position"),
        "claims": keys(
            claims, "article__briefing__import_ref", "article__position", "position"
        ),
    }


def keys(results, *fields: str) -> list[str]:
    ranked = ("rank", "headline_raw") if "rank" in results.query.annotations else ()
    rows = results.values_list(*fields, *ranked)
    return sorted("#".join(str(value) for value in row[: len(fields)]) for row in rows)
