"""Dialogue China Briefing: the masthead and the "Topics in This Issue" contents list.

The contents list is flattened into run-on lines: a section name (maybe with a
parenthetical note) glued to the titles filed under it, e.g.
"Policy/Politics (Public Opinion within the Great Firewall)From ...StreamingCan ...".
The first body section name is often glued to the end of the last line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..text import Line, collapse_whitespace, comparable, find_date, looks_like_heading
from ._article_text import split_at_seams

MASTHEAD = re.compile(r"Dialogue\s*China\s*Briefing|Topics\s*in\s*This\s*Issue", re.I)
_TOPICS_LABEL = re.compile(r"Topics\s*in\s*This\s*Issue", re.I)
_ISSUE = re.compile(r"\bIssue\s*(?:No\.?\s*)?#?\s*(\d+)", re.I)
_PARENTHETICAL_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_MIN_TITLE_MATCH = 0.6


@dataclass
class ContentsEntry:
    title: str
    section: str | None


@dataclass
class Contents:
    entries: list[ContentsEntry] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    # A section name glued to the end of the list: the first article's section.
    trailing_section: str | None = None

    def best_match(self, title: str, used: set[int]) -> int | None:
        """Index of the unused entry with the closest title, if close enough."""
        scores = [
            (title_similarity(entry.title, title), index)
            for index, entry in enumerate(self.entries)
            if index not in used
        ]
        best = max(scores, default=(0.0, None))
        return best[1] if best[0] >= _MIN_TITLE_MATCH else None


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are (0..1), compared in their comparable form."""
    return SequenceMatcher(None, comparable(a), comparable(b)).ratio()


def section_name(piece: str) -> str | None:
    """The section name in "Name (note)", or None if piece is not shaped like one."""
    name = collapse_whitespace(_PARENTHETICAL_NOTE.sub("", piece))
    if not name or len(name.split()) > 5 or name.endswith("?"):
        return None
    return name if looks_like_heading(name) else None


def masthead_line(lines: list[Line]) -> Line | None:
    """The line naming the briefing, its date and issue ("Dialogue China...")."""
    return next((line for line in lines if MASTHEAD.search(line.text)), None)


def masthead_date(lines: list[Line]) -> tuple[dt.date, str] | None:
    """The issue date: the first date on the masthead line, else on any head line."""
    masthead = masthead_line(lines)
    candidates = [masthead] if masthead else []
    candidates += [line for line in lines if line is not masthead]
    for line in candidates:
        found = find_date(line.text)
        if found:
            return found[0], found[1]
    return None


def masthead_issue(lines: list[Line]) -> int | None:
    """The issue number named on the masthead ("... – Issue 140")."""
    for line in lines:
        match = _ISSUE.search(line.text)
        if match and MASTHEAD.search(line.text):
            return int(match.group(1))
    return None


def _contents_texts(lines: list[Line]) -> list[str]:
    """The contents lines: after the masthead (and after its "Topics in This Issue")."""
    masthead = masthead_line(lines)
    if masthead is None:
        return []
    texts = []
    label = _TOPICS_LABEL.search(masthead.text)
    if label and masthead.text[label.end() :].strip():
        texts.append(masthead.text[label.end() :])
    texts += [line.text for line in lines if line.number > masthead.number]
    return [text for text in texts if text.strip()]


def _is_prose(piece: str) -> bool:
    """A disclaimer sentence rather than a title ("The articles ... reflect...")."""
    return piece.endswith(".") and len(piece.split()) > 12


def parse_contents(lines: list[Line]) -> Contents:
    """The contents list in the lines between the masthead and the first article."""
    contents = Contents()
    current: str | None = None
    for text in _contents_texts(lines):
        pieces = split_at_seams(text)
        name = section_name(pieces[0]) if pieces else None
        if name and (len(pieces) > 1 or len(name.split()) <= 3 or "(" in pieces[0]):
            current = name
            contents.sections.append(name)
            pieces = pieces[1:]
        for piece in pieces:
            if section_name(piece) in contents.sections:
                contents.trailing_section = section_name(piece)
            elif not _is_prose(piece):
                entry = ContentsEntry(collapse_whitespace(piece), current)
                contents.entries.append(entry)
    _split_trailing_section(contents)
    if current and not any(entry.section == current for entry in contents.entries):
        # A section heading with nothing listed under it heads the first article.
        contents.trailing_section = current
    return contents


def _split_trailing_section(contents: Contents) -> None:
    """Move a known section name trailing the last title into trailing_section."""
    if not contents.entries:
        return
    last = contents.entries[-1]
    for name in sorted(contents.sections, key=len, reverse=True):
        pattern = rf"\s+{re.escape(name)}\s*(?:\([^()]*\))?$"
        match = re.search(pattern, last.title)
        if match and match.start() > 0:
            last.title = last.title[: match.start()].strip()
            contents.trailing_section = name
            return
