"""The claims extractor: checkable statements in an article body, with their figures.

``extract_claims(article)`` walks the body paragraph by paragraph and sentence by
sentence (``sentences``), finds figures (``figures``) and speakers (``speakers``,
``context``), and keeps what a researcher could cite:

- "statistic": a sentence with a figure;
- "quote": a quotation or reported speech ("said", "says") of a named speaker;
- "assertion": a statement a named speaker believes, points out, warns ...
  ("according to X"), or an unattributed statement anchored in fact (``checkable``).

Headings, titles, captions and link lists give no claims, nor do questions or
rhetorical filler. A sentence that lists clauses separated by semicolons, each with
its own figure, gives one claim per clause. Every claim's text is
``article.body[start:end]`` verbatim. Pure Python: no database, no I/O.
"""

from __future__ import annotations

import re

from ..text import comparable, looks_like_heading
from ..types import ParsedArticle, ParsedClaim
from .checkable import is_checkable, is_statement
from .context import BULLETS, SpeakerContext, Voice
from .figures import find_figures
from .labels import (
    expert_name,
    full_name,
    is_answer_label,
    is_directive,
    is_role_line,
    issuer_of,
    title_speaker,
    turn_label,
)
from .names import Speaker
from .sentences import (
    Span,
    clause_spans,
    paragraph_spans,
    sentence_spans,
    strip_leading_noise,
)
from .speakers import ends_open

__all__ = ["extract_claims"]

# A link entry: a URL or a markdown link.
LINK = re.compile(r"https?://|www\.|\]\(|<http")
LINK_ONLY = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$")
# Prose ends with terminal punctuation (maybe inside a closing quote or bracket).
TERMINAL = re.compile(r"[.!?…。！？；;:][”\"’')\]]*\s*$")
CAPTION_CREDIT = re.compile(r"\([^()]+\)\s*$")  # "... in Shanghai (Associated Press)"
MAX_CAPTION_WORDS = 40
MIN_STATISTIC_WORDS = 4
REPORTED_WORDS = 8  # reported speech without a named speaker: a full sentence


def extract_claims(article: ParsedArticle) -> list[ParsedClaim]:
    """The checkable claims of an article body, in order."""
    body = article.body
    excluded = _non_claim_texts(article)
    interviewee = article.interviewee if article.kind == "interview" else None
    context = SpeakerContext(interviewee=interviewee)
    answerer = Speaker(article.interviewee) if article.interviewee else None
    answerer = answerer or title_speaker(article.title)
    issuer = issuer_of(article.authors)
    claims: list[ParsedClaim] = []
    paragraphs = paragraph_spans(body)
    texts = [paragraph.text(body) for paragraph in paragraphs]
    expert: Speaker | None = None
    for index, paragraph in enumerate(paragraphs):
        text = texts[index]
        following = texts[index + 1] if index + 1 < len(texts) else None
        named = expert_name(text, following)
        if named is not None or (expert and is_role_line(text)):
            expert = context.note(named) if named else expert
            context.skip_paragraph()
            continue
        if _is_not_prose(article, text, excluded):
            context.skip_paragraph()
            continue
        label = turn_label(text)
        speaker, label_end = expert, paragraph.start
        if label is not None:
            name, offset = label
            turn = answerer if is_answer_label(name) else Speaker(full_name(name, body))
            speaker = context.note(turn) if turn else None
            label_end = paragraph.start + offset
        claims.extend(
            _paragraph_claims(body, paragraph, context, speaker, label_end, issuer)
        )
    return claims


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
    speaker: Speaker | None = None,
    label_end: int = 0,
    issuer: Speaker | None = None,
) -> list[ParsedClaim]:
    """The claims of one paragraph, each sentence with its speaker.

    ``speaker`` is who the layout says speaks the paragraph (a transcript label or
    an expert's block); a sentence that names its own speaker keeps it.
    """
    context.begin_paragraph(paragraph.text(body))
    claims = []
    open_quote = False
    for sentence in sentence_spans(body, paragraph):
        if sentence.start < label_end < sentence.end:
            sentence = Span(label_end, sentence.end)  # the label is not the claim
        text = sentence.text(body)
        voice = context.voice_for(text, open_quote)
        if speaker is not None and voice.speaker is None:
            voice = Voice(speaker, True, True)
        elif issuer is not None and voice.speaker is None and is_directive(text):
            voice = Voice(issuer, False, True)  # a provision of the issuing body
        open_quote = ends_open(text, open_quote)
        for piece in _pieces(body, sentence):
            claim = _claim(body, piece, voice)
            if claim:
                claims.append(claim)
    context.end_paragraph(paragraph.text(body))
    return claims


def _pieces(body: str, sentence: Span) -> list[Span]:
    """The sentence, or its clauses when two or more carry their own figures."""
    clauses = clause_spans(body, sentence)
    with_figures = [c for c in clauses if find_figures(c.text(body), c.start)]
    return clauses if len(with_figures) >= 2 else [sentence]


def _claim(body: str, piece: Span, voice: Voice) -> ParsedClaim | None:
    """A claim for a sentence or clause, or None if it asserts nothing checkable."""
    span = strip_leading_noise(body, piece)
    text = span.text(body)
    figures = find_figures(text, span.start)
    speaker = voice.speaker
    if figures and is_statement(text, MIN_STATISTIC_WORDS):
        kind = "statistic"
    elif speaker and voice.is_explicit and is_statement(text):
        kind = "quote" if voice.is_quote else "assertion"
    elif voice.is_explicit and voice.is_quote and is_statement(text, REPORTED_WORDS):
        kind = "assertion"  # reported speech of an unnamed source (no speaker)
    elif is_checkable(text):
        kind = "quote" if speaker else "assertion"
    else:
        return None
    return ParsedClaim(
        text=text,
        start=span.start,
        end=span.end,
        kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        figures=figures,
    )
