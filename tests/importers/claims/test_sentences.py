"""Sentence segmentation: abbreviations, decimals, initials, quotes, enumerators."""

from __future__ import annotations

import pytest

from briefings.importers.claims.sentences import (
    Span,
    clause_spans,
    paragraph_spans,
    sentence_spans,
    strip_leading_noise,
)


def split(text: str) -> list[str]:
    return [span.text(text) for span in sentence_spans(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell. Imports rose.", ["Exports fell.", "Imports rose."]),
        (
            "Dr. Junhua Zhang met Mr. Li at St. Paul. Then he left.",
            ["Dr. Junhua Zhang met Mr. Li at St. Paul.", "Then he left."],
        ),
        (
            "Ties with the U.S. The talks failed.",
            ["Ties with the U.S.", "The talks failed."],
        ),
        ("The U.S. Navy sailed on.", ["The U.S. Navy sailed on."]),
        (
            "It rose 21.3 percent in June. Good.",
            ["It rose 21.3 percent in June.", "Good."],
        ),
        (
            "Officials, e.g. judges, i.e. the courts, No. 5 and Jan. 5 count.",
            ["Officials, e.g. judges, i.e. the courts, No. 5 and Jan. 5 count."],
        ),
        (
            "Thea D. Rozman Kendler stated that there was no intention. Next.",
            ["Thea D. Rozman Kendler stated that there was no intention.", "Next."],
        ),
        (
            "He said “it is open.” Then she left.",
            ["He said “it is open.”", "Then she left."],
        ),
        (
            "“It failed,” said Nis Grünberg. “We will act. Soon.”",
            ["“It failed,” said Nis Grünberg.", "“We will act.", "Soon.”"],
        ),
        (
            "Why? 1.) It is top-down. 2.) It is planned.",
            ["Why?", "1.) It is top-down.", "2.) It is planned."],
        ),
        (
            "A pledge (sounds familiar?). Oracle gave money.",
            ["A pledge (sounds familiar?).", "Oracle gave money."],
        ),
        (
            "Guizhou Hongyingda Co. Proceeds will repay debt.",
            ["Guizhou Hongyingda Co.", "Proceeds will repay debt."],
        ),
        ("Apple Inc. said so.", ["Apple Inc. said so."]),
        (
            "经济增长5%。出口下降；进口上升！好吗？",
            ["经济增长5%。", "出口下降；", "进口上升！", "好吗？"],
        ),
        ("The problem...is dominance. Yes.", ["The problem...is dominance.", "Yes."]),
        ("A line\nAnother line.", ["A line", "Another line."]),
        ("Done.) Next one.", ["Done.)", "Next one."]),
        ("Really?!” she asked. Yes.", ["Really?!” she asked.", "Yes."]),
        # Chinese through a lossy encoding: a long run of "?" glued to a word is no
        # sentence end (and must not make the splitter backtrack for ever).
        ("Xi said ????????????????????????????????????????????x today.", None),
    ],
)
def test_sentences_survive_abbreviations_quotes_and_enumerators(text, expected):
    assert split(text) == (expected or [text])


def test_paragraph_spans_skip_blank_lines_and_keep_offsets():
    body = "First one.\n\n\n  Second one.  \n\nThird."
    spans = paragraph_spans(body)
    assert [span.text(body) for span in spans] == [
        "First one.",
        "Second one.",
        "Third.",
    ]


def test_sentence_spans_are_offsets_into_the_body():
    body = "Heading\n\nOne sentence. Two sentences."
    paragraph = paragraph_spans(body)[1]
    spans = sentence_spans(body, paragraph)
    assert [body[s.start : s.end] for s in spans] == ["One sentence.", "Two sentences."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Units include: 2 units charging 5 yuan; 3 units charging 7 yuan; "
            "and 1 unit charging 9 yuan.",
            [
                "Units include: 2 units charging 5 yuan;",
                "3 units charging 7 yuan;",
                "1 unit charging 9 yuan.",
            ],
        ),
        ("No semicolon here.", ["No semicolon here."]),
    ],
)
def test_clause_spans_cut_at_semicolons_and_drop_a_leading_and(text, expected):
    spans = clause_spans(text, Span(0, len(text)))
    assert [span.text(text) for span in spans] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• A bullet item.", "A bullet item."),
        ("1.) It is a top-down initiative.", "It is a top-down initiative."),
        ("2) stronger control.", "stronger control."),
        ("The facts: Europe’s debate grew.", "Europe’s debate grew."),
        ("MERICS Analysis: “The failure,” said X.", "“The failure,” said X."),
        ("China said: “We won.”", "China said: “We won.”"),
        ("Plain sentence.", "Plain sentence."),
    ],
)
def test_strip_leading_noise_drops_bullets_enumerators_and_labels(text, expected):
    assert strip_leading_noise(text, Span(0, len(text))).text(text) == expected
