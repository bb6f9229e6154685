"""China Neican briefs: a weekly column in numbered sections, then reading lists.

A brief opens with "Brief #42: <title>", an about line naming its editors ("edited
by A and B") and sometimes a date line. The numbered sections ("1. Party
leadership") are written by the editors and hold short unpunctuated subheadings;
unnumbered lists of bullet entries ("Chinoiserie", "This week on China Story:")
close the brief. Each section is a top-level article, so ``section`` stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import (
    collapse_whitespace,
    comparable,
    ends_sentence,
    looks_like_heading,
    numbered_lines,
    strip_markup,
)
from ..types import ParsedArticle, ParsedBriefing, ParsedItem
from ._sections import (
    ANGLE_URL,
    MARKDOWN_LINK,
    Paragraph,
    is_debris,
    link_target,
    paragraphs,
    split_names,
    standalone_date,
)

FORMAT = "china_neican"
PUBLICATION = "China Neican"

BRIEF_LINE = re.compile(
    r"^(?:[\w ]{0,40}?\s)?(?P<kind>Brief|Digest|Issue)\s*(?:#|No\.)\s*(?P<issue>\d+)\b"
    r"\s*[:–—|-]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
NUMBERED_HEADING = re.compile(
    r"^#*\s*(?P<number>\d{1,2}|[IVX]{1,4})[.)]\s+(?P<title>\S.*)$"
)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
BYLINE = re.compile(r"^(?:by|edited by|words by)\s+(?P<names>.+?)\.?$", re.I)
# A date closing the title line: "Brief #42: Title (18 September 2020)", "... | date"
TITLE_DATE = re.compile(r"\s*(?:[|–—]\s*|\()(?P<date>[^|()–—]+?)\)?\s*$")
EDITED_BY = re.compile(
    r"\b(?:edited|written|curated|compiled) by\s+(?P<names>.+?)"
    r"(?=\s+(?:from|at|of|for|with|who)\b|[.;(]|$)",
    re.IGNORECASE,
)
# Unnumbered closing sections known from past briefs; others are recognised as a
# short heading followed only by bullet entries.
LIST_SECTION_NAMES = frozenset(
    {
        "chinoiserie",
        "recommendations",
        "what we are reading",
        "what we're reading",
        "reading list",
        "further reading",
        "elsewhere",
        "other reads",
        "worth reading",
    }
)
LIST_SECTION_PREFIXES = (
    "recommend",
    "neican recommend",
    "this week on",
    "on china story",
)
NO_NUMBERED_SECTIONS = "low confidence: no numbered sections; sections are short lines"
GUESSED_COLON = (
    "low confidence: an entry's title and description split at a guessed colon"
)


@dataclass
class _Start:
    """Where a section begins: its heading paragraph, title and kind."""

    index: int
    title: str
    kind: str


def sniff(text: str) -> bool:
    """A China Neican brief: "Neican" in its opening lines (unless they title another
    of its products, such as a "Digest #N"), or a "Brief #N" title line followed by
    numbered sections."""
    head = [line.text for line in numbered_lines(text) if line.text.strip()][:15]
    kinds = {
        m.group("kind").lower()
        for line in head
        if (m := BRIEF_LINE.match(line.strip()))
    }
    if re.search(r"\bNeican\b", " ".join(head), re.IGNORECASE):
        return "brief" in kinds or not kinds
    return "brief" in kinds and bool(re.search(r"(?m)^1[.)] \S", text))


def parse(text: str) -> ParsedBriefing:
    """Parse a China Neican brief into its header fields and one article per section."""
    lines = numbered_lines(text)
    found = [p for p in paragraphs(lines) if not is_debris(p.text)]
    about = [p for p in found if _is_about(p)]
    paras = [p for p in found if not _is_about(p)]
    last_line = max((line.number for line in lines if line.text.strip()), default=0)
    briefing = ParsedBriefing(
        format=FORMAT, publication=PUBLICATION, line_end=last_line
    )
    starts = _section_starts(paras)
    if not starts:
        starts = _fallback_starts(paras)
        briefing.warnings.append(NO_NUMBERED_SECTIONS)
    header = paras[: starts[0].index] if starts else paras
    briefing.editors = _editors(about, header)
    _read_header(briefing, header)
    for position, start in enumerate(starts):
        end = starts[position + 1].index if position + 1 < len(starts) else len(paras)
        heading, content = paras[start.index], paras[start.index + 1 : end]
        briefing.articles.append(_article(start, heading, content, briefing.editors))
    return briefing


def _is_about(para: Paragraph) -> bool:
    """The column's self-description ("China Neican is a column ... edited by")."""
    text = para.text.lower()
    return "neican" in text and ("edited by" in text or "past issues" in text)


