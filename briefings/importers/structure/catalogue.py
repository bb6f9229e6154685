"""Publications and outlets the importer knows, shipped as data.

``briefings/data/publications.json`` lists newsletters, think tanks, official bodies
and news outlets with their aliases, abbreviations, mastheads and web domains. A
briefing's publication is named only when its masthead, title line, footer or a web
address matches an entry; an unknown publication stays ``None`` (and is flagged by
the caller). Item lines use the same entries to tell an outlet ("(SCMP)", "— Reuters")
from any other bracket or dash. Adding a publication means adding an entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..text import comparable

DEFAULT_PATH = (
    Path(__file__).resolve().parent.parent.parent / "data" / "publications.json"
)
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I
)
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class Publication:
    name: str
    kind: str
    names: frozenset[str]  # comparable forms of the name, aliases and mastheads
    abbreviations: frozenset[str]  # as written: "SCMP" matches only in capitals
    domains: tuple[str, ...]


def _key(text: str) -> str:
    """Comparable form without a leading "The" or final punctuation."""
    return _LEADING_THE.sub("", comparable(text)).strip(" .,:;|-–—")


@cache
def publications(path: Path = DEFAULT_PATH) -> tuple[Publication, ...]:
    """The catalogue, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Publication(
            name=entry["name"],
            kind=entry.get("kind", "outlet"),
            names=frozenset(
                _key(n)
                for n in [
                    entry["name"],
                    *entry.get("aliases", []),
                    *entry.get("mastheads", []),
                ]
            ),
            abbreviations=frozenset(entry.get("abbreviations", [])),
            domains=tuple(d.lower() for d in entry.get("domains", [])),
        )
        for entry in data["publications"]
    )


@cache
def _by_name() -> dict[str, Publication]:
    index: dict[str, Publication] = {}
    for publication in publications():
        for name in publication.names:
            index.setdefault(name, publication)
        for abbreviation in publication.abbreviations:
            index.setdefault(abbreviation, publication)
    return index


def lookup(text: str) -> Publication | None:
    """The publication a short text names exactly (a name, alias or abbreviation)."""
    text = text.strip()
    if not text or len(text) > 120:
        return None
    index = _by_name()
    return index.get(text) or index.get(_key(text))


def by_domain(text: str) -> Publication | None:
    """The publication whose web domain appears in text (a URL or a bare domain)."""
    for match in _DOMAIN.finditer(text):
        host = match.group("host").lower()
        for publication in publications():
            if any(host == d or host.endswith("." + d) for d in publication.domains):
                return publication
    return None


def mentioned(text: str) -> Publication | None:
    """The publication a masthead or footer line names, whole or at its start."""
    found = lookup(text)
    if found:
        return found
    key = _key(text)
    best = None
    for publication in publications():
        for name in publication.names:
            longer = best is None or len(name) > len(best[1])
            if longer and len(name) >= 6 and re.search(rf"\b{re.escape(name)}\b", key):
                best = (publication, name)
    return best[0] if best else None


def is_outlet(text: str) -> bool:
    """Whether a short text is a known outlet or publication."""
    return lookup(text) is not None
