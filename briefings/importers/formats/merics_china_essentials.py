"""MERICS China Essentials: a PDF newsletter in fixed upper-case sections.

An issue opens with its date and a CONTENTS list (dotted leaders, page numbers),
then sections under all-caps labels (TOP STORY, METRIX, TOPICS, VIS-À-VIS, PROFILE,
MERICS CHINA DIGEST, ...). In most sections each article is a title line followed
by paragraphs and link lists ("Media coverage and sources:"); the digest holds
short items ending their headline with "(Outlet)" and their text with a date.
An EDITORIAL TEAM footer names the editors; the publisher's address follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..text import (
    Line,
    comparable,
    ends_sentence,
    join_broken_paragraphs,
    looks_like_heading,
    numbered_lines,
)
from ..types import ParsedArticle, ParsedBriefing, ParsedItem
from ._merics_parts import (
    digest_articles,
    find_interviewee,
    footer_editors,
    is_footer_label,
    looks_like_digest,
)
from ._sections import (
    Paragraph,
    caps_key,
    is_list_header,
    is_url_line,
    paragraphs,
    parse_link_entry,
    standalone_date,
    url_of,
)

FORMAT = "merics_china_essentials"
PUBLICATION = "MERICS China Essentials"

CONTENTS_HEADERS = frozenset({"contents", "table of contents", "in this issue"})
CONTENTS_ENTRY = re.compile(
    r"^(?P<text>.*?\S)\s*(?:\.{2,}|…+)?\s*(?:\t|\s{2,}|\.\s*)(?P<page>\d{1,3})$"
)
KNOWN_LABELS = frozenset(
    {"TOP STORY", "METRIX", "TOPICS", "VIS-A-VIS", "PROFILE", "CHINA DIGEST"}
    | {"MERICS CHINA DIGEST", "EUROPE-CHINA", "MERICS PODCAST"}
)
# Section label (accents dropped) -> article kind; the first keyword found wins.
SECTION_KINDS = (
    ("DIGEST", "digest_item"),
    ("METRIX", "metric"),
    ("VIS-A-VIS", "interview"),
    ("INTERVIEW", "interview"),
    ("PROFILE", "feature"),
)
ISSUE_NUMBER = re.compile(r"(?:\bIssue|\bNo\.|#)\s*(?P<number>\d{1,4})\b", re.I)
# The leads that open the paragraphs of a TOPICS article.
LEAD_LABEL = re.compile(r"(?i)^(?:the facts|what to watch|merics analysis)\s*:")
LINK_LIST_WORDS = re.compile(r"(?i)\b(?:sources?|coverage|analysis|reading|links)\b")
PAGE_FURNITURE = re.compile(r"(?i)^(?:merics china essentials)?\W*\d{0,3}$")


@dataclass
class _Contents:
    """The contents list: section labels and article titles, in order."""

    labels: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    line_start: int = 0
    line_end: int = 0


def sniff(text: str) -> bool:
    """A MERICS China Essentials issue: its name as a line near the top, or MERICS
    with at least two of its fixed section labels as lines of their own."""
    lines = [line.text.strip() for line in numbered_lines(text) if line.text.strip()]
    for line in lines[:40]:
        if comparable(line).startswith("merics china essentials") and len(line) < 100:
            return True
    if "MERICS" not in text:
        return False
    return len({caps_key(line) for line in lines} & KNOWN_LABELS) >= 2


def parse(text: str) -> ParsedBriefing:
    """Parse an issue into its date, editors and one article per item."""
    lines = numbered_lines(text)
    last_line = max((line.number for line in lines if line.text.strip()), default=0)
    briefing = ParsedBriefing(
        format=FORMAT, publication=PUBLICATION, line_end=last_line
    )
    contents = _read_contents(lines)
    footer_start = _footer_start(lines, contents.line_end)
    body_lines = _drop_page_furniture(
        [line for line in lines if contents.line_end < line.number < footer_start]
    )
    briefing.editors = footer_editors(
        [line for line in lines if line.number >= footer_start]
    )
    paras = paragraphs(body_lines)
    sections = _sections(paras, contents, briefing.warnings)
    _read_header(briefing, lines, contents, sections)
    for label, section_paras in sections:
        if comparable(label) in CONTENTS_HEADERS:
            briefing.warnings.append("not imported: a contents list without pages")
            continue
        briefing.articles.extend(
            _section_articles(label, section_paras, contents, briefing)
        )
    return briefing


def _read_contents(lines: list[Line]) -> _Contents:
    """Entries after a CONTENTS line, up to the first line that is not one."""
    contents = _Contents()
    start = next(
        (line.number for line in lines if comparable(line.text) in CONTENTS_HEADERS), 0
    )
    if not start:
        return contents
    contents.line_start = contents.line_end = start
    pending = ""
    for line in lines[start:]:
        if not line.text.strip():
            continue
        match = CONTENTS_ENTRY.match(line.text.strip())
        if not match:
            if pending:  # two lines that are not entries end the list
                break
            pending = line.text.strip()
            continue
        entry = re.sub(r"[.…\s]+$", "", f"{pending} {match.group('text')}".strip())
        pending = ""
        contents.line_end = line.number
        if _is_label(entry):
            contents.labels.add(caps_key(entry))
        else:
            contents.titles.append(entry)
    return contents


def _footer_start(lines: list[Line], after: int) -> int:
    """The line of the EDITORIAL TEAM (PUBLISHER, IMPRINT) label, else past the end."""
    for line in lines[after:]:
        if is_footer_label(line.text):
            return line.number
    return len(lines) + 1


def _drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Blank the page numbers and running heads a PDF leaves between paragraphs;
    a number right under a section label is a METRIX figure and stays."""
    kept, previous = [], ""
    for line in lines:
        text = line.text.strip()
        furniture = bool(text) and bool(PAGE_FURNITURE.match(text))
        kept.append(
            Line(line.number, "") if furniture and not _is_label(previous) else line
        )
        previous = text or previous
    return kept


