"""The parts of a MERICS China Essentials issue that are not plain articles:
digest items, the interviewee of a VIS-À-VIS, and the editorial-team footer."""

from __future__ import annotations

import datetime as dt
import re

from ..text import (
    NUMERIC_DATE,
    Line,
    collapse_whitespace,
    parse_date,
    parse_numeric_date,
    strip_markup,
)
from ..types import ParsedArticle, ParsedItem
from ._sections import (
    ROLE_WORDS,
    Paragraph,
    caps_key,
    is_url_line,
    looks_like_person_name,
    url_of,
)

FOOTER_LABELS = frozenset(
    {"EDITORIAL TEAM", "EDITORIAL", "IMPRINT", "PUBLISHER", "MANAGING EDITOR"}
    | {"EDITOR", "EDITORS", "EDITOR-IN-CHIEF", "CONTACT"}
)
# Footer labels unlikely to be a line of an article, so accepted in any case.
UNAMBIGUOUS_FOOTER_LABELS = frozenset({"EDITORIAL TEAM", "IMPRINT", "PUBLISHER"})
OUTLET_SUFFIX = re.compile(r"^(?P<title>.+?)\s*\((?P<outlet>[^()]{2,80})\)$")
TRAILING_DATE = re.compile(r"\s*\((?P<date>[^()]{6,30})\)\s*$")
INTERVIEW_INTRO = re.compile(
    r"\b(?:spoke|speaks|talked|talks)\s+(?:with|to)\s+(?P<who>[^,.;:]+?)"
    r"(?=\s+(?:about|on|regarding)\b|[,.;:]|$)"
    r"|\binterview with\s+(?P<other>[^,.;:]+?)(?=\s+(?:about|on)\b|[,.;:]|$)",
    re.IGNORECASE,
)


def is_footer_label(text: str) -> bool:
    """Whether a line opens the footer ("EDITORIAL TEAM", "PUBLISHER", ...)."""
    key = caps_key(text)
    if key in UNAMBIGUOUS_FOOTER_LABELS:
        return True
    return key in FOOTER_LABELS and text.strip().isupper()


def footer_editors(lines: list[Line]) -> list[str]:
    """Names under the footer's editor labels; job titles and the publisher are not."""
    editors: list[str] = []
    collecting, previous = False, ""
    for line in lines:
        text = collapse_whitespace(line.text)
        is_label = _is_footer_role(text)
        if is_label:
            collecting = "EDITOR" in caps_key(text)
        elif text and collecting and _opens_person_block(text, previous):
            editors.append(collapse_whitespace(strip_markup(text)))
        previous = "" if is_label else text
    return editors


def _is_footer_role(text: str) -> bool:
    """A role header of the footer: "MANAGING EDITOR", "GRAPHICS", "Editorial team"."""
    return bool(text) and (
        (text.isupper() and not re.search(r"\d", text)) or is_footer_label(text)
    )


def _opens_person_block(text: str, previous: str) -> bool:
    """A name that opens a block; a name-like line right after a name is a job."""
    return looks_like_person_name(text) and not looks_like_person_name(previous)


def find_interviewee(paragraphs: list[str]) -> str | None:
    """The person an interview's introduction names ("spoke with Fellow X about")."""
    for paragraph in paragraphs:
        match = INTERVIEW_INTRO.search(paragraph)
        if not match:
            continue
        tokens = (match.group("who") or match.group("other")).split()
        while tokens and (
            tokens[0].lower() in ROLE_WORDS or not tokens[0][:1].isupper()
        ):
            tokens.pop(0)
        name = " ".join(tokens)
        if looks_like_person_name(name):
            return name
    return None


def looks_like_digest(paras: list[Paragraph]) -> bool:
    """Whether a section reads as a digest: items under "(Outlet)" headlines
    whose text ends in a date, whatever the section's label."""
    headlines = sum(_is_headline(para) for para in paras)
    dated = sum(_ends_with_date(para.clean) for para in paras)
    return headlines >= 2 and dated >= 2