def _editors(about: list[Paragraph], header: list[Paragraph]) -> list[str]:
    """The editors named in the about line, or in a byline before the sections."""
    for para in about:
        match = EDITED_BY.search(para.clean)
        if match and (names := split_names(match.group("names"))):
            return names
    for para in header:
        match = BYLINE.match(para.clean)
        if match and (names := split_names(match.group("names"))):
            return names
    return []


def _read_header(briefing: ParsedBriefing, header: list[Paragraph]) -> None:
    """Issue, title and date from the paragraphs before the first section."""
    leftover = []
    for para in header:
        match = BRIEF_LINE.match(para.clean)
        dated = standalone_date(para.clean)
        if match and briefing.issue is None:
            briefing.issue = int(match.group("issue"))
            _read_title(briefing, match.group("title").strip())
        elif dated and briefing.date is None:
            briefing.date, briefing.date_precision = dated
        elif not BYLINE.match(para.clean):
            leftover.append(para)
    if leftover:
        lines = f"{leftover[0].line_start}-{leftover[-1].line_end}"
        briefing.warnings.append(f"preamble not imported: lines {lines}")


def _read_title(briefing: ParsedBriefing, title: str) -> None:
    """The brief's title, and the date when the title line closes with one."""
    match = TITLE_DATE.search(title)
    dated = standalone_date(match.group("date")) if match else None
    if match and dated:
        title = title[: match.start()].strip(" :–—-")
        briefing.date, briefing.date_precision = dated
    elif dated := standalone_date(title):
        title = ""
        briefing.date, briefing.date_precision = dated
    briefing.title = title or None


def _section_starts(paras: list[Paragraph]) -> list[_Start]:
    """Numbered sections, then the unnumbered reading lists after them."""
    starts = _numbered_starts(paras)
    if not starts:
        return []
    numbered = {start.index for start in starts}
    last_numbered = starts[-1].index
    for index in range(starts[0].index + 1, len(paras)):
        if index in numbered:
            continue
        title = _list_section_title(paras, index, index > last_numbered)
        if title:
            starts.append(_Start(index, title, "link_list"))
    return sorted(starts, key=lambda start: start.index)


def _numbered_starts(paras: list[Paragraph]) -> list[_Start]:
    """Headings "N. Title" numbered 1, 2, 3 ... in order; a heading directly
    followed by another numbered line belongs to a list, not a section."""
    candidates = []
    for index, para in enumerate(paras):
        match = NUMBERED_HEADING.match(para.clean)
        if not match or para.bullet or para.indented:
            continue
        title = match.group("title").strip().rstrip(":")
        following = paras[index + 1].clean if index + 1 < len(paras) else ""
        if looks_like_heading(title, max_words=12) and not NUMBERED_HEADING.match(
            following
        ):
            number = _number_value(match.group("number"))
            candidates.append((number, _Start(index, title, "column_section")))
    if not candidates:
        return []
    expected = 1 if any(number == 1 for number, _ in candidates) else candidates[0][0]
    starts = []
    for number, start in candidates:
        if number == expected:
            starts.append(start)
            expected += 1
    return starts


def _number_value(number: str) -> int:
    """The value of a section number, Arabic ("3") or Roman ("III")."""
    if number.isdigit():
        return int(number)
    values = [ROMAN_VALUES[char] for char in number]
    following = values[1:] + [0]
    return sum(-v if v < f else v for v, f in zip(values, following, strict=True))


def _list_section_title(
    paras: list[Paragraph], index: int, in_tail: bool
) -> str | None:
    """The title of a closing reading list starting here, or None."""
    para = paras[index]
    title = para.clean.rstrip(":").strip()
    if para.bullet or not looks_like_heading(title, max_words=8):
        return None
    name = comparable(title)
    if name in LIST_SECTION_NAMES or name.startswith(LIST_SECTION_PREFIXES):
        return title
    return title if in_tail and _followed_by_list(paras, index) else None


