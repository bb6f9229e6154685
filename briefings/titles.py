"""What an untitled article is called: a description in square brackets, as citation
styles (Chicago, APA) describe an untitled work, made only from the article's own
words so that it never invents anything.

``"[Untitled article on the social credit system]"`` when the first subheading names
the subject ("Development of the SCS", the abbreviation spelled out as the body
defines it: 'a “social credit system” (SCS)'); otherwise the article's first words:
``"[Untitled article beginning “The Cultural Revolution of the 1960s …”]"``.
"""

from __future__ import annotations

import re

FIRST_WORDS = 8
# Subheadings that name the article's subject after a generic opening.
SUBJECT = re.compile(
    r"^(?:(?:the\s+)?(?:development|history|origins?|evolution|rise|future|anatomy"
    r"|overview|background|introduction|state|story)\s+(?:of|to)\s+)(?P<subject>.+)$",
    re.I,
)
# A definition of an abbreviation: 'social credit system” (SCS)'.
DEFINED = re.compile(
    r"(?P<words>[A-Za-z][\w-]*(?:\s+[\w-]+){0,5})[”\"’']?\s*\((?P<abbr>[A-Z]{2,6})\)"
)


def untitled_label(subheadings: list[str], body: str) -> str:
    """The bracketed description of an untitled article."""
    subject = _subject(subheadings[0] if subheadings else "", body)
    if subject:
        return f"[Untitled article on {subject}]"
    words = body.split()
    if not words:
        return "[Untitled article]"
    opening = " ".join(words[:FIRST_WORDS]).rstrip(",;:.")
    ellipsis = " …" if len(words) > FIRST_WORDS else ""
    return f"[Untitled article beginning “{opening}{ellipsis}”]"


def _subject(subheading: str, body: str) -> str | None:
    match = SUBJECT.match(" ".join(subheading.split()).rstrip(".:"))
    if not match:
        return None
    subject = match.group("subject")
    for abbreviation, words in _definitions(body).items():
        subject = re.sub(rf"\b{abbreviation}\b", words, subject)
    return subject


def _definitions(body: str) -> dict[str, str]:
    """Abbreviations the body spells out, whose initials match the words before."""
    found = {}
    for match in DEFINED.finditer(body[:20000]):
        abbreviation = match.group("abbr")
        words = match.group("words").split()[-len(abbreviation) :]
        initials = "".join(word[0] for word in words).upper()
        if len(words) == len(abbreviation) and initials == abbreviation:
            found.setdefault(abbreviation, " ".join(words))
    return found
