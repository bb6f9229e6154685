"""Text helpers shared by the article parsers: glued-text seams, names, body shape.

Candidates for ``text.py``: ``seam_positions``/``split_at_seams`` (run-on web text),
``normalise_sentence_seams``, ``strip_honorifics``/``split_names``, ``looks_like_name``,
``as_bullet`` and ``is_footer_debris``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import collapse_whitespace, looks_like_heading

# Words written with an inner capital: a seam inside one of them is no seam.
CAMEL_CASE_WORDS = (
    "WeChat",
    "WeChatPay",
    "TikTok",
    "YouTube",
    "LinkedIn",
    "WhatsApp",
    "iPhone",
    "iPad",
    "PetroChina",
    "ByteDance",
    "DeepSeek",
    "OpenAI",
    "ChatGPT",
    "PayPal",
    "PowerPoint",
    "JavaScript",
    "HarmonyOS",
    "AliExpress",
    "PhD",
    "iFlytek",
    "SenseTime",
    "CloudWalk",
)

# lowercase|closing punctuation after a lowercase letter|digit  +  an upper-case start
_SEAM = re.compile(
    r"(?<=[a-z])(?=[A-Z“‘])"
    r"|(?<=[a-z0-9][.?!)\]”’])(?=[A-Z“‘(])"
    r"|(?<=[0-9])(?=[A-Z][a-z])"
)
_SENTENCE_SEAM = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][”’])(?=[A-Z])"
)
_SCOTTISH_PREFIX = re.compile(r"\bMa?c(?=[A-Z])")

HONORIFICS = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Rev|Amb|Ambassador)\.?\s+)+",
    re.IGNORECASE,
)
_DEGREE_SUFFIX = re.compile(r",?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|MBA)\s*$", re.IGNORECASE)
_NAME_PARTICLES = {
    "de",
    "da",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "del",
    "la",
    "le",
}
_NAME_SEPARATORS = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\band\b)\s*")

BULLET = re.compile(r"^\s*(?:[•·▪◦●‣*]|[-–—](?=\s))\s*")

_FOOTER_PATTERNS = re.compile(
    r"^\(?read (?:the )?original(?: text)?\)?$|^(?:copyright|©)|©\s*\d{4}"
    r"|all rights reserved"
    r"|^(?:•\s*)?share(?: this(?: article)?)?$|^comments? (?:are|is) closed"
    r"|free subscription|^subscribe\b|^sign up\b|^follow us\b|^print$|^tweet$"
    r"|^advertisement$|^related(?: articles)?:?$|^tags?:|^read more\b"
    r"|^(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)


def _inside_camel_word(text: str, position: int) -> bool:
    """Whether position falls inside a word that is written with an inner capital."""
    for word in CAMEL_CASE_WORDS:
        start = text.find(word, max(0, position - len(word)))
        if 0 <= start < position < start + len(word):
            return True
    return any(m.end() == position for m in _SCOTTISH_PREFIX.finditer(text))


def seam_positions(text: str) -> list[int]:
    """Where two pieces of run-on text were glued without a space ("CampaignThe")."""
    return [
        match.start()
        for match in _SEAM.finditer(text)
        if not _inside_camel_word(text, match.start())
    ]


def split_at_seams(text: str) -> list[str]:
    """The glued pieces of a run-on line, stripped, empty ones dropped."""
    cuts = [0, *seam_positions(text), len(text)]
    pieces = (text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False))
    return [piece for piece in pieces if piece]


def normalise_sentence_seams(text: str) -> str:
    """Put the missing space between two glued sentences ("Credit.The" -> ". The")."""
    return _SENTENCE_SEAM.sub(" ", text)


def strip_honorifics(name: str) -> str:
    """A plain name: "Dr. Jane Doe" -> "Jane Doe", "Jane Doe, PhD" -> "Jane Doe"."""
    name = collapse_whitespace(name).strip(" ,.;:")
    name = _DEGREE_SUFFIX.sub("", name)
    return HONORIFICS.sub("", name).strip()


# Bylines that name a desk, not a person ("By Staff", "By Our Correspondent")
_DESKS = frozenset(
    [
        "staff",
        "staff reporter",
        "staff reporters",
        "staff writer",
        "staff writers",
        "our correspondent",
        "our correspondents",
        "correspondents",
        "agencies",
        "news agencies",
        "wire services",
        "news desk",
        "newsroom",
        "the editors",
        "editorial board",
        "the editorial board",
    ]
)


def is_desk(text: str) -> bool:
    """Whether a byline ("Staff", "By Our Correspondent") names a desk, not a person."""
    words = strip_honorifics(text).split()
    if words and words[0].lower() == "by":
        words = words[1:]
    return " ".join(words).lower() in _DESKS


def looks_like_name(text: str, max_words: int = 5) -> bool:
    """A person's name (or "Anonymous"): a few capitalised words, no digits."""
    words = strip_honorifics(text).split()
    if not words or len(words) > max_words or re.search(r"[\d@:;!?“”\"()]", text):
        return False
    if is_desk(text):
        return False
    capitalised = [w for w in words if w.lower() not in _NAME_PARTICLES]
    return bool(capitalised) and all(w[0].isupper() for w in capitalised)


