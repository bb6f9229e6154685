"""Measure the importer against hand-checked ground truth (the format of docs/evaluation.md).

Pure Python: a text is parsed with ``parse_text`` and compared with its truth JSON
(see ``docs/evaluation.md`` for the format and what every number means). Texts are
compared as docs/evaluation.md says: Unicode NFKC, straight quotes for curly
ones, collapsed white space and case folding (``comparable``).

- Briefing fields: publication, issue, date, title (and editors where the truth lists
  them): how many are right.
- Articles: truth articles are matched to parsed ones by title (or alternate title),
  then by position; each field (title, authors, outlet, date, section) gets a
  precision (right values / values the importer gave) and a recall (right values /
  values the truth holds). A value where the truth has null lowers precision.
- Claims: a truth claim is found when an extracted claim's sentence contains its
  phrase; its figure when such a claim has a figure of the same value and unit; its
  speaker when such a claim names the same speaker (null for null).
- Figure precision: over every pair (extracted claim, truth claim whose phrase the
  claim contains), the share where the claim's figures are right: they include the
  truth figure (value and unit), or, for a truth claim without a figure, none of the
  claim's figures lies inside the truth phrase (figures elsewhere in the sentence are
  judged by other truth claims, not this one).
- Claims on headings, captions and link lists: claims whose sentence is (part of) a
  title, subheading, caption or list entry, claims in a link list and claims holding a
  URL. There should be none.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, fields

from . import parse_text
from .decode import SourceError
from .full_annotation import score_claims
from .report import briefing_report
from .text import comparable
from .types import ParsedArticle, ParsedBriefing

BRIEFING_FIELDS = ("publication", "issue", "date", "title", "editors")
ARTICLE_FIELDS = ("title", "authors", "outlet", "date", "section")
MIN_SHARED_TITLE_WORDS = 0.5  # articles matched by position must share this much
MIN_GLUED_HEADING_WORDS = 3  # a heading glued before a sentence ("Subheading It ...")
URL_MARKERS = ("http://", "https://", "www.")


# --- comparing values ---------------------------------------------------------------


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two texts are the same once normalised (null equals empty)."""
    return comparable(a) == comparable(b)


def same_names(found: list[str], expected: list[str]) -> bool:
    """Whether two lists of names are the same, in order, once normalised."""
    return [comparable(n) for n in found] == [comparable(n) for n in expected]


def same_value(found: float, expected: float) -> bool:
    """Whether two figure values are equal (up to floating-point noise)."""
    return math.isclose(float(found), float(expected), rel_tol=1e-9, abs_tol=1e-9)


def same_figure(found: dict, expected: dict) -> bool:
    """Whether a report figure has the truth figure's value and unit."""
    return same_value(found["value"], expected["value"]) and (
        found["unit"] == expected["unit"]
    )


def contains_phrase(claim: dict, truth_claim: dict) -> bool:
    """Whether a report claim's sentence contains the truth claim's phrase."""
    return comparable(truth_claim["contains"]) in comparable(claim["text"])


def claim_matches(claim: dict, truth_claim: dict) -> bool:
    """Whether a report claim (``{"text", "speaker", "figures"}``) is the truth claim."""
    if not contains_phrase(claim, truth_claim):
        return False
    if not same_text(claim.get("speaker"), truth_claim.get("speaker")):
        return False
    figure = truth_claim.get("figure")
    if figure is None:
        return True
    return any(same_figure(found, figure) for found in claim["figures"])


def figures_are_right(claim: dict, truth_claim: dict) -> bool:
    """Whether a claim's figures are right for a truth claim it contains (see above)."""
    figure = truth_claim.get("figure")
    if figure is not None:
        return any(same_figure(found, figure) for found in claim["figures"])
    phrase = comparable(truth_claim["contains"])
    return not any(comparable(found["text"]) in phrase for found in claim["figures"])


def same_field(name: str, found, expected) -> bool:
    """Whether an article or briefing field agrees with the truth."""
    if name in ("authors", "editors"):
        return same_names(found or [], expected or [])
    if name == "issue":
        return found == expected
    return same_text(found, expected)


def has_value(value) -> bool:
    """Whether a field holds something (not null, empty or an empty list)."""
    return value not in (None, "", [])


