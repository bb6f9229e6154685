"""Speakers a layout names outside the sentence: transcript labels, expert blocks,
answer labels and the issuing body of an official text."""

from __future__ import annotations

from briefings.importers.claims import extract_claims

from .conftest import make_article


def speakers_of(*paragraphs: str, **fields) -> list[tuple[str, str | None]]:
    article = make_article(*paragraphs, **fields)
    return [(c.text, c.speaker) for c in extract_claims(article)]


def test_a_transcript_turn_speaks_for_its_label_not_in_the_claim():
    found = speakers_of(
        "Example TV: Can you share the outcomes of the meeting?",
        "Wang Lan: The meeting agreed on 14 projects in energy and transport.",
    )
    assert found == [
        ("The meeting agreed on 14 projects in energy and transport.", "Wang Lan")
    ]


def test_a_surname_label_becomes_the_full_name_already_named():
    found = speakers_of(
        "Polar researcher Ingrid Dale has studied the region for fifteen years.",
        "Dale: Chinese companies have put roughly USD 90 billion into Arctic projects.",
    )
    assert (
        "Chinese companies have put roughly USD 90 billion into Arctic projects.",
        "Ingrid Dale",
    ) in found


def test_an_answer_label_speaks_for_the_speaker_the_title_names():
    found = speakers_of(
        "Question: What is the comment on the resolution adopted on 4 March?",
        "Answer: Imports from the region fell by 75 percent in 2023.",
        title="Example Embassy Spokesperson's Remarks on the Resolution",
    )
    assert found == [
        (
            "Imports from the region fell by 75 percent in 2023.",
            "Example Embassy Spokesperson",
        )
    ]


def test_an_expert_named_on_a_line_with_a_role_line_speaks_the_paragraphs_after():
    found = speakers_of(
        "Lena Marsh",
        "Senior Fellow, Example Institute for Trade",
        "Eleven member states already screen inbound deals, up from 4 in 2019.",
        "Tom Ruiz:",
        "Chip firms raised 45 percent of their funding from state-backed funds.",
    )
    assert found == [
        (
            "Eleven member states already screen inbound deals, up from 4 in 2019.",
            "Lena Marsh",
        ),
        (
            "Chip firms raised 45 percent of their funding from state-backed funds.",
            "Tom Ruiz",
        ),
    ]


def test_a_heading_that_is_no_name_gives_no_speaker():
    found = speakers_of(
        "Media coverage and sources:",
        "The bond with a coupon of 4.8 percent was issued in December.",
    )
    assert found == [
        ("The bond with a coupon of 4.8 percent was issued in December.", None)
    ]


def test_provisions_of_an_official_text_are_its_issuing_body_s():
    found = speakers_of(
        "Local governments shall complete a survey of gas pipelines within six months.",
        authors=["General Office of the Example Council"],
    )
    assert found[0][1] == "General Office of the Example Council"
