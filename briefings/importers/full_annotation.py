"""Score extracted claims against a full annotation: every claim a careful reader records.

The seeds' truth files list a few notable claims each (recall only). A full
annotation (``all_claims`` in a truth, see docs/evaluation.md) lists every claim of a
text, with its kind, speaker and figures, so that precision can be measured too:

- an annotated claim is found when an extracted claim contains its ``contains``
  phrase and, for a statement over several sentences, its ``through`` phrase (a
  quotation cut into sentences is not found);
- an extracted claim is right when it contains at least one annotated claim;
- speaker and kind accuracy are counted over the annotated claims found;
- an extracted figure is right when an annotated claim inside its claim lists the
  same value (and upper value) and unit; figures of claims no annotation covers are
  wrong;
- a fragment is an extracted claim holding one end of a multi-sentence annotated
  claim but not the other; a pronoun start is a claim that opens with "he", "she",
  "it" or "they" and names no speaker.

Pure Python over the import report's claim dicts (``{"text", "kind", "speaker",
"figures"}``).
"""

from __future__ import annotations

import re

from .text import comparable

# "It is", "It's", "It seems" open a sentence without pointing back at anyone.
PRONOUN_START = re.compile(
    r"^[\"“‘'(]?(?:He|She|They|It)\b(?!\s+(?:is|was|seems|appears)\b|[’']s\b)"
)


def same_amount(found: float | None, expected: float | None) -> bool:
    """Whether two values are equal up to floating-point noise (None only to None)."""
    if found is None or expected is None:
        return found is expected
    return abs(float(found) - float(expected)) <= 1e-9 * max(1.0, abs(expected))


def figure_is(found: dict, expected: dict) -> bool:
    """Whether an extracted figure has the annotated value, upper value and unit."""
    return (
        same_amount(found["value"], expected["value"])
        and same_amount(found.get("value_high"), expected.get("value_high"))
        and found["unit"] == expected.get("unit")
    )


def holds(claim: dict, annotated: dict) -> bool:
    """Whether an extracted claim holds the whole annotated claim."""
    text = comparable(claim["text"])
    ends = [annotated["contains"], annotated.get("through")]
    return all(comparable(end) in text for end in ends if end)


def is_fragment(claim: dict, annotated: dict) -> bool:
    """Whether a claim holds one end of a multi-sentence claim but not the other."""
    through = annotated.get("through")
    if not through:
        return False
    text = comparable(claim["text"])
    start_in = comparable(annotated["contains"]) in text
    end_in = comparable(through) in text
    return start_in != end_in


def starts_with_pronoun(claim: dict) -> bool:
    """Whether a claim opens with a pronoun and names no speaker it could stand for."""
    return not claim.get("speaker") and bool(PRONOUN_START.match(claim["text"]))


def score_claims(claims: list[dict], annotation: list[dict]) -> tuple[dict, list]:
    """Counts for one text's claims against its full annotation, and the problems."""
    counts = dict.fromkeys(COUNT_NAMES, 0)
    problems: list[str] = []
    counts["annotated"], counts["extracted"] = len(annotation), len(claims)
    for annotated in annotation:
        _score_annotated(claims, annotated, counts, problems)
    for claim in claims:
        _score_extracted(claim, annotation, counts, problems)
    return counts, problems


def _score_annotated(claims, annotated, counts, problems) -> None:
    phrase = annotated["contains"]
    near = [claim for claim in claims if holds(claim, annotated)]
    figures = annotated.get("figures", [])
    counts["figures_annotated"] += len(figures)
    if not near:
        problems.append(f"claim missed: {phrase!r}")
        return
    counts["found"] += 1
    speaker = annotated.get("speaker")
    if any(comparable(c["speaker"]) == comparable(speaker) for c in near):
        counts["speaker_right"] += 1
    else:
        found = sorted({str(c["speaker"]) for c in near})
        problems.append(f"speaker: {phrase!r} is {speaker!r}, found {found}")
    if any(c["kind"] == annotated["kind"] for c in near):
        counts["kind_right"] += 1
    else:
        found = sorted({c["kind"] for c in near})
        problems.append(f"kind: {phrase!r} is {annotated['kind']}, found {found}")
    for figure in figures:
        if any(figure_is(f, figure) for c in near for f in c["figures"]):
            counts["figures_found"] += 1
        else:
            problems.append(f"figure missed: {phrase!r} {figure}")


def _score_extracted(claim, annotation, counts, problems) -> None:
    inside = [a for a in annotation if holds(claim, a)]
    counts["right"] += bool(inside)
    text = claim["text"]
    if not inside:
        problems.append(f"not a claim: {text[:90]!r}")
    expected = [figure for a in inside for figure in a.get("figures", [])]
    for found in claim["figures"]:
        counts["figures_extracted"] += 1
        if any(figure_is(found, figure) for figure in expected):
            counts["figures_right"] += 1
        elif inside:
            problems.append(f"not a figure: {found['text']!r} in {text[:60]!r}")
    if any(is_fragment(claim, a) for a in annotation):
        counts["fragments"] += 1
        problems.append(f"fragment of a longer statement: {text[:90]!r}")
    if starts_with_pronoun(claim):
        counts["pronoun_starts"] += 1
        problems.append(f"starts with an unresolved pronoun: {text[:90]!r}")


COUNT_NAMES = (
    "annotated",
    "found",
    "extracted",
    "right",
    "speaker_right",
    "kind_right",
    "figures_annotated",
    "figures_found",
    "figures_extracted",
    "figures_right",
    "fragments",
    "pronoun_starts",
)