# --- tallies --------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts behind every score; tallies of several files add up."""

    briefing_compared: int = 0
    briefing_right: int = 0
    articles_truth: int = 0
    articles_found: int = 0
    articles_matched: int = 0
    field_right: Counter = field(default_factory=Counter)  # both non-empty and equal
    field_found: Counter = field(default_factory=Counter)  # non-empty parsed values
    field_expected: Counter = field(default_factory=Counter)  # non-empty truth values
    field_agree: Counter = field(default_factory=Counter)  # equal, null for null
    claims_truth: int = 0
    claims_found: int = 0
    claims_complete: int = 0  # found with figure, unit and speaker
    figures_truth: int = 0
    figures_found: int = 0
    speakers_found: int = 0
    figure_pairs: int = 0
    figure_pairs_right: int = 0
    claims_extracted: int = 0
    claims_on_headings: int = 0
    full: Counter = field(default_factory=Counter)  # see ``full_annotation``
    problems: list[str] = field(default_factory=list)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self))
        )


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to measure."""
    return round(part / whole, 4) if whole else None


def scores(tally: Tally) -> dict:
    """The scores of a tally, as the command prints and ``--json`` returns them."""
    t = tally
    field_scores = {
        name: {
            "precision": ratio(t.field_right[name], t.field_found[name]),
            "recall": ratio(t.field_right[name], t.field_expected[name]),
            "accuracy": ratio(t.field_agree[name], t.articles_matched),
        }
        for name in ARTICLE_FIELDS
    }
    return {
        "briefing": {
            "right": t.briefing_right,
            "compared": t.briefing_compared,
            "accuracy": ratio(t.briefing_right, t.briefing_compared),
        },
        "articles": {
            "truth": t.articles_truth,
            "found": t.articles_found,
            "matched": t.articles_matched,
            "fields": field_scores,
        },
        "claims": _claim_scores(t),
        "full": full_scores(t.full),
    }


def full_scores(full: Counter) -> dict:
    """Scores against the full annotation (``full_annotation``); None without one."""
    return {
        "annotated": full["annotated"],
        "found": full["found"],
        "recall": ratio(full["found"], full["annotated"]),
        "extracted": full["extracted"],
        "right": full["right"],
        "precision": ratio(full["right"], full["extracted"]),
        "speaker_accuracy": ratio(full["speaker_right"], full["found"]),
        "kind_accuracy": ratio(full["kind_right"], full["found"]),
        "figures_annotated": full["figures_annotated"],
        "figures_found": full["figures_found"],
        "figure_recall": ratio(full["figures_found"], full["figures_annotated"]),
        "figures_extracted": full["figures_extracted"],
        "figures_right": full["figures_right"],
        "figure_precision": ratio(full["figures_right"], full["figures_extracted"]),
        "fragments": full["fragments"],
        "pronoun_starts": full["pronoun_starts"],
    }


def _claim_scores(t: Tally) -> dict:
    return {
        "truth": t.claims_truth,
        "found": t.claims_found,
        "recall": ratio(t.claims_found, t.claims_truth),
        "complete": t.claims_complete,
        "complete_recall": ratio(t.claims_complete, t.claims_truth),
        "with_figure": t.figures_truth,
        "figure_found": t.figures_found,
        "figure_recall": ratio(t.figures_found, t.figures_truth),
        "speaker_found": t.speakers_found,
        "speaker_recall": ratio(t.speakers_found, t.claims_truth),
        "figure_pairs": t.figure_pairs,
        "figure_pairs_right": t.figure_pairs_right,
        "figure_precision": ratio(t.figure_pairs_right, t.figure_pairs),
        "extracted": t.claims_extracted,
        "per_article": ratio(t.claims_extracted, t.articles_found),
        "on_headings": t.claims_on_headings,
    }


# --- evaluating one text -----------------------------------------------------------------


def evaluate_text(text: str, truth: dict) -> Tally:
    """Parse a text and compare it with its truth; an unparseable text finds nothing."""
    try:
        parsed = parse_text(text)
    except SourceError as error:
        tally = evaluate_parsed(ParsedBriefing(format="none"), truth)
        tally.problems.insert(0, f"unparseable: {error}")
        return tally
    return evaluate_parsed(parsed, truth)


def evaluate_parsed(parsed: ParsedBriefing, truth: dict) -> Tally:
    """Compare a parsed briefing with its truth."""
    report = briefing_report(parsed)
    tally = Tally()
    _compare_briefing(report, truth, tally)
    pairs = match_articles(report["articles"], truth.get("articles", []))
    _compare_articles(report["articles"], truth.get("articles", []), pairs, tally)
    claims = [claim for article in report["articles"] for claim in article["claims"]]
    tally.claims_extracted = len(claims)
    for truth_claim in truth.get("claims", []):
        _compare_claim(claims, truth_claim, tally)
    if "all_claims" in truth:
        counts, problems = score_claims(claims, truth["all_claims"])
        tally.full.update(counts)
        tally.problems += problems
    truth_articles = truth.get("articles", [])
    truth_by_found = {f_index: truth_articles[t] for f_index, t in pairs}
    for index, article in enumerate(parsed.articles):
        for text in heading_claims(article, truth_by_found.get(index)):
            tally.claims_on_headings += 1
            tally.problems.append(f"claim on a heading, caption or link: {text!r}")
    return tally


def _compare_briefing(report: dict, truth: dict, tally: Tally) -> None:
    for name in BRIEFING_FIELDS:
        if name not in truth:
            continue
        tally.briefing_compared += 1
        if same_field(name, report[name], truth[name]):
            tally.briefing_right += 1
        else:
            tally.problems.append(
                f"briefing {name}: found {report[name]!r}, truth {truth[name]!r}"
            )


def match_articles(found: list[dict], truth: list[dict]) -> list[tuple[int, int]]:
    """(found index, truth index) pairs: by title or alternate title, then position."""
    pairs: dict[int, int] = {}
    for t_index, expected in enumerate(truth):
        keys = {
            comparable(expected.get("title")),
            comparable(expected.get("alternate_title")),
        }
        keys.discard("")
        for f_index, article in enumerate(found):
            titles = {comparable(article["title"])} | {
                comparable(title) for title in article.get("alternate_titles", [])
            }
            if f_index not in pairs and keys & titles:
                pairs[f_index] = t_index
                break
    matched_truth = set(pairs.values())
    for t_index, expected in enumerate(truth):
        free = t_index < len(found) and t_index not in pairs
        if (
            free
            and t_index not in matched_truth
            and _titles_may_match(found[t_index]["title"], expected.get("title"))
        ):
            pairs[t_index] = t_index
    return sorted(pairs.items())


def _titles_may_match(found: str | None, expected: str | None) -> bool:
    """Whether two articles at the same position may be one (a title missing, or
    most words shared)."""
    if not found or not expected:
        return True
    a, b = set(comparable(found).split()), set(comparable(expected).split())
    return len(a & b) >= MIN_SHARED_TITLE_WORDS * max(len(a), len(b))


def _compare_articles(
    found: list[dict], truth: list[dict], pairs: list[tuple[int, int]], tally: Tally
) -> None:
    tally.articles_truth, tally.articles_found = len(truth), len(found)
    tally.articles_matched = len(pairs)
    for name in ARTICLE_FIELDS:
        tally.field_found[name] += sum(has_value(a[name]) for a in found)
        tally.field_expected[name] += sum(has_value(a.get(name)) for a in truth)
    for f_index, t_index in pairs:
        article, expected = found[f_index], truth[t_index]
        for name in ARTICLE_FIELDS:
            agree = same_field(name, article[name], expected.get(name))
            tally.field_agree[name] += agree
            if agree and has_value(article[name]):
                tally.field_right[name] += 1
            elif not agree:
                tally.problems.append(
                    f"article {t_index + 1} {name}: found {article[name]!r}, "
                    f"truth {expected.get(name)!r}"
                )
    if len(pairs) < len(truth):
        tally.problems.append(f"articles: {len(pairs)} of {len(truth)} matched")


def _compare_claim(claims: list[dict], truth_claim: dict, tally: Tally) -> None:
    near = [claim for claim in claims if contains_phrase(claim, truth_claim)]
    phrase = truth_claim["contains"]
    tally.claims_truth += 1
    tally.claims_found += bool(near)
    tally.claims_complete += any(claim_matches(c, truth_claim) for c in near)
    if not near:
        tally.problems.append(f"claim missed: {phrase!r}")
    if truth_claim.get("figure") is not None:
        tally.figures_truth += 1
        right = [c for c in near if figures_are_right(c, truth_claim)]
        tally.figures_found += bool(right)
        if near and not right:
            tally.problems.append(f"figure missed: {phrase!r} {truth_claim['figure']}")
    speaker = truth_claim.get("speaker")
    if any(same_text(c["speaker"], speaker) for c in near):
        tally.speakers_found += 1
    elif near:
        found = sorted({str(c["speaker"]) for c in near})
        tally.problems.append(f"speaker: {phrase!r} truth {speaker!r}, found {found}")
    for claim in near:
        tally.figure_pairs += 1
        if figures_are_right(claim, truth_claim):
            tally.figure_pairs_right += 1
        elif truth_claim.get("figure") is None:
            tally.problems.append(f"figure where the truth has none: {phrase!r}")


# --- claims that are no prose -----------------------------------------------------------


def heading_texts(
    article: ParsedArticle, truth_article: dict | None = None
) -> set[str]:
    """Titles, subheadings, captions and list entries of an article, comparable."""
    texts = [article.title, article.subtitle, article.image_caption]
    texts += article.subheadings + article.alternate_titles
    for item in article.items + article.links:
        texts += [item.title, item.description]
    if truth_article:
        texts += [truth_article.get("title"), truth_article.get("image_caption")]
        texts += truth_article.get("subheadings", [])
        texts += [item.get("title") for item in truth_article.get("items", [])]
    return {comparable(text) for text in texts if text and text.strip()}


def heading_claims(
    article: ParsedArticle, truth_article: dict | None = None
) -> list[str]:
    """The claims of an article made of headings, captions or link-list entries."""
    headings = heading_texts(article, truth_article)
    found = []
    for claim in article.claims:
        text = comparable(claim.text)
        is_link = any(marker in text for marker in URL_MARKERS)
        if article.kind == "link_list" or is_link or _is_heading(text, headings):
            found.append(claim.text)
    return found


def _is_heading(text: str, headings: set[str]) -> bool:
    """A sentence that is (part of) a heading, or starts with one glued to it."""
    for heading in headings:
        if text == heading or text in heading:
            return True
        glued = len(heading.split()) >= MIN_GLUED_HEADING_WORDS
        if glued and text.startswith(heading + " ") and heading[-1:].isalnum():
            return True
    return False
