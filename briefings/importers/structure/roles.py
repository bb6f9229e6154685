"""Each line's role, from its own features: noise, date, byline, heading, prose ...

A ``Unit`` is one non-empty line with what can be told from it alone: its numbering
("3.", "b)", "IV."), markdown level, whether it is a bare URL, a date line, a byline,
an attribution ("Source: Reuters", "SCMP, 12 March 2024"), a caption, boilerplate
("Skip to main content", "12 min read", "^ top ^", share buttons) or prose. The
roles a line takes among its neighbours (title, section, item heading) are decided
in ``items``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats._article_head import caption_text, parse_byline
from ..formats._article_text import (
    as_bullet,
    is_desk,
    split_names,
    strip_honorifics,
)
from ..text import collapse_whitespace, numbered_lines, strip_markup
from . import catalogue
from .dates import FoundDate, date_line, find_date, find_dates

NOISE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation|main)|menu|search|home|log ?in"
    r"|sign (?:in|up)|subscribe(?: now| for free| to [\w ]{1,40})?|subscribed"
    r"|share(?: this(?: article| post| story| page)?)?(?: on \w+)?|share \w+"
    r"|tweet|print|e-?mail|copy link|link copied|\^?\s*(?:back to )?top\s*\^?"
    r"|\d+\s*min(?:ute)?s?(?: read| listen)?|listen to this (?:article|story)|listen (?:on|in|with) .*"
    r"|advertisement|accept(?: all)? cookies|cookie settings|read more|continue reading"
    r"|related(?: articles| posts| stories| content)?|tags?:.*|topics?:.*|keywords?:.*"
    r"|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|weibo|wechat"
    r"|previous(?: article| post)?|next(?: article| post)?|comments?|leave a comment"
    r"|\d+ comments?|thanks? for reading.*|this post is for paid subscribers"
    r"|view (?:this email )?in (?:your )?browser|forward (?:this |it )?to a friend.*"
    r"|unsubscribe.*"
    r"|manage (?:your )?(?:preferences|subscription)|like|restack|upgrade to paid"
    r"|back to (?:the )?(?:archive|index|homepage)|archives?|homepage|download pdf"
    r"|download|print this page|font size.*|(?:top|bottom) of (?:the )?page|load more"
    r"|show \d+ per page|page \d+(?: of \d+)?|language\s*:.*|[\W_]+)\s*[.!]?$",
    re.I,
)
CONTENTS_LABEL = re.compile(
    r"^(?:table of contents|contents|in this issue|in today'?s issue|this week'?s"
    r" (?:issue|contents)|inside this issue|today'?s (?:items|stories))\s*:?$",
    re.I,
)
SECTION_LABEL = re.compile(
    r"^(?:categor(?:y|ies)|section|rubric|filed under|kategorie|rubrique)\s*:\s*"
    r"(?P<name>[^,;|]{2,60})$",
    re.I,
)
EMAIL_HEADER = re.compile(
    r"^(?:From|To|Cc|Sent|Reply-To|Subject|Betreff|Objet)\s*:\s", re.I
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)|©\s*\d{4}|all rights reserved", re.I)
TRAILING_NOISE = re.compile(
    r"\s*(?:\^\s*top\s*\^|\[?back to top\]?|\.{4,}\s*\d{0,4}|\.{3}\s*\d{1,4}|…+\s*\d{1,4}|MORE)\s*$"
)
# Reference numbers and site navigation ("Home / News / China") carry no content.
REFERENCE = re.compile(r"^(?:e-?ISSN|ISSN|ISBN|DOI)\b", re.I)
BY_LABEL = re.compile(
    r"^(?:reviewed|written|reported|compiled|edited|translated|interviewed|words)\s+by"
    r"\s+(?P<names>.+)$",
    re.I,
)
# Words that make a capitalised phrase an organisation or publication, not a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:News|Times|Post|Press|Daily|Journal|Agency|Herald|Tribune|Review|Media"
    r"|Network|Radio|Broadcasting|Magazine|Weekly|Monitor|Wire|Gazette|Observer"
    r"|Insider|Digest|Institute|Centre|Center|Foundation|Council|Ministry|Office"
    r"|Commission|Bureau|Forum|Project|University|Embassy|Delegation|Government"
    r"|Department|Committee|Association|Chamber|Bank|Group|Policy|Affairs|Relations"
    r"|Studies|Podcast|Newsletter|Briefing|Report|Watch|Dispatch|Ledger|Table)\b"
)
# Words of a listing's own headings, never of a person's name.
LISTING_WORDS = re.compile(
    r"\b(?:Latest|Featured|Recent|Popular|Trending|Recommended|Commentary|Opinion"
    r"|Analysis|Editorial|Highlights|Headlines|Stories|Articles|Essays|Archive)\b"
)
EDITORS = re.compile(
    r"(?:\b(?:compiled|edited|curated|put together)\s+by|^editors?\s*[:：])\s*"
    r"(?P<names>[^|·–—]+?)\s*$",
    re.I,
)
# *Taipei Times*, _Reuters_: emphasis, not part of the words
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])")
_OPEN_BYLINE = re.compile(r"^by\s.+(?:,|\band|&)$", re.I)
_AND_MORE = re.compile(r"\s*(?:(?:&|and)\s+(?:more|others)|,?\s+et al\.?)\s*$", re.I)
_COOKIES = re.compile(r"\bcookies?\b", re.I)
# Words of a position or an affiliation: "Senior Fellow", "Research Analyst".
ROLE_WORDS = re.compile(
    r"\b(?:Fellow|Professor|Director|Partner|Analyst|Economist|Researcher|Editor"
    r"|Scholar|Chair|Head|Founder|Lecturer|Adviser|Advisor|Officer|Manager|President"
    r"|Ambassador|Minister|Associate|Correspondent|Reporter|Student|Scientist"
    r"|Journalist|Coordinator|Scholar|Visiting"
    r"|Institute|University|Centre|Center|Council|School)\b"
)
_NAV_SEPARATORS = re.compile(r"\s(?:\||·|>|»|>>|/)\s")
_BREADCRUMB = re.compile(r"^(?:Home|Start|Startseite)\s*(?:>|»|/|>>)\s", re.I)
_BY_PART = re.compile(
    r"^(?:(?:interview|reporting|text|words|analysis)\s+)?by\s+(?P<names>.+)$", re.I
)
READ_TIME = re.compile(r"\d+\s*min(?:ute)?s?(?:\s+(?:read|listen))?", re.I)
# "Von A und B", "Par A et B", "Door A en B": bylines of European briefings
BY_FOREIGN = re.compile(r"^(?:Von|Par|Door|Por|Av|Di)\s+(?P<names>[A-Z].+)$")
_FOREIGN_AND = re.compile(r"\s+(?:und|et|en|y|og|e)\s+")
_AFFILIATION = re.compile(r"\s*\([^()]{2,80}\)")
URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
MARKDOWN = re.compile(r"^(?P<hashes>#{1,6})\s+")
BOLD_LINE = re.compile(r"^\*\*(?P<inner>[^*]+)\*\*$")
NUMBERING = re.compile(
    r"^(?P<label>\(?(?:\d{1,3}|[A-Za-z]|[IVXLC]{1,6})[.)]|\d{1,3}\s*[-–—:]|\[\d{1,3}\])"
    r"\s+(?=\S)"
)
ROMAN = re.compile(r"^[IVXLC]{1,6}$")
ISSUE = re.compile(
    r"(?:\b(?:vol(?:ume)?\.?:?\s*\d+\s*[,/|–—-]?\s*)?(?:issue|no\.?|n[°º]|number|nr\.?"
    r"|edition|ausgabe|numéro|#)\s*[:.]?\s*#?\s*(?P<number>\d{1,3}(?:[.,]\d{3})+|\d{1,5})\b)"
    r"|(?:^|\s)#(?P<hash>\d{1,5})\b",
    re.I,
)
# "Source", "Media" and "Outlet" are labels only with their colon: "Media Report"
# is a title, "Media: Caixin" a source line.
SOURCE_LABEL = re.compile(
    r"^(?:(?:sources?|outlets?|media)\s*[:：]\s*|(?:via|from|originally published"
    r" (?:in|by|at)|published (?:in|by)|read (?:it|the full (?:article|story))"
    r" (?:at|in|on))\s*[:：]?\s+)(?P<name>.+?)\s*$",
    re.I,
)
# "(original in Chinese)", "(in Chinese)", "[English]": the language of the source,
# not part of its name
LANGUAGE_NOTE = re.compile(
    r"\s*[(\[](?:(?:original(?:ly)?|text|article)\s+)?(?:in\s+)?(?:Chinese|English"
    r"|Mandarin|Cantonese|Japanese|Korean|Russian|French|German|Spanish)"
    r"(?:\s+(?:only|original|language))?[)\]]",
    re.I,
)
_SOURCE_LIST = re.compile(r"\s*(?:[,;/&]|\band\b)\s*")
AUTHOR_LABEL = re.compile(
    r"^(?:authors?|written by|words by|text|reporter|reported by|commentary by"
    r"|analysis by|edited by|editors?|compiled by)\s*[:：]\s*(?P<names>.+)$",
    re.I,
)
_STRONG = re.compile(r"\s*(?:\||·|•|\s[-–—]\s)\s*")
_SEPARATORS = re.compile(r"\s*(?:\||·|•|\s[-–—]\s|,\s*|/\s)\s*")
TERMINAL = re.compile(r"[.!;:,…]['\"”’)\]]*$")
MAX_HEADING_WORDS = 25
MAX_OUTLET_WORDS = 6
MIN_MENU_LINES = 5
_PAGE_NUMBER = re.compile(r"\s+\d{1,4}$")
_SPACED_PAGE_NUMBER = re.compile(r"(?:\s{2,}|\t)\d{1,4}\s*$")  # set off to the margin
DOCUMENT_NUMBER = re.compile(
    r"^[A-Z][\w ]{1,30}[\[〔(]\d{4}[\]〕)]\s*(?:No\.?\s*)?\d+", re.I
)
_OUTLET_PAREN = re.compile(r"^(?P<outlet>[^()]{2,60}?)\s*\((?P<inner>[^()]{1,40})\)$")


@dataclass
class Meta:
    """What a metadata line says: authors, outlet, date (None when it does not say)."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: FoundDate | None = None
    rubric: str | None = None  # a kind or column named on the line ("Commentary")

    def __bool__(self) -> bool:
        return bool(self.authors or self.outlet or self.date)


