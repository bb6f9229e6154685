"""English–Chinese term pairs, found where a text puts them side by side.

Three layouts are read, and nothing else (a pair is never guessed):

- an English rendering with the Chinese in parentheses: ``common prosperity (共同富裕)``
  (the English is the quoted phrase just before, else the words back to a function
  word such as "the" or "from", six at most);
- the Chinese with its English in parentheses: ``“内卷” (involution)``;
- a document named in English then in Chinese: ``titled Opinion on … 关于…的意见``;
- a paragraph of Chinese followed by a paragraph of English: a quotation and its
  translation.

Pure: text in, ``ParsedTerm``s out, each with its offsets in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CHINESE = rf"[{HAN}][{HAN}\d·・]*[{HAN}]|[{HAN}]"
OPEN_QUOTE, CLOSE_QUOTE = '[“"「『《]?', '[”"」』》]?'
MAX_WORDS = 6
# A quotation longer than this is a passage, not a term (and a term is a unique key).
MAX_QUOTATION_CHARS = 400
# Words that end an English rendering read backwards from the parenthesis.
BOUNDARY_WORDS = {
    "a", "an", "the", "of", "from", "for", "by", "to", "in", "on", "at", "with",
    "and", "or", "as", "is", "are", "was", "were", "be", "called", "known", "its",
    "their", "his", "her", "this", "that", "these", "those", "our", "under", "into",
    "about", "termed", "dubbed", "named", "so-called", "has", "have", "had",
    # verbs that introduce a term in running text
    "pushed", "pushes", "push", "promoted", "promotes", "promote", "said", "says",
    "stressed", "stresses", "urged", "urges", "launched", "launches", "invoked",
    "invokes", "championed", "champions", "touted", "touts", "pursued", "pursues",
    "proposed", "proposes", "emphasised", "emphasized", "emphasises", "emphasizes",
    "mentioned", "mentions", "coined", "using", "uses", "used", "calls", "call",
}  # fmt: skip

ENGLISH_THEN_CHINESE = re.compile(
    rf"(?P<before>[^\n()（）]{{0,200}}?)\s*[(（]\s*{OPEN_QUOTE}(?P<zh>{CHINESE})"
    rf"{CLOSE_QUOTE}\s*[)）]"
)
CHINESE_THEN_ENGLISH = re.compile(
    rf"{OPEN_QUOTE}(?P<zh>{CHINESE}){CLOSE_QUOTE}\s*[(（]"
    rf"(?P<en>[A-Za-z][^()（）{HAN}\n]{{0,300}}?)[)）]"
)
TITLED = re.compile(
    rf"\b(?:titled|entitled)\s+(?P<en>[A-Z][^\n《{HAN}]{{3,300}}?)\s*[《“]?"
    rf"(?P<zh>{CHINESE})[》”]?"
)
QUOTED_ENGLISH = re.compile(r"[“\"‘']([^“”\"‘’']{2,120})[”\"’']\s*$")
ENGLISH_WORD = re.compile(r"[A-Za-z][\w’'\-]*$")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
HAN_CHAR = re.compile(rf"[{HAN}]")
LATIN_CHAR = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class ParsedTerm:
    chinese: str  # as written
    english: str
    kind: str  # "parenthesis", "title" or "quotation"
    start: int  # offsets of the pair in the text
    end: int


def find_terms(text: str) -> list[ParsedTerm]:
    """Every English–Chinese pair the text puts together, in text order."""
    found = _titled(text) + _parenthesised(text) + _quotations(text)
    kept: list[ParsedTerm] = []
    for term in sorted(found, key=lambda t: (t.start, -t.end)):
        if not any(term.start < k.end and k.start < term.end for k in kept):
            kept.append(term)
    return kept


def _titled(text: str) -> list[ParsedTerm]:
    return [
        ParsedTerm(m["zh"], _clean(m["en"]), "title", m.start("en"), m.end("zh"))
        for m in TITLED.finditer(text)
    ]


def _parenthesised(text: str) -> list[ParsedTerm]:
    found = []
    for m in CHINESE_THEN_ENGLISH.finditer(text):
        english = _clean(m["en"])
        if english:
            found.append(
                ParsedTerm(m["zh"], english, "parenthesis", m.start(), m.end())
            )
    for m in ENGLISH_THEN_CHINESE.finditer(text):
        english, offset = _rendering_before(m["before"])
        if english:
            start = m.start("before") + offset
            found.append(ParsedTerm(m["zh"], english, "parenthesis", start, m.end()))
    return found


def _rendering_before(before: str) -> tuple[str, int]:
    """The English rendering at the end of ``before`` and where it starts."""
    quoted = QUOTED_ENGLISH.search(before)
    if quoted:
        return _clean(quoted[1]), quoted.start()
    rest, words = before.rstrip(), []
    while len(words) < MAX_WORDS:
        word = ENGLISH_WORD.search(rest)
        if not word or word[0].lower() in BOUNDARY_WORDS:
            break
        words.insert(0, word[0])
        rest = rest[: word.start()]
        if not rest.endswith(" "):
            break
        rest = rest[:-1]
    if not words:
        return "", 0
    english = " ".join(words)
    return english, before.rstrip().rfind(english)


def _quotations(text: str) -> list[ParsedTerm]:
    """A paragraph in Chinese directly followed by one in English."""
    paragraphs = list(PARAGRAPH.finditer(text))
    found = []
    for first, second in zip(paragraphs, paragraphs[1:], strict=False):
        chinese, english = first[0].strip(), second[0].strip()
        if _is_chinese(chinese) and _is_english(english):
            found.append(
                ParsedTerm(chinese, english, "quotation", first.start(), second.end())
            )
    return found


def _is_chinese(paragraph: str) -> bool:
    han = len(HAN_CHAR.findall(paragraph))
    too_long = len(paragraph) > MAX_QUOTATION_CHARS
    return han >= 4 and not too_long and not LATIN_CHAR.search(paragraph)


def _is_english(paragraph: str) -> bool:
    return not HAN_CHAR.search(paragraph) and len(paragraph.split()) >= 4


def _clean(english: str) -> str:
    return " ".join(english.strip(" ,;:“”\"'‘’").split())
