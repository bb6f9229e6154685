"""Citations of archive records: plain text, BibTeX, RIS and CSL-JSON.

A person is cited by family and given name as the record stores them (Chinese names
family first: "Wang, Dan"); an organisation by its whole name, which citation
managers must not split (BibTeX braces, CSL ``literal``). An untitled article carries
its bracketed description (``Article.display_title``); an article summarised or
translated from another outlet names that outlet as the original publisher.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from ..importers.people import split_name

# format: (label, content type, file extension)
FORMATS = {
    "text": ("Plain text", "text/plain", "txt"),
    "bibtex": ("BibTeX", "application/x-bibtex", "bib"),
    "ris": ("RIS", "application/x-research-info-systems", "ris"),
    "csl-json": ("CSL-JSON", "application/vnd.citationstyles.csl+json", "json"),
}
BIBTEX_SPECIALS = re.compile(r"([&%$#_])")


@dataclass(frozen=True)
class CitedName:
    """An author as citations write it: family and given names, or a literal name."""

    name: str  # as written, for plain text
    family: str = ""
    given: str = ""

    @property
    def is_literal(self) -> bool:
        return not self.family

    @property
    def inverted(self) -> str:
        """ "Wang, Dan"; an organisation's or a single name as it is."""
        if self.is_literal or not self.given:
            return self.family or self.name
        return f"{self.family}, {self.given}"


def cited_name(person) -> CitedName:
    """How a person or organisation record is cited: the stored split, or the
    importer's split when the record has none yet (e.g. restored from an older
    archive)."""
    if person.is_organisation:
        return CitedName(person.name)
    family, given = person.family_name, person.given_name
    if not family:
        split = split_name(person.name)
        family, given = split.family, split.given
    return CitedName(person.name, family, given)


@dataclass(frozen=True)
class Original:
    """Where an article was first published, when the archive summarises or
    translates it from another outlet."""

    publisher: str
    date: dt.date | None = None
    date_precision: str = "unknown"


@dataclass
class Citation:
    key: str  # a stable citation key, e.g. "archive-article-42"
    title: str
    url: str
    container: str | None = None  # the periodical: the briefing's publication
    issue: int | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"
    authors: list[CitedName] = field(default_factory=list)
    original: Original | None = None
    note: str | None = None  # e.g. the claim a claim's citation points to
    accessed: dt.date = field(default_factory=dt.date.today)


def article_citation(article, url: str) -> Citation:
    """The citation of an article (authors, briefing, date) at its permalink."""
    briefing = article.briefing
    original = None
    if article.outlet:
        original = Original(
            article.outlet, article.original_on, article.original_date_precision
        )
    return Citation(
        key=f"archive-article-{article.pk}",
        title=article.display_title,
        url=url,
        container=briefing.publication.name if briefing.publication else None,
        issue=briefing.issue_number,
        date=briefing.published_on,
        date_precision=briefing.date_precision,
        authors=[cited_name(author) for author in article.ordered_authors()],
        original=original,
    )


def briefing_citation(briefing, url: str) -> Citation:
    """The citation of a whole briefing (its editors as authors) at its permalink."""
    return Citation(
        key=f"archive-briefing-{briefing.pk}",
        title=briefing.title or briefing.display_title,
        url=url,
        container=briefing.publication.name if briefing.publication else None,
        issue=briefing.issue_number,
        date=briefing.published_on,
        date_precision=briefing.date_precision,
        authors=[cited_name(editor) for editor in briefing.editors.all()],
    )


def claim_citation(claim, url: str) -> Citation:
    """The citation of a claim: the article it appears in, at the claim's permalink,
    with the claim's words in a note."""
    citation = article_citation(claim.article, url)
    citation.key = f"archive-claim-{claim.pk}"
    citation.note = f"Claim: “{' '.join(claim.text.split())}”"
    return citation


def original_note(original: Original) -> str:
    """ "Originally published in Radio Free Asia, 1 October 2023"."""
    date = _date_text(original.date, original.date_precision)
    return f"Originally published in {original.publisher}" + (
        f", {date}" if date else ""
    )


def _date_text(date: dt.date | None, precision: str) -> str | None:
    if not date:
        return None
    formats = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}
    return date.strftime(formats.get(precision, "%-d %B %Y"))


def _date_parts(date: dt.date, precision: str) -> list[int]:
    parts = {"year": 1, "month": 2}.get(precision, 3)
    return [date.year, date.month, date.day][:parts]


def _notes(citation: Citation) -> list[str]:
    notes = [original_note(citation.original)] if citation.original else []
    return notes + ([citation.note] if citation.note else [])