def _followed_by_list(paras: list[Paragraph], index: int) -> bool:
    """Whether only bullet entries follow, up to the end or the next short heading."""
    after = index + 1
    while after < len(paras) and paras[after].bullet:
        after += 1
    if after == index + 1:
        return False
    return after == len(paras) or looks_like_heading(paras[after].clean.rstrip(":"))


def _fallback_starts(paras: list[Paragraph]) -> list[_Start]:
    """Without numbered sections: every short line followed by prose opens one."""
    starts = []
    for index, para in enumerate(paras[:-1]):
        title = para.clean
        if BRIEF_LINE.match(title) or standalone_date(title) or para.bullet:
            continue
        if looks_like_heading(title, max_words=8) and ends_sentence(
            paras[index + 1].clean
        ):
            starts.append(_Start(index, title, "column_section"))
    return starts


def _article(
    start: _Start, heading: Paragraph, content: list[Paragraph], editors: list[str]
) -> ParsedArticle:
    article = ParsedArticle(title=start.title, kind=start.kind, section=None)
    article.line_start = heading.line_start
    article.line_end = content[-1].line_end if content else heading.line_end
    article.body = "\n\n".join(f"• {p.clean}" if p.bullet else p.clean for p in content)
    if start.kind == "link_list":
        _fill_list(article, content, editors)
    else:
        article.authors = list(editors)
        article.subheadings = [
            p.clean for i, p in enumerate(content) if _is_subheading(content, i)
        ]
    return article


def _is_subheading(content: list[Paragraph], index: int) -> bool:
    """A short line without final punctuation that introduces prose."""
    para = content[index]
    if para.bullet or index + 1 >= len(content):
        return False
    following = content[index + 1]
    return looks_like_heading(para.clean, max_words=10) and (
        following.bullet or not looks_like_heading(following.clean, max_words=10)
    )


def _fill_list(
    article: ParsedArticle, content: list[Paragraph], editors: list[str]
) -> None:
    """Items of a reading list; entries written by others leave the editors out."""
    entries = [p for p in content if p.bullet] or content
    for entry in entries:
        item, guessed = _list_item(entry.text)
        article.items.append(item)
        if guessed and GUESSED_COLON not in article.warnings:
            article.warnings.append(GUESSED_COLON)
    article.authors = (
        [] if any(item.authors for item in article.items) else list(editors)
    )


def _list_item(text: str) -> tuple[ParsedItem, bool]:
    """An entry as an item: "Author, Title: description" where it reads so; the
    flag tells whether the title's end had to be guessed among several colons."""
    markdown = MARKDOWN_LINK.search(text)
    bare = ANGLE_URL.search(text)
    url = link_target(markdown.group("url")) if markdown else None
    if bare and not url:
        url = bare.group("url") or bare.group("bare")
    plain = collapse_whitespace(ANGLE_URL.sub("", strip_markup(text)))
    authored = _split_authored_entry(plain)
    if not authored:
        return ParsedItem(title=plain, url=url), False
    names, title, description, guessed = authored
    return ParsedItem(
        title=title, url=url, authors=names, description=description
    ), guessed


def _split_authored_entry(text: str) -> tuple[list[str], str, str, bool] | None:
    names, rest = [], ""
    for comma in re.finditer(r",\s+", text):
        candidate = split_names(text[: comma.start()])
        if not candidate:
            break
        names, rest = candidate, text[comma.end() :]
    parts = rest.split(": ")
    if not names or len(parts) < 2 or parts[0][:1].islower():
        return None
    # A colon inside the title ("Title: subtitle: description") is told apart from
    # the one before the description by the absence of a sentence in between.
    taken = 1
    while taken < len(parts) - 1 and not _has_sentence(parts[taken]):
        taken += 1
    title, description = ": ".join(parts[:taken]), ": ".join(parts[taken:])
    return names, title, description, len(parts) > 2


def _has_sentence(text: str) -> bool:
    return len(text.split()) > 12 or bool(re.search(r"[.!?](?:\s|$)", text))
