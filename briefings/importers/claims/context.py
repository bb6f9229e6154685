"""Who is speaking, paragraph by paragraph: pronouns, quotations and quoted blocks.

``SpeakerContext`` remembers the speakers an article has named so that a sentence
without its own attribution can take one from context:

- a pronoun ("He states that ...") takes the last person named in the paragraph
  (as a speaker or as the subject opening a sentence), or else the previous
  paragraph's;
- a sentence inside a quotation ("“... ,” said X. “The leadership will ...”") takes
  the last speaker named in the same paragraph;
- a paragraph after an introducing line that ends with a colon ("In the words of
  Ryan Manuel at Hong Kong University:") takes that line's speaker, and so do the
  bullets right after it;
- in an interview, the answers take the interviewee.

A surname alone ("Wang hopes ...") becomes the full name already named ("Wang
Tiancheng") when exactly one known speaker has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .checkable import PERSONAL, is_question
from .kinds import MIN_QUOTED_SHARE, is_people_group, quoted_share
from .names import Speaker, looks_like_person
from .speakers import (
    Attribution,
    find_attribution,
    intro_attribution,
    introduced_person,
    is_quotation,
    mentioned_person,
)

BULLETS = ("• ", "- ", "* ", "· ")
CJK = re.compile(r"[\u4e00-\u9fff]")
# "the Office of the US Trade Representative (USTR)": the initials stand for the name.
ALIAS = re.compile(
    r"(?P<name>[A-Z][\w’'\-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'\-]*))*)"
    r"\s+\((?P<initials>[A-Z]{2,6})\)"
)


@dataclass(frozen=True)
class Voice:
    """The speaker of a sentence and how the text attributes it."""

    speaker: Speaker | None = None
    is_quote: bool = False  # said/says, a quotation, a quoted block or an answer
    is_explicit: bool = False  # the text itself attributes it (not only an interview)
    attribution: Attribution | None = None  # the sentence's own attribution
    quoted: bool = False  # the sentence is (mostly) in quotation marks

    @property
    def is_attributed(self) -> bool:
        """Whether the sentence names who says it: a speaker or a group of people."""
        found = self.attribution
        if found is None:
            return False
        return bool(self.speaker and self.is_explicit) or is_people_group(found.subject)


@dataclass
class SpeakerContext:
    """The speakers named so far in an article, for sentences that name none."""

    interviewee: str | None = None
    current: Speaker | None = None  # the last speaker named in this paragraph
    person: Speaker | None = None  # the last person named in this paragraph
    previous_person: Speaker | None = None  # the last person before it
    block: Speaker | None = None  # the speaker of the quoted block being read
    block_bullets: bool = False  # the block is a run of bullets
    intro: Attribution | None = None  # an introducing line just read
    in_block: bool = False  # reading a quoted block (its speaker may be unnamed)
    block_intro: str = ""  # the line that introduced the block
    own_block: bool = False  # the writers quote themselves next ("as we noted:")
    paragraph: str = ""  # the paragraph being read
    answering: bool = False  # in an interview, after the first question
    known: list[Speaker] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # initials -> name

    def begin_paragraph(self, paragraph: str) -> bool:
        """Start a paragraph: take up a pending intro, drop a finished block.

        False for a Chinese original after an intro: its translation, the next
        paragraph, is the quoted block and the claim."""
        self.current = self.person = None
        self.paragraph = paragraph
        for match in ALIAS.finditer(paragraph):
            name = match.group("name").removeprefix("The ")
            self.aliases.setdefault(match.group("initials"), name)
        if self.own_block:
            self.own_block = False
            return False
        if self.intro is not None and is_mostly_chinese(paragraph):
            return False
        is_bullet = paragraph.startswith(BULLETS)
        if self.intro is not None:
            self.block, self.block_bullets = self.intro.speaker, is_bullet
            self.in_block, self.intro = True, None
        elif not (self.block_bullets and is_bullet):
            self.block, self.block_bullets, self.in_block = None, False, False
        return True

    def end_paragraph(self, paragraph: str) -> None:
        """Finish a paragraph; an interview's question starts the answers."""
        self.previous_person = self.person
        if self.interviewee and is_question(paragraph):
            self.answering = True

    def skip_paragraph(self) -> None:
        """A paragraph that is no prose (heading, link) ends any quoted block."""
        self.block, self.block_bullets, self.intro = None, False, None
        self.in_block = False
        self.previous_person = None

    def voice_for(self, sentence: str, open_quote: bool) -> Voice:
        """The speaker of a sentence, from its own words or from context."""
        self._note_mention(sentence)
        attribution = find_attribution(sentence, open_quote)
        quotation = is_quotation(sentence, open_quote)
        quoted = quotation or quoted_share(sentence) >= MIN_QUOTED_SHARE
        if sentence.rstrip().endswith(":"):
            self.intro = intro_attribution(sentence)
            self.block_intro = sentence
            self.own_block = bool(PERSONAL.search(sentence))
        if attribution and attribution.speaker:
            speaker = self._note(attribution.speaker)
            is_quote = attribution.is_speech or quotation
            return Voice(speaker, is_quote, True, attribution, quoted)
        if attribution and attribution.is_pronoun:
            speaker = self.person or self.previous_person
            if speaker:
                self.current = self.person = speaker
            is_quote = attribution.is_speech or quotation
            return Voice(speaker, is_quote, speaker is not None, attribution, quoted)
        if attribution and is_people_group(attribution.subject):
            # "Japanese China observers assume ...": not the interviewee's view
            return Voice(None, attribution.is_speech, True, attribution, quoted)
        voice = self._voice_from_context(quotation)
        return replace(voice, attribution=attribution, quoted=quoted)

    def _voice_from_context(self, quotation: bool) -> Voice:
        if quotation and self.current:
            return Voice(self.current, True, True)
        if self.block:
            return Voice(self.block, True, True)
        if self.answering and self.interviewee:
            return Voice(Speaker(self.interviewee), True, False)
        return Voice()

    def _note_mention(self, sentence: str) -> None:
        """Remember a person a sentence opens with, for a later "he" or "she"."""
        person = introduced_person(sentence) or mentioned_person(sentence)
        if person and looks_like_person(person):
            if person not in self.known:
                self.known.append(person)
            self.person = person

    def note(self, speaker: Speaker) -> Speaker:
        """Remember a speaker the layout names (a label, an expert's name line)."""
        return self._note(speaker)

    def _note(self, speaker: Speaker) -> Speaker:
        """Remember a named speaker; a lone surname becomes the known full name, and
        initials the name the text spelled out before them."""
        if speaker.name in self.aliases:
            speaker = Speaker(self.aliases[speaker.name], speaker.role)
        if " " not in speaker.name:
            matches = [
                known
                for known in self.known
                if speaker.name in (known.name.split()[0], known.name.split()[-1])
            ]
            if len({known.name for known in matches}) == 1:
                speaker = matches[0]
        if speaker not in self.known:
            self.known.append(speaker)
        self.current = speaker
        if looks_like_person(speaker):
            self.person = speaker
        return speaker


def is_mostly_chinese(text: str) -> bool:
    """Whether most of a paragraph's characters are Chinese."""
    letters = [char for char in text if char.isalnum()]
    return bool(letters) and len(CJK.findall(text)) * 2 > len(letters)