@dataclass
class Unit:
    number: int  # source line number
    text: str  # markup, numbering and trailing noise removed
    raw: str
    role: str  # noise, contents, url, date, byline, meta, issue, caption,
    #            heading, list, prose
    blank_before: bool = False
    numbering: str | None = None  # "arabic", "letter", "roman"
    number_label: str | None = None
    md_level: int = 0
    bold: bool = False
    meta: Meta | None = None


def _numbering(text: str) -> tuple[str | None, str | None, str]:
    match = NUMBERING.match(text)
    if not match:
        return None, None, text
    label = match.group("label").strip("()[].:-–— ")
    if label.isdigit():
        style = "arabic"
    elif ROMAN.match(label) and (len(label) > 1 or label in "IVX"):
        style = "roman"
    elif len(label) == 1 and label.isalpha():
        style = "letter"
    else:
        return None, None, text
    return style, label, text[match.end() :]


def outlet_name(text: str) -> str | None:
    """The text itself if it names an outlet (catalogue, or shaped like one)."""
    text = text.strip(" .()[]")
    if not text or len(text.split()) > 6 or find_date(text):
        return None
    if catalogue.is_outlet(text):
        return text
    return None


def first_source(text: str) -> str:
    """One outlet of a source list ("Sources: Xinhua, Global Times"): the first the
    catalogue knows, else the first named (a record has one outlet)."""
    names = [n.strip(" .") for n in _SOURCE_LIST.split(text) if n.strip(" .")]
    if len(names) < 2:
        return text
    return next((n for n in names if catalogue.is_outlet(n)), names[0])