def _is_label(text: str, known: frozenset[str] | set[str] = KNOWN_LABELS) -> bool:
    """An all-caps short line such as "TOP STORY" or "VIS-À-VIS", or a known
    label in any case ("Top story")."""
    text = text.strip()
    if len(text) < 40 and caps_key(text) in known:
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 2
        and text.upper() == text
        and len(text.split()) <= 6
        and not re.search(r"[\d.,;:!?]", text)
    )


def _sections(
    paras: list[Paragraph], contents: _Contents, warnings: list[str]
) -> list[tuple[str, list[Paragraph]]]:
    """The body split at section labels; the contents list confirms labels."""
    sections: list[tuple[str, list[Paragraph]]] = []
    known = KNOWN_LABELS | contents.labels
    for para in paras:
        if not para.bullet and _is_label(para.clean, known):
            key = caps_key(para.clean)
            if (
                contents.labels
                and key not in contents.labels
                and key not in KNOWN_LABELS
            ):
                warnings.append(
                    f"low confidence: section {para.clean} is not in the contents"
                )
            sections.append((para.clean, []))
        elif sections:
            sections[-1][1].append(para)
        elif len(para.clean.split()) > 8:
            warnings.append(
                f"not imported: line {para.line_start} precedes every section"
            )
    return sections


def _read_header(
    briefing: ParsedBriefing,
    lines: list[Line],
    contents: _Contents,
    sections: list[tuple[str, list[Paragraph]]],
) -> None:
    """Date and issue number from the lines before the contents or first section."""
    first_section = min(
        (paras[0].line_start for _, paras in sections if paras), default=0
    )
    end = contents.line_start or first_section or len(lines)
    for line in lines[: end - 1]:
        dated = standalone_date(_without_masthead(line.text))
        if dated and briefing.date is None:
            briefing.date, briefing.date_precision = dated
        number = ISSUE_NUMBER.search(line.text)
        if number and "merics" in line.text.lower() and briefing.issue is None:
            briefing.issue = int(number.group("number"))


def _without_masthead(text: str) -> str:
    """A header line without the publication's name and issue number."""
    text = re.sub(r"(?i)\bMERICS\s+China\s+Essentials\b", " ", text)
    return ISSUE_NUMBER.sub(" ", text)


def _section_kind(label: str) -> str:
    key = caps_key(label)
    return next((kind for word, kind in SECTION_KINDS if word in key), "analysis")


