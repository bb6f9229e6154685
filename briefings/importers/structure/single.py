"""The head of a single article on a web or PDF page: chrome, masthead, title.

A saved page starts with what the site puts above every article: cookie banners,
navigation rows ("Home | China | World"), breadcrumbs ("Home > News"), share rows,
the site's masthead, a rubric ("Commentary"). The title is the heading line that the
byline or date block follows (or, failing that, the one a date or issue line
precedes); everything above it is chrome, except the masthead, which names the
publication, and date or issue lines, which date the page. Official documents put
the issuing body above the title and a document number below it ("Guo Ban Fa
[2024] No. 9"): the body is then the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats._article_text import split_names
from . import catalogue
from .dates import FoundDate, find_dates, strip_label
from .roles import (
    DOCUMENT_NUMBER,
    ROLE_WORDS,
    Unit,
    is_navigation,
    issue_number,
    wire_dateline,
)

BODY_WORDS = 20  # a prose line this long starts the body
MIN_TITLE_WORDS = 3
STRONG_TITLE = 2  # a byline, date or document number under the title (or its dek)
CLOSING_LINES = 4  # a date among the last lines signs the text off
# the title, a dek, a byline and a role line, then the date line
DATE_LINES_UNDER_TITLE = 5
CREDIT_LINES = 15  # a translation's credit stands near the top
MAX_MASTHEAD_WORDS = 12
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\b", re.I)
_COOKIES = re.compile(r"\bcookies?\b", re.I)
_EPISODE = re.compile(
    r"^(?:episode|ep\.|issue|no\.|number|#)\s*(?P<number>\d{1,5})\s*[:.–—-]\s+", re.I
)
_SMALL_WORDS = {"of", "the", "and", "in", "for", "on", "at", "to", "a", "an", "&", "de"}


@dataclass
class PageHead:
    title_index: int
    chrome: list[int] = field(default_factory=list)  # line numbers above the title
    masthead: str | None = None
    issuer: str | None = None  # the body that issued an official document
    issue: int | None = None
    date: FoundDate | None = None
    title_text: str | None = None  # the title without an "Episode 12:" prefix
    strong: bool = False  # a byline, date or document number stands under the title
    authors: list[str] = field(default_factory=list)  # a names line under the title
    signed_on: FoundDate | None = None  # a date line closing the text
    roles: list[int] = field(default_factory=list)  # role lines under the names


def is_chrome(unit: Unit) -> bool:
    """Navigation, breadcrumbs, share rows, cookie banners and other page furniture."""
    if unit.role in ("noise", "contents", "url") or is_navigation(unit):
        return True
    return unit.role == "prose" and bool(_COOKIES.search(unit.text))


def _is_title_case(text: str) -> bool:
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w'’.-]*", text)
        if w.lower() not in _SMALL_WORDS
    ]
    return bool(words) and all(w[0].isupper() for w in words)


def _is_sentence_case(text: str) -> bool:
    """Most longer words in lower case: a sentence (a dek), not a headline."""
    words = re.findall(r"[^\W\d_]{4,}", text)
    return bool(words) and sum(w[0].islower() for w in words) * 2 > len(words)


def _body_start(units: list[Unit]) -> int:
    for index, unit in enumerate(units):
        long = unit.role == "prose" and len(unit.text.split()) >= BODY_WORDS
        if long and not is_chrome(unit):
            return index
    return len(units)


def _words_besides_dates(text: str) -> int:
    """How many words a line has besides its dates and times (a page clock has few)."""
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    return len(re.findall(r"[^\W\d_]{2,}", _CLOCK.sub(" ", text)))


def _continues(units: list[Unit], index: int) -> bool:
    """A hard-wrapped line whose sentence goes on in the next line."""
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        following is not None
        and not following.blank_before
        and following.text[:1].islower()
    )


def is_role_line(text: str) -> bool:
    """A short line describing someone: "Research Fellow, Lowy Institute"."""
    return len(text.split()) <= 12 and bool(ROLE_WORDS.search(text)) and "," in text


def _is_byline(unit: Unit | None) -> bool:
    return unit is not None and (
        unit.role in ("date", "names")
        or (unit.role == "meta" and bool(unit.meta.authors or unit.meta.date))
    )


def _title_score(units: list[Unit], index: int) -> float:
    unit = units[index]
    after = [u for u in units[index + 1 :] if not is_chrome(u)][:2]
    following = after[0] if after else None
    previous = next((u for u in reversed(units[:index]) if not is_chrome(u)), None)
    score = 0.0
    if _is_byline(following):
        score += 3
    elif following is not None and following.role == "prose" and len(after) == 2:
        score += 2 if _is_byline(after[1]) else 0  # title, dek, byline
    if following is not None and DOCUMENT_NUMBER.match(following.text):
        score += 3
    if previous is not None and previous.role in ("date", "issue"):
        score += 1
    if unit.text.isupper():
        score -= 2
    return score


def read_page_head(units: list[Unit]) -> PageHead | None:
    """Where the title of a single article stands and what the lines above it show."""
    end = _body_start(units)
    candidates = [
        i
        for i, u in enumerate(units[:end])
        if u.role in ("heading", "issue")
        and not is_chrome(u)
        and len(u.text.split()) >= MIN_TITLE_WORDS
        and not catalogue.lookup(u.text)
        and not _continues(units, i)
        and _words_besides_dates(u.text) >= MIN_TITLE_WORDS
    ]
    if not candidates:
        return None
    # of equally headed lines, the one nearest the body (a tagline stands above)
    title_index = max(candidates, key=lambda i: (_title_score(units, i), i))
    strong = _title_score(units, title_index) >= STRONG_TITLE
    if (
        title_index - 1 in candidates
        and _is_sentence_case(units[title_index].text)
        and _is_title_case(units[title_index - 1].text)
    ):
        title_index -= 1  # a title over its dek (standfirst), then the byline
    head = PageHead(title_index=title_index, strong=strong)
    above = units[:title_index]
    head.chrome = [u.number for u in above]
    head.masthead = _masthead(above)
    following = units[title_index + 1] if title_index + 1 < len(units) else None
    if following is not None and DOCUMENT_NUMBER.match(following.text):
        head.issuer, head.masthead = head.masthead, None
        head.chrome.append(following.number)
    _dates_and_issue(head, units[: min(end, title_index + DATE_LINES_UNDER_TITLE)])
    for position in range(title_index + 1, min(end, title_index + 4)):
        unit = units[position]
        if unit.role == "names" and unit.meta and not head.authors:
            head.authors = unit.meta.authors  # a names line under the title (or dek)
            below = units[position + 1] if position + 1 < len(units) else None
            if below is not None and is_role_line(below.text):
                head.roles.append(below.number)
        elif unit.role == "meta" and unit.meta and unit.meta.authors:
            # "Interview by A | 7 May 2024 | 9 min read", "By A, Fellow, and B, ..."
            head.authors = head.authors or unit.meta.authors
            dated = unit.meta.date and unit.meta.date.date
            head.date = head.date or (unit.meta.date if dated else None)
    for unit in reversed(units[-CLOSING_LINES:]):
        if unit.role == "date" and unit.meta.date and unit.meta.date.date:
            head.signed_on = unit.meta.date
            break
    title = units[title_index].text
    episode = _EPISODE.match(title)
    if episode:
        head.issue = head.issue or int(episode.group("number"))
        head.title_text = title[episode.end() :]
    return head


FIRST_PARAGRAPHS = 2  # a dateline opens the story


def wire_of(paragraphs: list[str]) -> str | None:
    """The known wire a story's dateline names ("BEIJING, March 3 (Reuters) -")."""
    for paragraph in paragraphs[:FIRST_PARAGRAPHS]:
        found = wire_dateline(paragraph)
        if found:
            return found[0]
    return None