# "BEIJING, March 3 (Reuters) -", "CAPE TOWN, Oct. 27 (Xinhua) --": a wire's dateline
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .,'’-]{1,60}?)(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*\((?P<wire>[^()]{2,40})\)\s*(?:--?|–|—)\s"
)


def wire_dateline(text: str) -> tuple[str, FoundDate | None] | None:
    """The known wire and the date (often without a year) of a story's dateline."""
    match = _WIRE_DATELINE.match(text)
    if not match or not catalogue.is_outlet(match.group("wire").strip()):
        return None
    date = find_date(match.group("date")) if match.group("date") else None
    return match.group("wire").strip(), date


_BRACKETED = re.compile(r"^[(\[](?P<inner>[^()\[\]]+)[)\]]$")


_DATE_JOINER = re.compile(r"\s+(?:on|of|dated|from)\s*$", re.I)


def meta_of(text: str) -> Meta | None:
    """Authors, outlet and date of a metadata line ("Reuters | 12 March 2024"), also
    when the whole line is in brackets ("(Reuters, 03/27/23, Jane Doe)")."""
    text = LANGUAGE_NOTE.sub("", text).strip() or text
    bracketed = _BRACKETED.match(text.strip())
    if bracketed:
        inner = meta_of(bracketed.group("inner").strip())
        if inner and (inner.outlet or inner.date) and (inner.authors or inner.date):
            return inner
    found = date_line(text)
    if found:
        return Meta(date=found)
    source = SOURCE_LABEL.match(text)
    if source:
        name = LANGUAGE_NOTE.sub("", source.group("name"))
        meta = meta_of(name) or Meta()
        if not meta:
            dates = find_dates(name)
            last = dates[-1] if dates else None
            if last and not name[last.end :].strip(" .)"):
                # "via Financial Times on March 3, 2024": the word joining the
                # outlet to its date is neither
                meta.date = last
                name = _DATE_JOINER.sub("", name[: last.start])
            meta.outlet = first_source(name.strip(" .,;("))
        return meta
    label = AUTHOR_LABEL.match(text) or BY_LABEL.match(text) or BY_FOREIGN.match(text)
    if label:
        names = split_names(_FOREIGN_AND.sub(" and ", label.group("names")))
        if names:
            return Meta(authors=names)
    outlet = outlet_name(text)
    if outlet:
        return Meta(outlet=outlet)
    paren = _OUTLET_PAREN.match(text)
    if paren and outlet_name(paren.group("outlet")):
        # "Caixin (1.4.)", "Financial Times (3 April 2024)"
        return Meta(outlet=paren.group("outlet"), date=date_line(paren.group("inner")))
    parts = _meta_parts(text)
    if parts:
        return parts
    dated = _date_then_names(text)
    if dated:
        return dated
    affiliated = _affiliated_byline(text) or _name_with_role(text)
    if affiliated:
        return Meta(authors=affiliated)
    byline = parse_byline(text)
    if byline and not (byline.outlet and find_date(byline.outlet)):
        meta = Meta(authors=byline.authors, outlet=byline.outlet)
        if byline.date:
            meta.date = find_date(text)
        return meta
    return None


