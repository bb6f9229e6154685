"""Speakers a layout names outside the sentence: transcript labels and expert blocks.

- A transcript turn opens with its speaker's label: "Lin Haoran: The meeting
  adopted ...", "Dahl: Less than the headlines suggest". An answer label ("Answer:",
  "A:") speaks for the one who answers: the interviewee, or whoever the title says
  is speaking ("Chinese Embassy Spokesperson's Remarks on ..."). Question labels
  ("Q:", an interviewer or a news outlet asking) give no claims anyway: questions.
- A page of expert comments gives each expert's name on a line of its own, often
  with a role line under it ("Senior Fellow, Institute for ..."), or with a colon
  ("Marco Pellegrini:"); the paragraphs after it are that expert's, until the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..types import ParsedArticle
from .context import SpeakerContext, Voice
from .names import TITLE_WORDS, Speaker, looks_like_person

_LABEL = re.compile(r"^(?P<label>[^\W\d][\w.'’ -]{0,40}?)\s*[:：]\s+(?=\S)")
ANSWER_LABELS = frozenset({"a", "answer", "ans", "antwort", "réponse"})
QUESTION_LABELS = frozenset({"q", "question", "frage", "interviewer"})
_TITLE_SPEAKER = re.compile(
    r"^(?P<who>[^,:]{3,80}?)['’]s\s+(?:Regular\s+)?(?:Remarks|Press Conference"
    r"|Statement|Answers|Comments|Briefing|Speech|Interview)\b",
    re.I,
)
_PARTICLE = r"(?:de|da|van|von|der|den|bin|al|del|la|le)"
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|" + _PARTICLE + r")"
_NAME_LINE = re.compile(
    rf"^(?P<name>[A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{1,3}})(?P<rest>\s*:|\s+.+)?$"
)
_ROLE_WORDS = re.compile(
    r"\b(?:Fellow|Professor|Director|Partner|Analyst|Economist|Researcher|Editor"
    r"|Scholar|Chair|Head|Founder|Lecturer|Adviser|Advisor|Officer|Manager|President"
    r"|Ambassador|Minister|Associate|Correspondent|Institute|University|Centre"
    r"|Center|Council|LLP|Ltd)\b"
)


_DIRECTIVE = re.compile(r"\b(?:shall|must|is prohibited|are prohibited|may not)\b")


def issuer_of(authors: list[str]) -> Speaker | None:
    """The body that issued an official text: its one author, an organisation."""
    if len(authors) != 1:
        return None
    speaker = Speaker(authors[0])
    return None if looks_like_person(speaker) else speaker


def is_provision(sentence: str) -> bool:
    """A provision: what someone "shall" or "must" do."""
    return bool(_DIRECTIVE.search(sentence))


def title_speaker(title: str | None) -> Speaker | None:
    """Who a title says is speaking ("Chinese Embassy Spokesperson's Remarks")."""
    match = _TITLE_SPEAKER.match(title or "")
    return Speaker(match.group("who").strip()) if match else None


def turn_label(paragraph: str) -> tuple[str, int] | None:
    """The speaker label opening a transcript turn, and where the turn's text starts."""
    match = _LABEL.match(paragraph)
    if not match:
        return None
    label = match.group("label").strip()
    if len(label.split()) > 4 or label.lower() in QUESTION_LABELS:
        return None
    if label.lower() in ANSWER_LABELS:
        return label, match.end()
    if not all(word[:1].isupper() for word in label.split()):
        return None
    return label, match.end()


def full_name(label: str, body: str) -> str:
    """A surname label ("Dahl") as the full name the text gives ("Ingeborg Dahl")."""
    if " " in label:
        return label
    for match in re.finditer(rf"\b([A-Z][\w'’-]+) {re.escape(label)}\b", body):
        if match.group(1).lower() not in TITLE_WORDS:  # "Minister Wang" is no name
            return match.group(0)
    return label


def is_answer_label(label: str) -> bool:
    return label.lower() in ANSWER_LABELS


def expert_name(paragraph: str, following: str | None) -> Speaker | None:
    """An expert's name on its own line, with a colon or a role line under it."""
    match = _NAME_LINE.match(paragraph.strip())
    if not match:
        return None
    name, rest = match.group("name"), (match.group("rest") or "")
    words = name.split()
    for size in range(2, len(words)):  # "Jane Doe Senior Fellow, ...": the shortest
        tail = " ".join(words[size:]) + rest
        if is_role_line(tail.strip()):
            name, rest = " ".join(words[:size]), " " + tail
            break
    speaker = Speaker(name)
    if not looks_like_person(speaker) or _ROLE_WORDS.search(speaker.name):
        return None
    rest = rest.strip()
    if rest == ":":
        return speaker
    if rest:  # the role line joined to the name: "Jane Doe Senior Fellow, ..."
        return speaker if is_role_line(rest) and rest[:1].isupper() else None
    if following and is_role_line(following):
        return speaker
    return None


def is_role_line(text: str) -> bool:
    """A short line that describes someone: "Senior Fellow, Institute for ..."."""
    words = len(text.split())
    return (
        words <= 14
        and not text.rstrip().endswith(".")
        and bool(_ROLE_WORDS.search(text))
    )


@dataclass(frozen=True)
class Turn:
    """Who the layout says speaks a paragraph, and where its own text starts."""

    speaker: Speaker | None
    text_start: int = 0
    issuer: Speaker | None = None  # the body that issued an official text

    def voice(self, sentence: str, voice: Voice) -> Voice:
        """The voice of a sentence that names no speaker of its own."""
        if self.speaker is not None:
            return replace(voice, speaker=self.speaker, is_quote=True, is_explicit=True)
        if self.issuer is not None and is_provision(sentence):
            return replace(voice, speaker=self.issuer, is_explicit=True)
        return voice


class LayoutVoices:
    """The speakers an article's layout names, paragraph by paragraph."""

    def __init__(self, article: ParsedArticle, context: SpeakerContext) -> None:
        self.context = context
        self.body = article.body
        answerer = Speaker(article.interviewee) if article.interviewee else None
        self.answerer = answerer or title_speaker(article.title)
        self.issuer = issuer_of(article.authors)
        self.expert: Speaker | None = None

    def names_expert(self, paragraph: str, following: str | None) -> bool:
        """Whether a paragraph names the expert of the paragraphs after it (or is
        that expert's role line)."""
        named = expert_name(paragraph, following)
        if named is not None:
            self.expert = self.context.note(named)
            return True
        return self.expert is not None and is_role_line(paragraph)

    def turn(self, paragraph: str, start: int) -> Turn | None:
        """The speaker of a paragraph by its label, its expert block or its issuer."""
        label = turn_label(paragraph)
        if label is not None:
            name, offset = label
            if is_answer_label(name):
                speaker = self.answerer
            else:
                speaker = Speaker(full_name(name, self.body))
            noted = self.context.note(speaker) if speaker else None
            return Turn(noted, start + offset)
        if self.expert is not None or self.issuer is not None:
            return Turn(self.expert, start, self.issuer)
        return None