def _section_articles(
    label: str, paras: list[Paragraph], contents: _Contents, briefing: ParsedBriefing
) -> list[ParsedArticle]:
    kind = _section_kind(label)
    if kind == "digest_item" or looks_like_digest(paras):
        return digest_articles(label, paras, briefing.date)
    articles = []
    for title, content in _split_titled(paras, contents):
        article = _titled_article(label, kind, title, content)
        _match_contents(article, contents)
        articles.append(article)
    return articles


def _split_titled(
    paras: list[Paragraph], contents: _Contents
) -> list[tuple[Paragraph | None, list[Paragraph]]]:
    """Groups of (title paragraph, content) within one section."""
    groups: list[tuple[Paragraph | None, list[Paragraph]]] = []
    for index, para in enumerate(paras):
        if _opens_article(paras, index, contents, bool(groups)):
            groups.append((para, []))
        elif groups:
            groups[-1][1].append(para)
        else:
            groups.append((None, [para]))
    return groups


def _opens_article(
    paras: list[Paragraph], index: int, contents: _Contents, started: bool
) -> bool:
    """A title line: the section's first line, a contents title, or a short line
    after a link list or before a "The facts:" lead."""
    para = paras[index]
    if para.bullet or index + 1 >= len(paras) or not _title_like(para.clean):
        return False
    if not started or any(
        _similar(para.clean, title) > 0.85 for title in contents.titles
    ):
        return True
    previous, following = paras[index - 1], paras[index + 1]
    after_list = previous.bullet or is_url_line(previous.text)
    return after_list or bool(LEAD_LABEL.match(following.clean))


def _title_like(text: str) -> bool:
    return looks_like_heading(text, max_words=25) or (
        text[:1] in "“\"‘'" and not text.endswith((".", ":"))
    )


def _titled_article(
    label: str, kind: str, title: Paragraph | None, content: list[Paragraph]
) -> ParsedArticle:
    article = ParsedArticle(
        title=title.clean if title else None, section=label, kind=kind
    )
    spans = ([title] if title else []) + content
    article.line_start, article.line_end = spans[0].line_start, spans[-1].line_end
    body = []
    for index, para in enumerate(content):
        link = _link_of(content, index)
        if link:
            article.links.append(link)
        elif not _heads_list(content, index):
            body.append(f"• {para.clean}" if para.bullet else para.clean)
    article.body = "\n\n".join(join_broken_paragraphs(body))
    if kind == "interview":
        article.interviewee = find_interviewee(article.paragraphs()[:3])
    if title is None:
        article.warnings.append(
            "low confidence: the section's first line is not a title"
        )
    return article


def _heads_list(content: list[Paragraph], index: int) -> bool:
    """A "Media coverage and sources:" line that introduces a list of links."""
    following = content[index + 1] if index + 1 < len(content) else None
    header = content[index].clean
    if not (following and following.bullet and is_list_header(header)):
        return False
    return bool(LINK_LIST_WORDS.search(header) or parse_link_entry(following.text))


def _link_of(content: list[Paragraph], index: int) -> ParsedItem | None:
    """The link a paragraph is: an entry of a link list, or a bare URL line."""
    para = content[index]
    if is_url_line(para.text):
        url = url_of(para.text)
        return ParsedItem(title=url, url=url)
    if not para.bullet:
        return None
    item = parse_link_entry(para.text)
    first = index
    while first > 0 and content[first - 1].bullet:
        first -= 1
    in_list = first > 0 and _heads_list(content, first - 1)
    if item is None and in_list and not ends_sentence(para.clean):
        label, _, title = para.clean.rpartition(": ")
        item = ParsedItem(title=title, label=label or None)
    return item


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, comparable(a), comparable(b)).ratio()


def _match_contents(article: ParsedArticle, contents: _Contents) -> None:
    """The contents list's wording of the title, kept when it differs."""
    if not article.title or not contents.titles:
        return
    best = max(contents.titles, key=lambda title: _similar(title, article.title))
    differs = comparable(best) != comparable(article.title)
    if differs and _similar(best, article.title) >= 0.6:
        article.alternate_titles.append(best)