def _affiliated_byline(text: str) -> list[str] | None:
    """ "By A, Senior Fellow, Institute X, and B, Research Analyst": the people only."""
    match = re.match(r"^by\s+(?P<rest>.+)$", text, re.I)
    if not match or "," not in text:
        return None
    return affiliated_names(match.group("rest"))


def _date_then_names(text: str) -> Meta | None:
    """ "May 30, 2024 Lydia Karagiannis": a date, then the author."""
    found = find_date(text)
    if found is None or found.start != 0 or found.date is None:
        return None
    rest = text[found.end :].strip(" ,|·–—-")
    names = person_names(rest)
    if names:
        return Meta(authors=names, date=found)
    # "May 21, 2024 Lydia Karagiannis The National Interest": a known outlet last
    words = rest.split()
    for size in range(min(MAX_OUTLET_WORDS, len(words) - 2), 0, -1):
        outlet = " ".join(words[-size:])
        names = (
            person_names(" ".join(words[:-size]))
            if catalogue.is_outlet(outlet)
            else None
        )
        if names:
            return Meta(authors=names, outlet=outlet, date=found)
    return None


def _name_with_role(text: str) -> list[str] | None:
    """ "Jane Doe, Senior Fellow, Example Institute": a byline of one person."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(text.split()) > 16 or re.search(r"[.;:!?]$", text):
        return None
    name = person_names(parts[0])
    roles = " ".join(parts[1:])
    one_person = name is not None and len(name) == 1 and 2 <= len(name[0].split()) <= 4
    # "Founding president of MERICS": role words in lower case as well
    described = bool(
        ROLE_WORDS.search(roles.title()) or ORGANISATION_WORDS.search(roles)
    )
    return name if one_person and described else None


def affiliated_names(text: str) -> list[str] | None:
    """The people of "A, Senior Fellow, Institute X, and B, Analyst" (roles dropped)."""
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", text)
    names = [
        p.strip()
        for p in parts
        if p.strip() and not ROLE_WORDS.search(p) and not ORGANISATION_WORDS.search(p)
    ]
    people = [n for n in names if split_names(n) and len(n.split()) >= 2]
    return people if people and len(people) == len(names) else None


def _meta_parts(text: str) -> Meta | None:
    """A line of separated parts, each a date, a known outlet or names; the first
    may be a rubric ("Commentary | By Jane Doe | March 4, 2024")."""
    pieces = _STRONG.split(text.strip())
    if len(pieces) < 2:
        pieces = _SEPARATORS.split(text.strip())
    parts = [p for p in pieces if p.strip(" .")]
    if len(parts) < 2 or len(parts) > 5:
        return None
    meta, rubric = Meta(), None
    parts = [p for p in parts if not READ_TIME.fullmatch(p.strip())]
    # with a "By ..." part, the names are there: "Critical Questions" is the rubric
    has_by = any(_BY_PART.match(p.strip()) for p in parts)
    for index, part in enumerate(parts):
        by = _BY_PART.match(part)
        names = person_names(by.group("names") if by else part)
        # without "By", names are full names ("Finance & Macro" is a rubric)
        full = bool(names) and all(len(n.split()) >= 2 for n in names)
        found = date_line(part)
        if found and meta.date is None:
            meta.date = found
        elif outlet_name(part) and meta.outlet is None:
            meta.outlet = outlet_name(part)
        elif names and not meta.authors and (by or (not has_by and full)):
            meta.authors = names
        elif (
            index == 0
            and len(part.split()) <= 4
            and part[:1].isupper()
            and ":" not in part
        ):
            rubric = None if issue_number(part) is not None else part
        else:
            return None
    if rubric and not (meta.date or meta.authors):
        return None
    meta.rubric = rubric
    return meta if (meta.date or meta.outlet or meta.authors) else None


def is_navigation(unit: Unit) -> bool:
    """A row of menu entries ("Home  News  Opinion", "Home | China | World") or a
    breadcrumb ("Home > News")."""
    text = unit.text
    if _BREADCRUMB.match(text):
        return True
    if text.isupper() and " / " in text and "|" not in text:
        return False  # "GOVERNMENT / POLITICS / FOREIGN AFFAIRS": a section heading
    for chunks in (
        _NAV_SEPARATORS.split(f" {text} "),
        re.split(r"\s{2,}|\t", unit.raw.strip()),
    ):
        chunks = [c.strip() for c in chunks if c.strip()]
        menu = all(len(c.split()) <= 3 and not _BY_PART.match(c) for c in chunks)
        if len(chunks) >= 3 and menu and not find_date(text):
            return True
    return False


def _role(text: str, unit: Unit) -> str:
    if NOISE.match(text) or COPYRIGHT.search(text) or REFERENCE.search(text):
        return "noise"
    if is_navigation(unit) or (_COOKIES.search(text) and len(text.split()) >= 8):
        return "noise"
    if CONTENTS_LABEL.match(text):
        return "contents"
    if SECTION_LABEL.match(text):
        return "section"
    if EMAIL_HEADER.match(text):
        return "noise"  # read where needed (the subject) from the raw line
    if URL.match(text):
        return "url"
    if caption_text(text):
        return "caption"
    unit.meta = meta_of(text) if len(text) < 160 else None
    if unit.meta and unit.numbering and unit.meta.authors and not unit.meta.date:
        unit.meta = None  # "3. Hong Kong, PRC": a numbered heading, not a byline
        return "heading"
    if unit.meta:
        return (
            "date"
            if unit.meta.date and not (unit.meta.outlet or unit.meta.authors)
            else "meta"
        )
    if is_issue_line(text):
        return "issue"
    names = names_only(text)
    if names:
        unit.meta = Meta(authors=names)
        return "names"
    if unit.bold:
        return bold_role(text)
    if as_bullet(unit.raw.strip()) and not unit.numbering:
        return "list"
    words = len(text.split())
    # a sentence closed by its source in brackets is prose: "... offences. (RTHK)"
    sourced_sentence = re.search(r"[.!?][”\"’']?\s*\([^()]{2,60}\)$", text)
    if (
        words <= MAX_HEADING_WORDS
        and not TERMINAL.search(text)
        and not sourced_sentence
    ):
        return "heading"
    if unit.md_level or unit.bold:
        return "heading"
    return "prose"


LEAD_IN = re.compile(r"^[^.!?:]{1,40}:$")  # "Why it matters:", "Beijing:"


def bold_role(text: str) -> str:
    """A line wholly in bold (``**line**``: the HTML and e-mail readers write bold
    lines so) that is not a byline or a name line: a heading, which may title an
    item, whatever its punctuation; but a lead-in label ("Why it matters:",
    "Beijing:") belongs to the prose it introduces, and a long one is prose."""
    if LEAD_IN.match(text) or len(text.split()) > MAX_HEADING_WORDS:
        return "prose"
    return "heading"


def person_names(text: str) -> list[str] | None:
    """The people a text names ("A, B and C"), or None (also for organisations)."""
    if catalogue.lookup(text) or ORGANISATION_WORDS.search(text):
        return None
    return split_names(text)


def names_only(text: str) -> list[str] | None:
    """The people a line consists of ("A (Univ. X) and B"), each with a full name."""
    plain = _AND_MORE.sub("", _AFFILIATION.sub("", text))
    if (
        plain.isupper()
        or catalogue.lookup(plain)
        or ORGANISATION_WORDS.search(plain)  # "Media Report", "Policy Brief"
        or LISTING_WORDS.search(plain)  # "Latest Commentary", "Featured Analysis"
        or len(plain.split()) > 24
        or re.search(r"[.:;!?]$", plain)
    ):
        return None
    names = split_names(plain)
    if names and all(2 <= len(n.split()) <= 4 for n in names):
        return names
    return None


def is_issue_line(text: str) -> bool:
    """A line that gives an issue number (maybe with a date and masthead)."""
    return issue_number(text) is not None and len(text.split()) <= 14


def issue_number(text: str) -> int | None:
    """The issue number a line gives ("Issue 12", "No. 12", "#12", "Vol. 3, Issue 4").

    An official document number ("Guo Ban Fa [2024] No. 9") is no issue.
    """
    if DOCUMENT_NUMBER.match(text):
        return None
    match = ISSUE.search(text)
    if not match:
        return None
    return int(re.sub(r"[.,]", "", match.group("number") or match.group("hash")))


def read_units(text: str) -> list[Unit]:
    """The non-empty lines of text as units with their roles."""
    units: list[Unit] = []
    blank = True
    for line in numbered_lines(text):
        raw = line.text
        if not raw.strip():
            blank = True
            continue
        unit = _unit(line.number, raw, blank)
        previous = units[-1] if units else None
        runon = _runon_byline(unit)
        if runon is not None:
            # "By Jane Doe Sixteen defendants received ...": a byline run into its
            # teaser reads as the byline, then the teaser on the same line
            byline, teaser = runon
            units.append(_unit(line.number, byline, blank))
            unit = _unit(line.number, teaser, False)
        if previous is not None and not blank and _OPEN_BYLINE.match(previous.text):
            # a byline wrapped over two lines: "By A, Fellow, and" / "B, Analyst"
            raw_joined = f"{previous.raw} {raw}"
            units[-1] = _unit(previous.number, raw_joined, previous.blank_before)
            unit.role = "noise"
        elif (
            previous is not None and unit.text == previous.text and unit.role != "noise"
        ):
            unit.role = "noise"  # a title copied twice (its link, then its heading)
        units.append(unit)
        blank = False
    _mark_menus(units)
    _mark_wrapped(units)
    _mark_running_lines(units)
    return units


# "By" and up to three capitalised words of a name, then a sentence of at least
# six words whose first word is capitalised and whose second is not
_RUNON_BYLINE = re.compile(
    r"^(?P<byline>[Bb]y\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s+"
    r"(?P<teaser>[A-Z][\w'’-]*\s+[a-z][\w'’-]*(?:\s+\S+){4,})$"
)


def _runon_byline(unit: Unit) -> tuple[str, str] | None:
    if unit.role not in ("prose", "heading") or unit.numbering:
        return None
    match = _RUNON_BYLINE.match(unit.text)
    if match is None:
        return None
    byline = match.group("byline")
    if meta_of(byline) is None and not is_desk(byline):
        return None
    return match.group("byline"), match.group("teaser")


def _mark_wrapped(units: list[Unit]) -> None:
    """Lines of one hard-wrapped paragraph are prose, whatever each looks like."""
    for unit, following in zip(units, units[1:], strict=False):
        if following.blank_before or unit.role not in ("heading", "prose"):
            continue
        hyphen = unit.text.endswith("-") and following.text[:1].islower()
        lower = following.text[:1].islower() and following.role in ("heading", "prose")
        if hyphen or lower:
            unit.role = following.role = "prose"


def _mark_running_lines(units: list[Unit]) -> None:
    """A running header or footer (the same line with a page number) is noise."""
    counts: dict[str, int] = {}
    for unit in units:
        key = _PAGE_NUMBER.sub("", unit.text)
        counts[key] = counts.get(key, 0) + 1
    for unit in units:
        key = _PAGE_NUMBER.sub("", unit.text)
        if counts[key] >= 2 and _SPACED_PAGE_NUMBER.search(unit.raw):
            unit.role = "noise"


def _mark_menus(units: list[Unit]) -> None:
    """A column of one- or two-word lines with no gap between them is a menu."""
    run: list[Unit] = []
    for unit in [*units, None]:
        short = (
            unit is not None
            and unit.role in ("heading", "names")
            and len(unit.text.split()) <= 2
            and (not run or not unit.blank_before)
        )
        if short:
            run.append(unit)
            continue
        if len(run) >= MIN_MENU_LINES:
            for entry in run:
                entry.role = "noise"
        run = (
            [unit]
            if unit is not None
            and unit.role == "heading"
            and len(unit.text.split()) <= 2
            else []
        )


def _unit(number: int, raw: str, blank_before: bool) -> Unit:
    text = collapse_whitespace(raw)
    md = MARKDOWN.match(text)
    md_level = len(md.group("hashes")) if md else 0
    text = MARKDOWN.sub("", text)
    bold = bool(BOLD_LINE.match(text))
    text = collapse_whitespace(strip_markup(TRAILING_NOISE.sub("", text)))
    text = _EMPHASIS.sub(r"\1", text)
    if as_bullet(text):
        text = as_bullet(text)[2:]
    style, label, rest = _numbering(text)
    unit = Unit(number, rest, raw, "prose", blank_before, style, label, md_level, bold)
    unit.role = _role(rest, unit) if rest else "noise"
    return unit


def plain_name(text: str) -> str:
    """A person's name without honorifics."""
    return strip_honorifics(text)
