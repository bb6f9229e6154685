"""Any other text: a multi-item briefing or a single article; tried last.

The structural reader (``importers.structure``) looks for a block shape that recurs
(items with their outlets, dates, authors and sections, numbered items, teaser
listings, contents-only issues); a text where none recurs is one news article: a
headline, then optional dek, byline ("By Jane Doe", "Jane Doe, Reuters") and
dateline ("Published: 12 March 2024"), the body, and an optional "Source: Outlet" or
copyright line (see ``_single_article``). Boilerplate lines ("Skip to main content",
"12 min read", share buttons) are dropped first and a masthead line above the
headline names the publication. The publication is whatever the text itself names
as its own (a masthead, a catalogue entry in its head, footer or web address, or a
copyright holder); a source line or a byline's affiliation names the article's
outlet, not the publication. Nothing is guessed.
"""

from __future__ import annotations

from .. import structure
from ..structure.dates import NO_YEAR, numeric_dates_of
from ..structure.roles import meta_of, read_units
from ..structure.single import (
    PageHead,
    credited_authors,
    issue_and_date,
    names_itself,
    read_page_head,
    wire_of,
    yearless_dateline,
)
from ..types import ParsedArticle, ParsedBriefing
from ._single_article import last_filled_line, parse_single_article

FORMAT = "generic"
FOOTER_LINES = 4
PUBLICATION = None


def sniff(text: str) -> bool:
    """Generic accepts any text (it is tried last)."""
    return True


def parse(text: str) -> ParsedBriefing:
    """Parse any text: one article per item of a multi-item text, else one article."""
    with numeric_dates_of(text):
        return structure.read_briefing(text, FORMAT) or _parse_single(text)


def _blank(text: str, numbers: set[int]) -> str:
    """The text with the given lines emptied (line numbers stay as they were)."""
    lines = text.split("\n")
    return "\n".join("" if i + 1 in numbers else line for i, line in enumerate(lines))


def _parse_single(text: str) -> ParsedBriefing:
    units = read_units(text)
    content = [u for u in units if u.role != "noise"]
    page = read_page_head(content)
    drop = {u.number for u in units if u.role == "noise"}
    if page is not None:
        drop |= set(page.chrome) | set(page.roles)
    parsed = parse_single_article(_blank(text, drop), kind="news", period_ok=True)
    article = parsed.article
    article.outlet = parsed.source or parsed.outlet
    dated = meta_of(f"Source: {article.outlet}") if article.outlet else None
    if dated and dated.date and dated.outlet:
        # "Source: Xinhua, May 4, 2015": the outlet without the date it gives
        article.outlet = dated.outlet
        if article.date is None and dated.date.date:
            article.date, article.date_precision = dated.date.date, dated.date.precision
    if page is not None:
        _apply_page_head(article, page)
    # a credit sentence ("This translation is by A, B and C.") outweighs a byline
    # guessed from its wrapped remainder ("edited by D.")
    article.authors = credited_authors(content) or article.authors
    publication = (page.masthead if page else None) or structure.publication_of(
        [], text
    )
    publication = publication or parsed.copyright_holder
    wire = wire_of(article.paragraphs())
    if wire and publication is None and names_itself(wire, _own_lines(units, page)):
        publication = wire  # the wire's own site: its stories have no other outlet
    elif wire and not article.outlet and publication != wire:
        article.outlet = wire  # a wire story republished on another site
    articles = [article] if article.body or article.title else []
    briefing = ParsedBriefing(
        format=FORMAT,
        publication=publication,
        issue=page.issue if page else None,
        title=article.title,
        date=article.date,
        date_precision=article.date_precision,
        articles=articles,
        line_start=1,
        line_end=last_filled_line(text),
    )
    flattened = issue_and_date(content[0] if content else None)
    if flattened and briefing.issue is None and briefing.date is None:
        briefing.issue = flattened[0]
        briefing.date, briefing.date_precision = (
            flattened[1].date,
            flattened[1].precision,
        )
    if briefing.date is None and articles and yearless_dateline(content):
        briefing.date_precision = articles[0].date_precision = NO_YEAR
    briefing.confidence = structure.single_confidence(briefing)
    if publication is None:
        briefing.warnings.append(structure.NO_PUBLICATION)
    return briefing


def _own_lines(units: list, page: PageHead | None) -> list[str]:
    """Lines the site puts around a story: the chrome above its title and the last
    lines of the page."""
    chrome = set(page.chrome) if page else set()
    above = [u.text for u in units if u.number in chrome]
    return above + [u.text for u in units[-FOOTER_LINES:]]


def _apply_page_head(article: ParsedArticle, page: PageHead) -> None:
    """What the lines around the title add: the issuer, a date, a cleaner title."""
    if page.title_text and article.title:
        article.title = page.title_text
    if page.issuer and not article.authors:
        article.authors = [page.issuer]
    if page.authors:
        article.authors = page.authors
    date = page.date or page.signed_on
    if article.date is None and date is not None:
        article.date, article.date_precision = date.date, date.precision
