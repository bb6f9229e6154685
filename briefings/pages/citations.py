"""Citations of archive records: plain text, BibTeX, RIS and CSL-JSON.

Names are kept as written ("Wang Dan", "Nis Grünberg"): splitting them into given and
family names would get Chinese names wrong, so every format carries the full name as
one literal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

# format: (label, content type, file extension)
FORMATS = {
    "text": ("Plain text", "text/plain", "txt"),
    "bibtex": ("BibTeX", "application/x-bibtex", "bib"),
    "ris": ("RIS", "application/x-research-info-systems", "ris"),
    "csl-json": ("CSL-JSON", "application/vnd.citationstyles.csl+json", "json"),
}
BIBTEX_SPECIALS = re.compile(r"([&%$#_])")


@dataclass
class Citation:
    key: str  # a stable citation key, e.g. "archive-article-42"
    title: str
    url: str
    container: str | None = None  # the periodical: the briefing's publication
    issue: int | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"
    authors: list[str] = field(default_factory=list)
    note: str | None = None  # e.g. "Summary of an article in Radio Free Asia"
    accessed: dt.date = field(default_factory=dt.date.today)


def article_citation(article, url: str) -> Citation:
    """The citation of an article (authors, briefing, date) at its permalink."""
    briefing = article.briefing
    note = None
    if article.outlet:
        original = f" of {article.original_on:%-d %B %Y}" if article.original_on else ""
        note = f"Summary of an article in {article.outlet}{original}"
    return Citation(
        key=f"archive-article-{article.pk}",
        title=article.display_title,
        url=url,
        container=briefing.publication.name if briefing.publication else None,
        issue=briefing.issue_number,
        date=briefing.published_on,
        date_precision=briefing.date_precision,
        authors=[author.name for author in article.ordered_authors()],
        note=note,
    )


def _date_text(citation: Citation) -> str | None:
    if not citation.date:
        return None
    formats = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}
    return citation.date.strftime(formats.get(citation.date_precision, "%-d %B %Y"))


def _date_parts(citation: Citation) -> list[int]:
    date = citation.date
    parts = {"year": 1, "month": 2}.get(citation.date_precision, 3)
    return [date.year, date.month, date.day][:parts]


def to_text(citation: Citation) -> str:
    """A plain-text citation in author–title–periodical–date order."""
    parts = []
    if citation.authors:
        parts.append(", ".join(citation.authors) + ".")
    parts.append(f"“{citation.title.rstrip('.')}.”")
    container = citation.container or ""
    if citation.issue:
        container += f", no. {citation.issue}"
    date = _date_text(citation)
    if date:
        container += f", {date}" if container else date
    if container:
        parts.append(container.lstrip(", ") + ".")
    if citation.note:
        parts.append(citation.note + ".")
    parts.append(f"{citation.url} (accessed {citation.accessed:%-d %B %Y}).")
    return " ".join(parts)


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", "").replace("{", "(").replace("}", ")")
    return BIBTEX_SPECIALS.sub(r"\\\1", text)


def _bibtex_value(text: str) -> str:
    return "{" + _bibtex_escape(text) + "}"


def to_bibtex(citation: Citation) -> str:
    """A BibTeX @article entry; each author's full name is kept whole in braces."""
    fields = [("title", _bibtex_value(citation.title))]
    if citation.authors:
        names = " and ".join(_bibtex_value(name) for name in citation.authors)
        fields.append(("author", "{" + names + "}"))
    if citation.container:
        fields.append(("journal", _bibtex_value(citation.container)))
    if citation.issue:
        fields.append(("number", f"{{{citation.issue}}}"))
    if citation.date:
        fields.append(("year", f"{{{citation.date.year}}}"))
        fields.append(
            ("date", "{" + "-".join(f"{p:02d}" for p in _date_parts(citation)) + "}")
        )
    if citation.note:
        fields.append(("note", _bibtex_value(citation.note)))
    fields.append(("url", "{" + citation.url + "}"))
    fields.append(("urldate", f"{{{citation.accessed.isoformat()}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{citation.key},\n{body}\n}}\n"


def to_ris(citation: Citation) -> str:
    """An RIS record (type JOUR)."""
    lines = [("TY", "JOUR"), ("TI", citation.title)]
    lines += [("AU", name) for name in citation.authors]
    if citation.container:
        lines += [("T2", citation.container), ("JO", citation.container)]
    if citation.issue:
        lines.append(("IS", str(citation.issue)))
    if citation.date:
        parts = _date_parts(citation) + [None] * 2
        lines.append(("PY", str(citation.date.year)))
        lines.append(("DA", "/".join(f"{p:02d}" if p else "" for p in parts[:3])))
    if citation.note:
        lines.append(("N1", citation.note))
    lines += [("UR", citation.url), ("Y2", citation.accessed.isoformat()), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


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
        item["author"] = [{"literal": name} for name in citation.authors]
    if citation.container:
        item["container-title"] = citation.container
    if citation.issue:
        item["issue"] = str(citation.issue)
    if citation.date:
        item["issued"] = {"date-parts": [_date_parts(citation)]}
    if citation.note:
        item["note"] = citation.note
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


RENDERERS = {
    "text": to_text,
    "bibtex": to_bibtex,
    "ris": to_ris,
    "csl-json": to_csl_json,
}


def render(citation: Citation, fmt: str) -> str:
    return RENDERERS[fmt](citation)
