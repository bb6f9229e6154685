"""Import fuzzing: whatever bytes arrive, a clear outcome and a consistent database."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.importers import parse_text
from briefings.importers.decode import SourceError, decode_bytes
from briefings.models import Article, Briefing, Claim
from tests.conftest import run_import
from tests.truth import SEED_STEMS, SEEDS_DIR

SEED_BYTES = [(SEEDS_DIR / f"{stem}.txt").read_bytes() for stem in SEED_STEMS]
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def mangled_seed():
    """A seed cut, spliced, re-encoded or stuffed with a huge line."""
    seed = st.sampled_from(SEED_BYTES)
    return st.one_of(
        st.tuples(seed, st.integers(0, 30_000)).map(lambda t: t[0][: t[1]]),
        st.tuples(seed, st.binary(max_size=200), st.integers(0, 30_000)).map(
            lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
        ),
        seed.map(lambda b: b.decode("utf-8").encode("utf-16")),
        seed.map(lambda b: b.decode("utf-8").encode("cp1252", errors="replace")),
        seed.map(lambda b: b + b"x" * 100_000 + b"\n"),
    )


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes_decode_or_fail_with_a_reason(data):
    try:
        text = decode_bytes(data)
    except SourceError as error:
        assert str(error).split(":")[0] in {"binary file", "undecodable"}
    else:
        assert isinstance(text, str)


@FUZZ
@given(mangled_seed())
def test_parser_never_crashes_on_mangled_seeds(data):
    try:
        text = decode_bytes(data)
        briefing = parse_text(text)
    except SourceError:
        return
    for article in briefing.articles:
        for claim in article.claims:
            assert article.body[claim.start : claim.end] == claim.text


@pytest.mark.django_db
@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), mangled_seed()))
def test_import_either_succeeds_or_leaves_the_database_unchanged(tmp_path, data):
    before = (Briefing.objects.count(), Article.objects.count(), Claim.objects.count())
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    report, status = run_import(str(path))
    [entry] = report["files"]
    if status:
        assert entry["status"] == "failed" and entry["error"]
        assert str(path) in report["stderr"]
        after = (
            Briefing.objects.count(),
            Article.objects.count(),
            Claim.objects.count(),
        )
        assert after == before
    else:
        assert entry["status"] in {"created", "updated", "unchanged"}
    Briefing.objects.all().delete()
