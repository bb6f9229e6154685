"""Names of people and organisations: the key under which spelling variants of one
name are merged, whether a name is a person's or an organisation's (or nobody's), and a
person's family and given names as citations need them.

``name_key`` folds what does not tell two people apart: case, accents ("Grünberg" ~
"Grunberg"), honorifics ("Dr. Junhua Zhang"), degrees ("PhD"), markup, full stops
after initials, hyphens and apostrophes inside names ("Jin-ping" ~ "Jinping"), a
trailing affiliation in brackets, and the inverted order of a byline list ("Gunter,
Jacob" ~ "Jacob Gunter"). A surname alone keeps its own key: "Gunter" may be any
Gunter, so it is never merged with a full name automatically.

Which names are organisations, and which words make a name Chinese, is data
(``briefings/data/organisations.json``, ``briefings/data/chinese_names.json``), so
teaching the importer a new outlet or surname needs no code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nameparser import HumanName

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


DATA = Path(__file__).resolve().parent.parent / "data"
PERSON, ORGANISATION = "person", "organisation"
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")  # "EU", "ACLU", "MERICS"
WORD = re.compile(r"[\w.&]+")
HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Kai-shek", "Ing-wen"
# One syllable as other romanisations spell a surname: "Rai", "Tsai", "Chiang", "Lee".
ROMANISED_SURNAME = re.compile(r"^[A-Z][^aeiou\W\d]{0,2}[aeiou]{1,3}(?:n|ng|h)?$")


@cache
def organisation_catalogue() -> dict[str, frozenset[str]]:
    """The catalogue of organisation words, names, places and anonymous labels,
    case-folded ("the Chinese government" is as much a body as "Government")."""
    data = json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))
    return {
        key: frozenset(_fold(name) for name in names)
        for key, names in data.items()
        if isinstance(names, list)
    }


def _fold(name: str) -> str:
    """A whole name as the catalogue compares it: case-folded, no leading "the"."""
    name = " ".join(name.split()).casefold()
    return name[4:] if name.startswith("the ") else name


def is_anonymous(name: str) -> bool:
    """Whether a byline or speaker names nobody ("Anonymous", "anonymous source")."""
    return _fold(clean_name(name)) in organisation_catalogue()["anonymous"]


def kind_of(name: str) -> str:
    """``"organisation"`` for a body, outlet, company, country or city; else
    ``"person"``: "Audit Office", "Caixin", "Beijing", "EU" are organisations."""
    catalogue = organisation_catalogue()
    name = clean_name(name)
    folded = _fold(name)
    if folded in catalogue["names"] or folded in catalogue["places"]:
        return ORGANISATION
    words = {word.strip(".").casefold() for word in WORD.findall(name)}
    if ACRONYM.match(name) or catalogue["words"] & words:
        return ORGANISATION
    return PERSON


@dataclass(frozen=True)
class SplitName:
    """A person's name as citations need it; an organisation keeps ``family`` only
    empty and is cited by its literal name."""

    family: str
    given: str


@cache
def chinese_names() -> tuple[dict[str, int], frozenset[str], int]:
    """Surname → frequency rank, the pinyin syllables, and how many ranks are common."""
    data = json.loads((DATA / "chinese_names.json").read_text(encoding="utf-8"))
    ranks: dict[str, int] = {}
    for rank, surname in enumerate(data["surnames"]):
        ranks.setdefault(surname.casefold(), rank)
    for surname in data["compound_surnames"]:  # never a given name: as common as any
        ranks.setdefault(surname.casefold(), 0)
    return ranks, frozenset(data["syllables"]), data["common"]


def is_pinyin(word: str) -> bool:
    """Whether a word is one to three pinyin syllables ("Jinping", "Xiaoyang")."""
    _, syllables, _ = chinese_names()
    word = word.casefold().replace("-", "").replace("'", "").replace("’", "")
    ends = {0: 0}  # end offset -> syllables used to reach it
    for start in range(len(word)):
        if start not in ends:
            continue
        for stop in range(start + 1, min(len(word), start + 6) + 1):
            if word[start:stop] in syllables:
                ends[stop] = min(ends.get(stop, 9), ends[start] + 1)
    return 1 <= ends.get(len(word), 9) <= 3


def split_name(name: str) -> SplitName:
    """Family and given names of a person: Chinese family-first ("Wang Dan" → Wang,
    Dan), Chinese in Western order ("Junhua Zhang" → Zhang, Junhua), others as
    nameparser reads them ("Nis Grünberg" → Grünberg, Nis); a single name is a family
    name ("Jo")."""
    name = clean_name(name)
    tokens = name.split()
    if len(tokens) < 2:
        return SplitName(family=name, given="")
    chinese = _chinese_split(tokens)
    if chinese:
        return chinese
    parsed = HumanName(name)
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    if not parsed.last:
        return SplitName(family=name, given="")
    return SplitName(family=parsed.last, given=given)


def cited_names(name: str) -> dict[str, str]:
    """A new record's ``kind``, ``family_name`` and ``given_name`` for a name as
    written; an organisation is cited by its whole name, so it has neither."""
    kind = kind_of(name)
    if kind == ORGANISATION:
        return {"kind": kind, "family_name": "", "given_name": ""}
    split = split_name(name)
    return {"kind": kind, "family_name": split.family, "given_name": split.given}


def _chinese_split(tokens: list[str]) -> SplitName | None:
    """The split of a Chinese name, or None when the name does not read as one.

    Family-first unless the first word is an uncommon surname and the last a common
    one ("Yun Jiang" is Jiang, Yun; "Han Zheng" stays Han, Zheng). A two-syllable or
    hyphenated given name after one word reads family-first even when the surname is
    romanised otherwise ("Rai Jianping", "Tsai Ing-wen")."""
    ranks, _, common = chinese_names()
    first, rest, last = tokens[0], tokens[1:], tokens[-1]
    first_rank, last_rank = ranks.get(first.casefold()), ranks.get(last.casefold())
    rest_is_given = all(is_pinyin(word) for word in rest)
    western_order = (
        len(tokens) == 2
        and last_rank is not None
        and last_rank < common
        and (first_rank is None or first_rank >= common)
        and is_pinyin(first)
    )
    if western_order:
        return SplitName(family=last, given=first)
    if first_rank is not None and rest_is_given:
        return SplitName(family=first, given=" ".join(rest))
    romanised = (
        len(tokens) == 2 and last_rank is None and ROMANISED_SURNAME.match(first)
    )
    chinese_given = HYPHENATED_GIVEN.match(last) or (
        rest_is_given and _syllables(last) >= 2
    )
    if romanised and chinese_given:
        return SplitName(family=first, given=last)
    return None


def _syllables(word: str) -> int:
    """How many vowel groups a word has: a rough syllable count."""
    return len(re.findall(r"[aeiouü]+", word.casefold()))
