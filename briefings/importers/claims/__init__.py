"""The claims extractor: checkable statements in an article body, with their figures.

``extract_claims(article)`` walks the body paragraph by paragraph and sentence by
sentence (``sentences``), finds figures (``figures``, ``measures``) and speakers
(``speakers``, ``context``), and keeps what a researcher could cite, of one of the
kinds ``kinds`` tells apart: a statistic, a quote, reported speech, an official
position, a directive or an assertion of fact (``checkable``).

A claim is a whole statement: a quotation over several sentences (even across a
paragraph break), a quoted block after an introducing line ("The American Civil
Liberties Union said:") and a sentence whose subject is a pronoun ("They also
mentioned ...") stay with the claim they continue. A pronoun that points at nothing
gives no claim; when it reports speech ("He said ...") the caller's ``warnings`` say
so. Headings, titles, captions, link lists, questions, rhetoric and the writers
quoting themselves give no claims. A sentence that lists clauses separated by
semicolons, each with its own figure, gives one claim per clause. Every claim's text
is ``article.body[start:end]`` verbatim. Pure Python: no database, no I/O.
"""

from __future__ import annotations

import re

from ..text import comparable, looks_like_heading
from ..types import ParsedArticle, ParsedClaim
from .checkable import is_checkable, is_opinion, is_statement
from .context import BULLETS, SpeakerContext, Voice
from .figures import find_figures
from .kinds import attributed_kind, is_directive
from .labels import LayoutVoices, Turn
from .sentences import (
    Span,
    clause_spans,
    paragraph_spans,
    sentence_spans,
    strip_leading_noise,
)
from .speakers import ends_open, is_quotation, starts_with_pronoun

__all__ = ["extract_claims"]

# A link entry: a URL or a markdown link.
LINK = re.compile(r"https?://|www\.|\]\(|<http")
LINK_ONLY = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$")
# Prose ends with terminal punctuation (maybe inside a closing quote or bracket).
TERMINAL = re.compile(r"[.!?…。！？；;:][”\"’')\]]*\s*$")
CAPTION_CREDIT = re.compile(r"\([^()]+\)\s*$")  # "... in Shanghai (Associated Press)"
MAX_CAPTION_WORDS = 40
MIN_STATISTIC_WORDS = 4
REPORTED_WORDS = 8  # reported speech of an unnamed source: a full sentence


def extract_claims(
    article: ParsedArticle, warnings: list[str] | None = None
) -> list[ParsedClaim]:
    """The checkable claims of an article body, in order; a statement whose "he" or
    "she" names no one before it gives no claim but a message in ``warnings``."""
    body = article.body
    excluded = _non_claim_texts(article)
    interviewee = article.interviewee if article.kind == "interview" else None
    context = SpeakerContext(interviewee=interviewee)
    statement = Statement(warnings if warnings is not None else [])
    layout = LayoutVoices(article, context)
    paragraphs = paragraph_spans(body)
    texts = [paragraph.text(body) for paragraph in paragraphs]
    for index, paragraph in enumerate(paragraphs):
        text = texts[index]
        following = texts[index + 1] if index + 1 < len(texts) else None
        if layout.names_expert(text, following):
            context.skip_paragraph()
            statement.end_paragraph(open_quote=False)
            continue
        if _is_not_prose(article, text, excluded):
            context.skip_paragraph()
            statement.end_paragraph(open_quote=False)
            continue
        turn = layout.turn(text, paragraph.start)
        _paragraph_claims(body, paragraph, context, statement, turn)
    return statement.claims


def _non_claim_texts(article: ParsedArticle) -> set[str]:
    """Headings, titles and captions, in comparable form."""
    texts = [article.title, article.subtitle, article.image_caption]
    texts += article.subheadings + article.alternate_titles
    return {comparable(text) for text in texts if text}


def _is_not_prose(article: ParsedArticle, text: str, excluded: set[str]) -> bool:
    """Whether a paragraph is a heading, caption, title or link entry."""
    if comparable(text) in excluded or LINK_ONLY.match(text):
        return True
    if text.startswith(BULLETS) and (article.kind == "link_list" or LINK.search(text)):
        return True
    if TERMINAL.search(text):
        return False
    words = len(text.split())
    is_caption = CAPTION_CREDIT.search(text) and words <= MAX_CAPTION_WORDS
    return bool(looks_like_heading(text) or is_caption)


def _paragraph_claims(
    body: str,
    paragraph: Span,
    context: SpeakerContext,
    statement: Statement,
    turn: Turn | None = None,
) -> None:
    """The claims of one paragraph, each sentence with its speaker.

    ``turn`` is who the layout says speaks the paragraph (a transcript label, an
    expert's block, an official text's issuing body); a sentence that names its own
    speaker keeps it.
    """
    if not context.begin_paragraph(paragraph.text(body)):
        return  # a Chinese original: its translation follows
    in_block = context.in_block and not context.block_bullets
    open_quote = statement.open_quote
    for sentence in sentence_spans(body, paragraph):
        if turn is not None and sentence.start < turn.text_start < sentence.end:
            sentence = Span(turn.text_start, sentence.end)  # the label is no claim
        text = sentence.text(body)
        voice = context.voice_for(text, open_quote)
        if turn is not None and voice.speaker is None:
            voice = turn.voice(text, voice)
        continues = _continues(text, voice, open_quote, in_block, statement)
        open_quote = ends_open(text, open_quote)
        if continues:
            statement.extend(body, sentence)
            continue
        if starts_with_pronoun(text) and not voice.is_attributed:
            statement.drop(text, voice)  # "It has imposed ...": no claim of its own
            continue
        new = [_claim(body, piece, voice, context) for piece in _pieces(body, sentence)]
        statement.add([claim for claim in new if claim])
    context.end_paragraph(paragraph.text(body))
    statement.end_paragraph(open_quote)


