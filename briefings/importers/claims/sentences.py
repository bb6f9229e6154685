"""Segment an article body into paragraphs, sentences and clauses, as body offsets.

Every piece is a ``Span`` (start, end) into the original body, so a claim's text is
always ``body[start:end]`` verbatim. Splitting survives abbreviations ("U.S.",
"Dr.", "e.g."), decimals, initials ("Thea D. Rozman"), closing quotes and brackets,
enumerators ("1.) It is ...") and Chinese punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in the article body."""

    start: int
    end: int

    def text(self, body: str) -> str:
        """The spanned text of body."""
        return body[self.start : self.end]


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Western terminal punctuation, then any run of more of it and closing quotes or
# brackets ("?)." or ".”"); it ends a sentence when white space follows. One flat,
# possessive run: a long "??????" (Chinese text through a lossy encoding) must not
# make the regex backtrack exponentially.
WESTERN_END = re.compile(r"[.!?…][.!?…”\"’'»)\]]*+")
# Chinese sentence ends need no following space.
CHINESE_END = re.compile(r"[。！？；]+[」』”’）)]*")
# Besides capitals and digits, what may start a sentence: an opening quote or
# bracket, a bullet or dash, or a CJK character.
SENTENCE_OPENING_MARKS = re.compile(r"[\"“‘'«(\[「『•\-–\u4e00-\u9fff]")
CLOSERS = "”\"’'»)]"
LINE_BREAK = re.compile(r"\n")

# Abbreviations after which a full stop never ends a sentence.
NEVER_FINAL = words(
    "mr mrs ms dr prof st no nos gen sen rep gov lt col capt sgt mt ft rev hon pres "
    "e.g i.e cf vs v jan feb mar apr jun jul aug sep sept oct nov dec fig vol pp "
    "approx art para sec ch ca nr"
)
# Company suffixes and "etc." end a sentence when a capitalised word follows.
FINAL_BEFORE_CAPITAL = words("inc co ltd corp plc llc etc bros")
# Initialisms such as "U.S." end a sentence only before a typical sentence opener.
SENTENCE_OPENERS = words(
    "the this that these those it its he she they we i in on at but and however "
    "meanwhile a an there as after before according since while when if yet so "
    "still also for such some many most both each under his her their our"
)
ENUMERATOR_ONLY = re.compile(r"^\s*(?:[•\-–*]\s*)?\(?(?:\d{1,2}|[a-zA-Z])[.)]*\s*$")
TRAILING_TOKEN = re.compile(r"(\S+)$")
INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
NEXT_WORD = re.compile(r"\s*[\"“‘'(\[]?([^\s\"“”’]+)")


def paragraph_spans(body: str) -> list[Span]:
    """The non-empty paragraphs of a body (separated by blank lines)."""
    spans = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        spans.append(Span(start, match.start()))
        start = match.end()
    spans.append(Span(start, len(body)))
    return [
        trimmed for span in spans if (trimmed := trim(body, span)).end > trimmed.start
    ]


def trim(body: str, span: Span) -> Span:
    """The span without its surrounding white space."""
    start, end = span.start, span.end
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _abbreviation_blocks(text: str, dot: int) -> bool:
    """Whether the full stop at text[dot] belongs to an abbreviation or initial."""
    token_match = TRAILING_TOKEN.search(text[:dot])
    if not token_match:
        return False
    token = token_match.group(1).lstrip("(\"“‘'[")
    key = token.lower()
    next_match = NEXT_WORD.match(text, dot + 1)
    next_word = next_match.group(1) if next_match else ""
    if key in NEVER_FINAL:
        return True
    if key in FINAL_BEFORE_CAPITAL:
        return not next_word[:1].isupper()
    if INITIALISM.match(token) or (len(token) == 1 and token.isalpha()):
        return next_word.lower() not in SENTENCE_OPENERS
    return False


def _is_boundary(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the terminal punctuation text[start:end] really ends a sentence."""
    rest = text[end:].lstrip()
    if not rest or not _can_start_sentence(rest[0]):
        return False
    if ENUMERATOR_ONLY.match(text[sentence_start:end]):
        return False
    if text[start:end].rstrip(CLOSERS) == ".":
        return not _abbreviation_blocks(text, start)
    return True


def _can_start_sentence(char: str) -> bool:
    """Whether char may open a sentence."""
    return char.isupper() or char.isdigit() or bool(SENTENCE_OPENING_MARKS.match(char))


def _candidate_ends(text: str) -> list[tuple[int, int]]:
    """Positions of terminal punctuation runs, in order."""
    found = [
        (m.start(), m.end())
        for m in WESTERN_END.finditer(text)
        if text[m.end() : m.end() + 1].isspace()
    ]
    found += [(m.start(), m.end()) for m in CHINESE_END.finditer(text)]
    found += [(m.start(), m.start()) for m in LINE_BREAK.finditer(text)]
    return sorted(found)


def sentence_spans(body: str, paragraph: Span) -> list[Span]:
    """The sentences of one paragraph, as trimmed body spans."""
    text = paragraph.text(body)
    spans, start = [], 0
    for punct_start, punct_end in _candidate_ends(text):
        if punct_end < start:
            continue
        is_chinese = text[punct_start:punct_end][:1] in "。！？；"
        is_newline = punct_start == punct_end
        if (
            is_chinese
            or is_newline
            or _is_boundary(text, punct_start, punct_end, start)
        ):
            spans.append(Span(paragraph.start + start, paragraph.start + punct_end))
            start = punct_end
    spans.append(Span(paragraph.start + start, paragraph.end))
    return [s for span in spans if (s := trim(body, span)).end > s.start]


# Clauses of a list sentence: split after a semicolon, keeping it in the clause.
CLAUSE_END = re.compile(r"[;；]\s+")
LEADING_CONJUNCTION = re.compile(r"(?:and|or|as well as)\s+", re.IGNORECASE)


def clause_spans(body: str, sentence: Span) -> list[Span]:
    """A sentence cut at its semicolons; each clause drops a leading "and"."""
    text = sentence.text(body)
    spans, start = [], 0
    for match in CLAUSE_END.finditer(text):
        spans.append(Span(sentence.start + start, sentence.start + match.start() + 1))
        start = match.end()
    spans.append(Span(sentence.start + start, sentence.end))
    result = []
    for span in spans:
        conjunction = LEADING_CONJUNCTION.match(body, span.start, span.end)
        if conjunction:
            span = Span(conjunction.end(), span.end)
        result.append(trim(body, span))
    return result


# What a claim's span leaves out at its start: a bullet, an enumerator ("1.)",
# "2)", "(3)") or a short label ("The facts:", "MERICS analysis:"), but not an
# attribution ("China said: ...").
LEADING_NOISE = re.compile(
    r"(?:[•\-–*]\s+|\(?\d{1,2}(?:\.\)|\)|\.(?=\s))\s*"
    r"|(?![^:]*\b(?:said|says|told|stated|states|wrote|writes|noted|added)\b)"
    r"[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,3}:\s+(?=[A-Z\"“‘']))+"
)


def strip_leading_noise(body: str, span: Span) -> Span:
    """The span without a leading bullet, enumerator or short label."""
    match = LEADING_NOISE.match(body, span.start, span.end)
    return Span(match.end(), span.end) if match else span
