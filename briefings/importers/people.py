"""Person names: the key under which spelling variants of one name are merged.

``name_key`` folds what does not tell two people apart: case, accents ("Grünberg" ~
"Grunberg"), honorifics ("Dr. Junhua Zhang"), degrees ("PhD"), markup, full stops
after initials, hyphens and apostrophes inside names ("Jin-ping" ~ "Jinping"), a
trailing affiliation in brackets, and the inverted order of a byline list ("Gunter,
Jacob" ~ "Jacob Gunter"). A surname alone keeps its own key: "Gunter" may be any
Gunter, so it is never merged with a full name automatically.
"""

from __future__ import annotations

import re
import unicodedata

from .claims.lexicon import words
from .text import comparable

HONORIFICS = re.compile(r"^(?:(?:dr|prof|professor|mr|mrs|ms|sir|dame)\.?\s+)+", re.I)
# Degrees after a name, as written (case matters: "Jack Ma" is no "MA").
DEGREES = re.compile(
    r"(?:,\s*(?:Ph\.?\s?D|D\.?\s?Phil|M\.?\s?A|M\.?\s?Sc|MBA|LL\.?M|M\.?D|Esq)\.?"
    r"|\s+Ph\.?\s?D\.?)+$"
)
TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
# Suffixes after a comma that belong to the name: "Martin Luther King, Jr.".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NAME_PARTICLES = words("van von de der den da du la le bin al dos del")
MAX_NAME_PART_TOKENS = 3
INNER_MARKS = re.compile(r"(?<=\w)[-‐‑'’](?=\w)")


def clean_name(name: str) -> str:
    """A display name without honorifics, degrees or markup, in natural order:
    "Dr. Junhua Zhang" -> "Junhua Zhang", "Gunter, Jacob" -> "Jacob Gunter"."""
    name = re.sub(r"[*_]{2}", "", name).strip(" ,;:")
    name = TRAILING_BRACKET.sub("", name)
    name = DEGREES.sub("", HONORIFICS.sub("", name)).strip(" ,;:")
    return natural_order(" ".join(name.split()))


def natural_order(name: str) -> str:
    """ "Surname, Given" -> "Given Surname" when both parts read as name parts."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) != 2 or not all(parts):
        return name
    surname, given = parts
    if given.rstrip(".").lower() in NAME_SUFFIXES:
        return name
    if not (_is_name_part(surname) and _is_name_part(given)):
        return name
    return f"{given} {surname}"


def _is_name_part(text: str) -> bool:
    """A few capitalised words or initials, not an acronym ("MERICS") or a role."""
    tokens = text.split()
    if not 1 <= len(tokens) <= MAX_NAME_PART_TOKENS:
        return False
    for token in tokens:
        letters = token.replace(".", "")
        if not letters[:1].isupper() and letters.lower() not in NAME_PARTICLES:
            return False
        if len(letters) > 1 and letters.isupper():
            return False
    return True


def name_key(name: str) -> str:
    """Case-, accent-, order- and punctuation-insensitive key: "Nis Grünberg" ~
    "nis grunberg", "Gunter, Jacob" ~ "jacob gunter"."""
    cleaned = INNER_MARKS.sub("", clean_name(name)).replace(".", " ")
    folded = unicodedata.normalize("NFKD", comparable(cleaned))
    key = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(key.split())[:200]