def _continues(
    text: str, voice: Voice, open_quote: bool, in_block: bool, statement: Statement
) -> bool:
    """Whether a sentence goes on with the claim the previous sentence began: a
    quotation still open, a new quotation of the same speaker, the rest of a quoted
    block, or a sentence whose subject is a pronoun ("They also mentioned ...")."""
    previous = statement.previous
    if previous is None:
        return False
    if open_quote or in_block:
        return True
    same_speaker = voice.speaker and voice.speaker.name == previous.speaker
    if previous.kind == "quote" and is_quotation(text) and same_speaker:
        return not voice.is_attributed or voice.attribution.speaker == voice.speaker
    return starts_with_pronoun(text) and not voice.is_attributed


def _pieces(body: str, sentence: Span) -> list[Span]:
    """The sentence, or its clauses when two or more carry their own figures."""
    clauses = clause_spans(body, sentence)
    with_figures = [c for c in clauses if find_figures(c.text(body), c.start)]
    return clauses if len(with_figures) >= 2 else [sentence]


def _claim(
    body: str, piece: Span, voice: Voice, context: SpeakerContext
) -> ParsedClaim | None:
    """A claim for a sentence or clause, or None if it asserts nothing checkable."""
    span = strip_leading_noise(body, piece)
    text = span.text(body)
    kind = _kind(text, voice, context)
    if kind is None:
        return None
    speaker = voice.speaker
    return ParsedClaim(
        text=text,
        start=span.start,
        end=span.end,
        kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        figures=find_figures(text, span.start),
    )


def _kind(text: str, voice: Voice, context: SpeakerContext) -> str | None:
    """What kind of claim a sentence makes, or None when it makes none."""
    if context.in_block and is_statement(text):
        return _block_kind(text, voice, context)
    if text.endswith(":") and context.intro is None:
        text = text[:-1] + "."  # "... written into the Party Constitution:"
    figures = find_figures(text)
    if voice.is_attributed and is_statement(text):
        if voice.speaker is None and figures:
            return "statistic"  # "official statistics show that ... US$1.5 trillion"
        subject = voice.attribution.subject
        return attributed_kind(voice.speaker, subject, voice.quoted, text)
    if figures and is_statement(text, MIN_STATISTIC_WORDS):
        # "home to 1.4 billion people just like you and me" is rhetoric
        return None if is_opinion(text, hedged=False) else "statistic"
    if is_directive(text) and is_checkable(text, anchored=False):
        return "directive"
    if voice.speaker and voice.is_explicit and is_statement(text):
        return "quote" if voice.is_quote else "reported"
    if is_checkable(text):
        return "quote" if voice.speaker and voice.is_quote else "assertion"
    unnamed = voice.attribution is not None and voice.attribution.is_speech
    if unnamed and voice.speaker is None and is_statement(text, REPORTED_WORDS):
        return "reported"  # "A European diplomat said ...": speech of an unnamed source
    return None


def _block_kind(text: str, voice: Voice, context: SpeakerContext) -> str:
    """The kind of a quoted block: a document's requirement, a speaker's words, or a
    document's stated position."""
    if is_directive(context.paragraph) or is_directive(context.block_intro):
        return "directive"
    return "quote" if voice.speaker else "position"


class Statement:
    """The claims found so far, and the one the next sentence may go on with."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.claims: list[ParsedClaim] = []
        self.previous: ParsedClaim | None = None  # made by the previous sentence
        self.open_quote = False  # a quotation runs on into the next paragraph

    def add(self, claims: list[ParsedClaim]) -> None:
        """Claims of a new sentence; the last may go on in the next sentence."""
        self.claims.extend(claims)
        self.previous = claims[-1] if claims else None

    def drop(self, text: str, voice: Voice) -> None:
        """A sentence whose pronoun points at nothing: no claim; flagged when it
        reports what an unnamed "he" or "she" said."""
        self.previous = None
        if voice.attribution and voice.attribution.is_pronoun:
            self.warnings.append(
                f"unresolved speaker: no one named before “{text[:80]}”; no claim made"
            )

    def extend(self, body: str, sentence: Span) -> None:
        """Make the previous claim run to the end of this sentence."""
        claim = self.previous
        added = find_figures(sentence.text(body), sentence.start)
        claim.end = sentence.end
        claim.text = body[claim.start : claim.end]
        claim.figures = claim.figures + added

    def end_paragraph(self, open_quote: bool) -> None:
        """Only a quotation left open carries a claim into the next paragraph."""
        self.open_quote = open_quote
        if not open_quote:
            self.previous = None