def to_text(citation: Citation) -> str:
    """A plain-text citation in author–title–periodical–date order."""
    parts = []
    if citation.authors:
        parts.append(", ".join(author.name for author in citation.authors) + ".")
    title = citation.title.rstrip(".")
    parts.append(title + "." if title.startswith("[") else f"“{title}.”")
    container = citation.container or ""
    if citation.issue:
        container += f", no. {citation.issue}"
    date = _date_text(citation.date, citation.date_precision)
    if date:
        container += f", {date}" if container else date
    if container:
        parts.append(container.lstrip(", ") + ".")
    parts += [note.rstrip(".") + "." for note in _notes(citation)]
    parts.append(f"{citation.url} (accessed {citation.accessed:%-d %B %Y}).")
    return " ".join(parts)


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", "").replace("{", "(").replace("}", ")")
    return BIBTEX_SPECIALS.sub(r"\\\1", text)


def _bibtex_value(text: str) -> str:
    return "{" + _bibtex_escape(text) + "}"


def _bibtex_name(author: CitedName) -> str:
    """ "Wang, Dan"; an organisation in braces, so that it is never split."""
    if author.is_literal:
        return _bibtex_value(author.name)
    return _bibtex_escape(author.inverted)


def _iso_parts(date: dt.date, precision: str) -> str:
    return "-".join(f"{part:02d}" for part in _date_parts(date, precision))


def to_bibtex(citation: Citation) -> str:
    """A BibTeX @article entry (with biblatex's ``origpublisher``/``origdate``)."""
    fields = [("title", _bibtex_value(citation.title))]
    if citation.authors:
        names = " and ".join(_bibtex_name(author) for author in citation.authors)
        fields.append(("author", "{" + names + "}"))
    if citation.container:
        fields.append(("journal", _bibtex_value(citation.container)))
    if citation.issue:
        fields.append(("number", f"{{{citation.issue}}}"))
    if citation.date:
        fields.append(("year", f"{{{citation.date.year}}}"))
        date = _iso_parts(citation.date, citation.date_precision)
        fields.append(("date", "{" + date + "}"))
    original = citation.original
    if original:
        fields.append(("origpublisher", _bibtex_value(original.publisher)))
        if original.date:
            date = _iso_parts(original.date, original.date_precision)
            fields.append(("origdate", "{" + date + "}"))
    if _notes(citation):
        fields.append(("note", _bibtex_value(". ".join(_notes(citation)))))
    fields.append(("url", "{" + citation.url + "}"))
    fields.append(("urldate", f"{{{citation.accessed.isoformat()}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{citation.key},\n{body}\n}}\n"


def _ris_date(date: dt.date, precision: str) -> str:
    parts = _date_parts(date, precision) + [None] * 2
    return "/".join(f"{part:02d}" if part else "" for part in parts[:3])


def to_ris(citation: Citation) -> str:
    """An RIS record (type JOUR); ``OP`` names the original publication."""
    lines = [("TY", "JOUR"), ("TI", citation.title)]
    lines += [("AU", author.inverted) for author in citation.authors]
    if citation.container:
        lines += [("T2", citation.container), ("JO", citation.container)]
    if citation.issue:
        lines.append(("IS", str(citation.issue)))
    if citation.date:
        lines.append(("PY", str(citation.date.year)))
        lines.append(("DA", _ris_date(citation.date, citation.date_precision)))
    if citation.original:
        lines.append(("OP", citation.original.publisher))
    lines += [("N1", note) for note in _notes(citation)]
    lines += [("UR", citation.url), ("Y2", citation.accessed.isoformat()), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def _csl_name(author: CitedName) -> dict:
    if author.is_literal:
        return {"literal": author.name}
    if not author.given:
        return {"family": author.family}
    return {"family": author.family, "given": author.given}


def to_csl_json(citation: Citation) -> str:
    """A CSL-JSON list holding one item of type article-journal."""
    item = {
        "id": citation.key,
        "type": "article-journal",
        "title": citation.title,
        "URL": citation.url,
        "accessed": {
            "date-parts": [[*map(int, citation.accessed.isoformat().split("-"))]]
        },
    }
    if citation.authors:
        item["author"] = [_csl_name(author) for author in citation.authors]
    if citation.container:
        item["container-title"] = citation.container
    if citation.issue:
        item["issue"] = str(citation.issue)
    if citation.date:
        item["issued"] = {
            "date-parts": [_date_parts(citation.date, citation.date_precision)]
        }
    original = citation.original
    if original:
        item["original-publisher"] = original.publisher
        if original.date:
            parts = _date_parts(original.date, original.date_precision)
            item["original-date"] = {"date-parts": [parts]}
    if _notes(citation):
        item["note"] = ". ".join(_notes(citation))
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


RENDERERS = {
    "text": to_text,
    "bibtex": to_bibtex,
    "ris": to_ris,
    "csl-json": to_csl_json,
}


def render(citation: Citation, fmt: str) -> str:
    return RENDERERS[fmt](citation)


def render_all(citation: Citation) -> dict[str, str]:
    """The citation in every format, by format name."""
    return {fmt: render(citation, fmt) for fmt in FORMATS}