def split_names(text: str) -> list[str] | None:
    """Names in "A, B and C" / "A & B" without honorifics; None unless all are."""
    parts = [part for part in _NAME_SEPARATORS.split(text.strip()) if part.strip()]
    names = [strip_honorifics(part) for part in parts]
    if names and all(looks_like_name(name, max_words=4) for name in names):
        return names
    return None


def as_bullet(text: str) -> str | None:
    """The paragraph form "• entry" of a bullet-list line, or None for other lines."""
    match = BULLET.match(text)
    if not match or not text[match.end() :].strip():
        return None
    return "• " + collapse_whitespace(text[match.end() :])


def is_footer_debris(text: str) -> bool:
    """A share/subscribe/copyright/comments line that belongs to no article."""
    text = collapse_whitespace(text)
    return (
        bool(text) and len(text.split()) <= 20 and bool(_FOOTER_PATTERNS.search(text))
    )


def is_subheading(paragraph: str, following: str | None) -> bool:
    """A short heading-shaped paragraph that introduces a longer one."""
    if following is None or paragraph.startswith("• ") or paragraph.endswith("?"):
        return False
    if not looks_like_heading(paragraph, max_words=12):
        return False
    return len(following.split()) > len(paragraph.split())


def _stem_sequence(text: str) -> list[str]:
    """Crude stems (first five letters) of the longer non-stop words, in order."""
    words = re.findall(r"[a-z]{4,}", text.lower())
    return [word[:5] for word in words if word not in _STOPWORDS]


def overlap(part: str, whole: Iterable[str]) -> float:
    """How much of part's vocabulary recurs in whole: mean of word and word-pair shares.

    Word pairs make a different article's teaser stand out: it may share common
    words ("China", "economy") with the body but hardly any phrase.
    """
    stems = _stem_sequence(part)
    if not stems:
        return 0.0
    whole_sequences = [_stem_sequence(text) for text in whole]
    whole_stems = {stem for sequence in whole_sequences for stem in sequence}
    whole_pairs = {
        pair for seq in whole_sequences for pair in zip(seq, seq[1:], strict=False)
    }
    pairs = set(zip(stems, stems[1:], strict=False))
    word_share = len(set(stems) & whole_stems) / len(set(stems))
    pair_share = len(pairs & whole_pairs) / len(pairs) if pairs else word_share
    return (word_share + pair_share) / 2


def join_body(paragraphs: Iterable[str]) -> str:
    """The body convention: one collapsed line per paragraph, blank line between."""
    cleaned = (collapse_whitespace(p) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


_STOPWORDS = {
    "that",
    "this",
    "with",
    "from",
    "have",
    "been",
    "were",
    "will",
    "their",
    "they",
    "there",
    "which",
    "also",
    "into",
    "about",
    "than",
    "more",
    "most",
    "some",
    "such",
    "other",
    "among",
    "them",
    "these",
    "those",
    "what",
    "when",
    "where",
    "while",
    "would",
    "could",
    "should",
    "being",
    "over",
    "under",
    "after",
    "before",
}
