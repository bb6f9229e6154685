"""Paragraph plumbing and small recognisers shared by the Neican and MERICS parsers.

Source lines become ``Paragraph`` objects that remember their line span; bullet
entries become paragraphs of their own. The recognisers cover what both layouts
need: a header line that is only a date, link-list entries, and person names.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..text import (
    Line,
    collapse_whitespace,
    ends_sentence,
    paragraph_blocks,
    parse_date,
    strip_markup,
)
from ..types import ParsedItem

BULLET = re.compile(r"^\s*(?:[•●▪◦·]|[-–*](?=\s))\s*")
URL_LINE = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
MARKDOWN_LINK = re.compile(r"\[(?P<title>(?:[^\]\\]|\\.)*)\]\((?P<url>[^)\s]*)\)")
ANGLE_URL = re.compile(r"<(?P<url>https?://[^>\s]+)>|(?P<bare>https?://\S+)")
LINK_LABEL = re.compile(r"^(?P<label>[^\[<]+?):\s+(?=\[|<|https?://)")
# Reading-time and sharing widgets that web pages leave in copied text.
DEBRIS = re.compile(
    r"(?i)^(?:\d+\s+min(?:ute)?s?\s+read|share|share this post|subscribe(?: now)?"
    r"|leave a comment|read more|print)$"
)
_DATE_NOISE = re.compile(
    r"(?i)\b(?:published|posted|updated|dated?|issue date)\b:?"
    r"|\d+\s+min(?:ute)?s?\s+read|[|·•]"
)
# Words that name a job or a rank rather than a person.
_ROLE_WORDS_TEXT = """
senior associate fellow lead chief analyst director head professor prof prof.
dr dr. researcher research visiting non-resident former economist expert editor
editors manager president vice ceo founder ambassador minister programme
program deputy adviser advisor scholar partner journalist author mr mr. mrs
mrs. ms ms. freelance communications publications officer coordinator assistant
intern designer graphics managing correspondent team merics
"""
ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
MAX_WRAPPED_LINE = 120
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "le"})


@dataclass
class Paragraph:
    """A paragraph of the source with its line span; a bullet entry is one too."""

    text: str  # white space collapsed, markup kept
    line_start: int
    line_end: int
    bullet: bool = False
    indented: bool = False

    @property
    def clean(self) -> str:
        """The text as the body shows it: markup stripped, white space collapsed."""
        return collapse_whitespace(strip_markup(self.text))


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Paragraphs of the lines: blank-separated blocks, one per bullet entry."""
    result: list[Paragraph] = []
    for block in paragraph_blocks(lines):
        result.extend(_block_paragraphs(block))
    return result


def _block_paragraphs(block: list[Line]) -> list[Paragraph]:
    """The paragraphs of one blank-separated block."""
    # Lines of at most ~120 characters are hard-wrapped text; longer ones mean
    # one paragraph per line (PDF or web text that lost its blank lines).
    wrapped = max(len(line.text) for line in block) <= MAX_WRAPPED_LINE
    found: list[Paragraph] = []
    for previous, line in zip([None, *block], block, strict=False):
        bullet = BULLET.match(line.text)
        text = collapse_whitespace(line.text[bullet.end() :] if bullet else line.text)
        if (
            previous
            and not bullet
            and _continues(found[-1], previous.text, line.text, wrapped)
        ):
            found[-1].text = f"{found[-1].text} {text}"
            found[-1].line_end = line.number
            continue
        indented = line.text[:1].isspace()
        found.append(Paragraph(text, line.number, line.number, bool(bullet), indented))
    return found


def _continues(paragraph: Paragraph, previous: str, raw: str, wrapped: bool) -> bool:
    """Whether a line without a blank before it continues the paragraph: a
    bullet's wrapped text, or a line after one that stopped mid-sentence."""
    if is_url_line(previous) or is_url_line(raw) or _is_caps_line(raw):
        return False
    if paragraph.bullet:
        return raw[:1].isspace() or (wrapped and not ends_sentence(previous))
    if raw.strip()[:1].islower():
        return True
    return wrapped and len(previous.strip()) >= 50 and not ends_sentence(previous)


def _is_caps_line(text: str) -> bool:
    text = text.strip()
    return text.isupper() and len(text.split()) <= 6


def is_debris(text: str) -> bool:
    """Whether a line is web-page furniture such as "10 min read"."""
    return bool(DEBRIS.match(collapse_whitespace(text)))


def standalone_date(text: str) -> tuple[dt.date, str] | None:
    """The date of a line that shows nothing but a date (and "Published", "|")."""
    cleaned = collapse_whitespace(_DATE_NOISE.sub(" ", text))
    return parse_date(cleaned) if cleaned else None


def is_url_line(text: str) -> bool:
    """Whether a paragraph is a bare URL such as ``<https://...>``."""
    return bool(URL_LINE.match(text.strip()))


def url_of(text: str) -> str | None:
    """The URL a bare URL line shows."""
    match = URL_LINE.match(text.strip())
    return match.group("url") if match else None


def is_list_header(text: str) -> bool:
    """A short line ending in a colon that introduces a list ("Media coverage:")."""
    text = text.strip()
    return (
        text.endswith(":") and len(text.split()) <= 8 and not ends_sentence(text[:-1])
    )


def parse_link_entry(text: str) -> ParsedItem | None:
    """A link-list entry ("Outlet: [title](url)", "[title](url), note",
    "Outlet: <https://...>") as an item, or None when it does not open with one."""
    label, rest = None, text
    if label_match := LINK_LABEL.match(text):
        label = collapse_whitespace(strip_markup(label_match.group("label")))
        rest = text[label_match.end() :]
    if markdown := MARKDOWN_LINK.match(rest):
        title = collapse_whitespace(strip_markup(markdown.group("title")))
        note = collapse_whitespace(rest[markdown.end() :]).lstrip(",;–— ").strip()
        url = link_target(markdown.group("url"))
        return ParsedItem(title=title, url=url, label=label, description=note or None)
    if url_match := ANGLE_URL.match(rest):
        url = url_match.group("url") or url_match.group("bare")
        return ParsedItem(title=label or url, url=url, label=label)
    return None


def link_target(url: str) -> str | None:
    """A markdown link's target when it is a web address (not "#" or empty)."""
    return url if url.startswith(("http://", "https://")) else None


def caps_key(text: str) -> str:
    """An upper-case form without accents, for comparing labels ("VIS-A-VIS")."""
    decomposed = unicodedata.normalize("NFKD", collapse_whitespace(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def looks_like_person_name(text: str) -> bool:
    """Two to four capitalised words, none of them a job or rank word."""
    tokens = collapse_whitespace(strip_markup(text)).split()
    if not 2 <= len(tokens) <= 4 or re.search(r"[\d,;:()|@]", text):
        return False
    for token in tokens:
        if token.lower().strip(".") in ROLE_WORDS:
            return False
        if token in NAME_PARTICLES:
            continue
        if not token[:1].isupper() or (token.isupper() and len(token.strip(".")) > 1):
            return False
    return True


def split_names(text: str) -> list[str]:
    """Names in a list such as "A, B and C" (empty unless every part is a name)."""
    parts = [p.strip() for p in re.split(r",\s*|\s+(?:and|&)\s+", text) if p.strip()]
    names = [collapse_whitespace(strip_markup(p)) for p in parts]
    return names if names and all(looks_like_person_name(n) for n in names) else []