def names_itself(name: str, lines: list[str]) -> bool:
    """Whether the page's own chrome or footer lines name the wire ("Our Standards:
    The Thomson Reuters Trust Principles"): then the page is the wire's own."""
    known = catalogue.lookup(name)
    return known is not None and any(
        catalogue.mentioned(line) is known for line in lines
    )


# "Issue 58 | 15 January 2024" inside a masthead line flattened into running text
_ISSUE_AND_DATE = re.compile(
    r"\b(?:issue|no\.|number|#)\s*(?P<number>\d{1,5})\s*[|·,–—-]\s*(?P<rest>.{6,40})",
    re.I,
)


def issue_and_date(first: Unit | None) -> tuple[int, FoundDate] | None:
    """The issue number and date a first line shows side by side, as a flattened
    masthead does ("MONITOR Weekly digest ... Issue 58 | 15 January 2024 ...")."""
    match = _ISSUE_AND_DATE.search(first.text) if first is not None else None
    found = find_dates(match.group("rest")) if match else []
    if found and found[0].start == 0 and found[0].date is not None:
        return int(match.group("number")), found[0]
    return None


# "This translation is by A, B, and C.": the authors credited in a sentence
_CREDITED = re.compile(
    r"^This (?:translation|article|piece|report|analysis|paper|brief) (?:is|was)"
    r" (?:(?:written|prepared|translated) )?by (?P<names>[^.]+)\."
)


def credited_authors(units: list[Unit]) -> list[str]:
    """The authors a credit sentence names in the page's first paragraphs."""
    for unit in units[:CREDIT_LINES]:
        match = _CREDITED.match(unit.text)
        names = split_names(match.group("names")) if match else None
        if names:
            return names
    return []


def yearless_dateline(units: list[Unit]) -> str | None:
    """A date line above the body that shows no year ("August 17", "Monday, 4
    March"): the caller records that precision and leaves the date empty."""
    for unit in units[: _body_start(units)]:
        if unit.role == "date" and unit.meta.date and unit.meta.date.date is None:
            return unit.text
    return None


def _masthead(above: list[Unit]) -> str | None:
    """The first name-like line above the title (not a rubric right above it)."""
    for position, unit in enumerate(above):
        if is_chrome(unit) or unit.role not in ("heading", "names", "meta", "issue"):
            continue
        if unit.role == "meta" and (unit.meta.date or unit.meta.authors):
            continue
        known = catalogue.lookup(unit.text)
        text = unit.text.strip()
        words = len(text.split())
        rubric = position == len(above) - 1 and words <= 2 and not known
        if known and unit.role != "issue":
            return text
        if unit.role == "issue" or rubric or words > MAX_MASTHEAD_WORDS or words < 2:
            continue
        if find_dates(text) or not (_is_title_case(text) or text.isupper()):
            continue
        return text
    return None


def _dates_and_issue(head: PageHead, units: list[Unit]) -> None:
    for unit in units:
        if head.issue is None and unit.role in ("issue", "heading", "meta", "date"):
            head.issue = issue_number(unit.text) if unit.role != "date" else None
        if head.date is not None or unit.role not in (
            "date",
            "meta",
            "issue",
            "heading",
        ):
            continue
        text = strip_label(unit.text)
        labelled = text != unit.text  # "Published 3 Apr 2024 10:00  Updated ..."
        for found in find_dates(text):
            starts = found.start <= 1 or unit.role in ("date", "issue")
            if found.date and starts and (unit.role != "heading" or labelled):
                head.date = found
                break