def _ends_with_date(text: str) -> bool:
    match = TRAILING_DATE.search(text)
    return bool(match and _date_of(match.group("date")))


def digest_articles(
    label: str, paras: list[Paragraph], reference: dt.date | None
) -> list[ParsedArticle]:
    """One article per digest item: headline "(Outlet)", text "(date)", URL line."""
    groups: list[list[Paragraph]] = []
    for para in paras:
        if not groups or _item_ended(groups[-1], para) or _is_headline(para):
            groups.append([para])
        else:
            groups[-1].append(para)
    return [_digest_article(label, group, reference) for group in groups]


def _item_ended(group: list[Paragraph], following: Paragraph) -> bool:
    """An item ends with its URL line, or with the date closing its text when no
    URL line follows."""
    last = group[-1]
    if is_url_line(last.text):
        return True
    closing_date = len(group) > 1 and _ends_with_date(last.clean)
    return closing_date and not is_url_line(following.text)


def _is_headline(para: Paragraph) -> bool:
    """A digest headline: a short line that ends in "(Outlet)" (or a date) and
    is no sentence (item texts end ". (24/02/23)")."""
    match = OUTLET_SUFFIX.match(para.clean)
    if para.bullet or not match or len(para.clean.split()) > 30:
        return False
    return not _ends_with_stop(match.group("title"))


def _ends_with_stop(text: str) -> bool:
    """Whether text ends in a full stop (a closing quote alone does not count)."""
    return bool(re.search(r"[.!?…][\"'”’)\]]*$", text.strip()))


def _digest_article(
    label: str, group: list[Paragraph], reference: dt.date | None
) -> ParsedArticle:
    article = ParsedArticle(title=None, section=label, kind="digest_item")
    article.line_start, article.line_end = group[0].line_start, group[-1].line_end
    content = group
    if _is_headline(group[0]) or not _ends_with_stop(group[0].clean):
        _read_headline(article, group[0].clean, reference)
        content = group[1:]
    else:
        article.warnings.append("low confidence: digest item without a headline")
    body = []
    for para in content:
        if is_url_line(para.text):
            url = url_of(para.text)
            article.links.append(
                ParsedItem(title=article.title or url, url=url, label=article.outlet)
            )
        else:
            body.append(para.clean)
    if body and article.date is None:
        body[-1] = _take_trailing_date(article, body[-1], reference)
    article.body = "\n\n".join(paragraph for paragraph in body if paragraph)
    return article


def _read_headline(
    article: ParsedArticle, headline: str, reference: dt.date | None
) -> None:
    """Title and outlet from "Headline (Outlet)" or "Headline (Outlet, date)"."""
    match = OUTLET_SUFFIX.match(headline)
    if not match:
        article.title = headline
        return
    article.title = match.group("title").strip()
    outlet, _, when = match.group("outlet").rpartition(",")
    date = _date_of(when, reference)
    if date:
        article.date, article.date_precision = date, "day"
    article.outlet = (outlet if date else match.group("outlet")).strip() or None


def _take_trailing_date(
    article: ParsedArticle, paragraph: str, reference: dt.date | None
) -> str:
    """Move the "(24/02/23)" that ends an item's text into its date."""
    match = TRAILING_DATE.search(paragraph)
    date = _date_of(match.group("date"), reference) if match else None
    if not date:
        return paragraph
    article.date, article.date_precision = date, "day"
    if reference is None and NUMERIC_DATE.fullmatch(match.group("date").strip()):
        article.warnings.append(
            "low confidence: numeric date read without the issue date"
        )
    return paragraph[: match.start()].rstrip()


def _date_of(text: str, reference: dt.date | None = None) -> dt.date | None:
    """A date written as the whole of text: numeric (24/02/23) or in words."""
    text = text.strip()
    if NUMERIC_DATE.fullmatch(text):
        return parse_numeric_date(text, reference=reference)
    parsed = parse_date(text)
    return parsed[0] if parsed and parsed[1] == "day" else None
