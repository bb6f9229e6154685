"""Plain dataclasses that parsers produce and the loader writes.

Parsers know nothing of the database: they turn text into these objects. What the
text does not show stays ``None`` (or an empty list) and may be flagged in
``warnings``; it is never guessed.

Line numbers are 1-based and inclusive, counted in the decoded source text.
Character offsets (claims, figures) are 0-based, end-exclusive, in ``ParsedArticle.body``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DATE_PRECISIONS = ("day", "month", "year", "unknown")

# What an article is, as a reader would call it.
ARTICLE_KINDS = (
    "feature",  # a full article or translated feature story
    "summary",  # a summarised article from another outlet
    "analysis",  # an analytical piece or top story with the publisher's analysis
    "interview",  # questions and answers
    "digest_item",  # a short news item with its outlet and date
    "column_section",  # a numbered section of a column (China Neican)
    "metric",  # a number and its explanation (MERICS METRIX)
    "link_list",  # a list of recommended reads
    "news",  # a single news report
)

CLAIM_KINDS = ("statistic", "quote", "reported", "position", "directive", "assertion")


@dataclass
class ParsedItem:
    """One entry of a link list or a list of further reading."""

    title: str
    url: str | None = None
    label: str | None = None  # e.g. the outlet named before the link
    authors: list[str] = field(default_factory=list)
    description: str | None = None


@dataclass
class ParsedFigure:
    """A number in a claim, normalised: scale applied, unit as an ISO code or '%'."""

    value: float
    unit: str | None = None  # "%", "CNY", "USD", "EUR", ... or None for a count
    qualifier: str | None = None  # "more than", "nearly", "about", "at least", ...
    text: str = ""  # the figure as written, e.g. "RMB 1.2 billion"
    start: int = 0  # offsets in the article body
    end: int = 0
    value_high: float | None = None  # upper bound of a range ("RMB 6,000–8,000")
    is_change: bool = False  # a change ("down 4 percent year on year")
    refers_to: str | None = None  # the date or period the figure refers to


@dataclass
class ParsedClaim:
    """A checkable statement: its sentence, exact span in the body, kind and speaker."""

    text: str
    start: int
    end: int
    kind: str  # one of CLAIM_KINDS
    speaker: str | None = None
    speaker_role: str | None = None  # "MERICS Lead Analyst", "a former Beijing lawyer"
    figures: list[ParsedFigure] = field(default_factory=list)


@dataclass
class ParsedTopic:
    slug: str
    score: float


@dataclass
class ParsedArticle:
    title: str | None
    body: str = ""  # paragraphs separated by a blank line; subheadings are paragraphs
    section: str | None = None
    kind: str = "feature"
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None  # the original publication of a summarised/digested item
    date: dt.date | None = None  # the original publication date of the item
    date_precision: str = "unknown"
    subtitle: str | None = None
    summary: str | None = None
    image_caption: str | None = None
    interviewee: str | None = None
    author_bio: str | None = (
        None  # "X is a senior associate at ...", kept out of the body
    )
    # A line that introduces a different article (copy-paste debris), kept for editors.
    suspected_teaser: str | None = None
    alternate_titles: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)  # each also a body paragraph
    items: list[ParsedItem] = field(default_factory=list)  # list entries, e.g. reads
    links: list[ParsedItem] = field(
        default_factory=list
    )  # "Media coverage and sources"
    line_start: int = 0
    line_end: int = 0
    warnings: list[str] = field(default_factory=list)
    claims: list[ParsedClaim] = field(default_factory=list)
    topics: list[ParsedTopic] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """The body's paragraphs, in order."""
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass
class ParsedBriefing:
    format: str
    publication: str | None = None
    issue: int | None = None
    title: str | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"
    editors: list[str] = field(default_factory=list)
    articles: list[ParsedArticle] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    line_start: int = 1
    line_end: int = 0
    # How sure the parser is of the structure it read, 0 to 1 (a publisher's own
    # module knows its layout: 1.0); low values come with a warning for editors.
    confidence: float | None = None
