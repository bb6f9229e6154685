"""Tell a named speaker from a vague subject, and a speaker's name from their role.

``resolve_subject`` reads the subject of an attribution ("MERICS Lead Analyst Nis
Grünberg", "The American Civil Liberties Union", "Ryan Manuel at Hong Kong
University", "some analysts", "He") and returns a ``Speaker``, ``PRONOUN`` or None.
Persons and organisations are speakers; vague groups ("observers", "legal experts in
China", "the report") are not: a claim from them has no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import strip_markup
from .lexicon import words


@dataclass(frozen=True)
class Speaker:
    """Who asserts a claim, and their role when the text gives one."""

    name: str
    role: str | None = None


PRONOUN = "pronoun"  # "He states that ...": the speaker comes from the context
PRONOUNS = frozenset({"he", "she"})

# Lower-case words a proper name may contain: "Bank of China", "Ursula von der Leyen".
CONNECTORS = words("of for and the de van von der den bin al da du la le y on & d'")
# Heads of vague subjects: a claim from "some analysts" or "the report" has no speaker.
VAGUE_NOUNS = words("""insiders observers analysts analyst experts expert officials official critics
    sources source commentators scholars researchers economists diplomats people
    residents netizens users citizens some many most others several few both all
    they it this that these those there we i you one someone everyone everybody
    media reports report studies study data statistics figures survey poll polls
    authorities government governments public activists lawyers investors companies
    firms businesses employees workers observer insider critic studies documents
    document article paper papers records record evidence research surveys
    prosecutors police protesters readers viewers audience author authors writers
    team teams members member staff spokespeople""")
# Words that may open a clause before its subject ("But Beijing said").
FILLERS = words("""but and however yet meanwhile also moreover still instead separately earlier
    later now today furthermore nevertheless so then thus indeed the even""")
# Words that open a clause but never a name.
NOT_NAMES = FILLERS | words("""while when although though despite in on at after before as since if because
    unlike like following amid among over by from to with under during according
    what why how which who where okay ok monday tuesday wednesday thursday friday
    saturday sunday your our my his her their its this that these those""")
# Words of a title or role, before a name ("MERICS Lead Analyst", "US President").
TITLE_WORDS = words("""analyst director president vice-president minister secretary professor
    chairman chairwoman chairperson chair spokesperson spokesman spokeswoman fellow
    editor editor-in-chief ambassador governor premier mayor general commissioner
    chief ceo cfo founder head leader economist researcher scholar lawyer official
    envoy representative senator congressman congresswoman adviser advisor
    counsellor lecturer judge journalist reporter correspondent manager officer
    partner diplomat historian sinologist activist dissident blogger author
    strategist consultant dean deputy vice lead senior associate assistant
    executive member candidate attorney prosecutor researcher""")
# Words that make a name an organisation's: "he" never refers to it.
ORGANISATION_WORDS = words(
    """ministry union bank party commission office council department bureau
    government committee agency administration association institute university
    company group corporation times news daily post journal house court congress
    center centre foundation forum organization organisation league federation
    chamber authority state republic china states"""
)
# Leading words of an appositive that describes a person ("a former Beijing lawyer").
ROLE_OPENERS = words("a an the former then current acting longtime veteran")
PREPOSITIONS = words(
    "by from of in at with for to on about over under into after before"
)
# "Ryan Manuel at Hong Kong University": a role; "Southern Daily in China": a place.
AFFILIATION = re.compile(r"\s+(at|from|in)\s+")
# "Zhang Wei of Peking University": a person, then the organisation they belong to.
OF_AFFILIATION = re.compile(r"\s+of\s+(?:the\s+)?")
QUOTE_MARKS = re.compile(r"[“”\"«»]")
# "Mr. Xi" is Xi; "Dr. Junhua Zhang" is Junhua Zhang.
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir|Madam)\.?\s+(?=[A-Z])")
TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")
# "The Chinese government", "the US government": a government named by its country.
NAMED_GOVERNMENT = re.compile(r"^(?:[A-Z][\w’'\-]*\s+){1,3}government$")
# "the statistics bureau", "China's commerce ministry", "the Philippine coast guard":
# an official body named by what it does, which speaks as itself ("the ministry"
# alone does not say which)
OFFICIAL_BODY = re.compile(
    r"^(?:[A-Z][\w’'\-]*(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}|(?:[a-z][\w-]*\s+){1,2})"
    r"(?:ministry|bureau"
    r"|commission|coast guard|customs|regulator|central bank|cabinet|port authority)$"
)
# "A recent report by the Beijing-based YuWa Institute", "a readout published by the
# USTR": the report speaks for whoever wrote it.
BY_SOURCE = re.compile(
    r"^(?:an?|the)\s+(?:\w+\s+){0,2}(?:report|readout|statement|study|survey|poll)\s+"
    r"(?:(?:published|released|issued|conducted)\s+)?by\s+(?:the\s+)?"
    r"(?:[A-Z][\w]*-based\s+)?(?P<source>.+)$",
    re.IGNORECASE,
)
# "China's Ministry of Commerce": the ministry, named without its country.
# (Not "The People's Bank of China": only a country's possessive goes.)
POSSESSIVE = re.compile(
    r"^(?:China|Japan|Russia|Taiwan|India|Germany|France|Britain|Europe|America"
    r"|Beijing|Washington|the US|the U\.S\.)[’']s\s+(?=[A-Z])"
)
EDGE_PUNCTUATION = " \t,.;:“”\"‘’'()[]*—–-"


def _tokens(phrase: str) -> list[str]:
    return phrase.split()


def _is_capitalised(token: str) -> bool:
    token = token.lstrip("“\"‘'(")
    return token[:1].isupper()


def is_proper_name(phrase: str) -> bool:
    """Whether phrase reads as a person's or an organisation's name."""
    tokens = _tokens(phrase)
    if not tokens or len(tokens) > 8:
        return False
    if tokens[0].lower() in CONNECTORS or tokens[-1].lower() in CONNECTORS:
        return False
    if tokens[0].lower() in NOT_NAMES:
        return False
    # "Observers" at the start of a sentence is vague; "Bureau of Statistics" is not.
    if len(tokens) == 1 and tokens[0].lower() in VAGUE_NOUNS:
        return False
    return all(_is_capitalised(t) or t.lower() in CONNECTORS for t in tokens)


def looks_like_person(speaker: Speaker) -> bool:
    """Whether a speaker's name reads as a person's rather than an organisation's."""
    tokens = _tokens(speaker.name)
    if len(tokens) > 4 or any(t.lower() in ORGANISATION_WORDS for t in tokens):
        return False
    return not any(t.isupper() and len(t) > 1 for t in tokens)


def looks_like_role(segment: str) -> bool:
    """Whether an appositive describes someone ("a former economist", "Director of")."""
    if QUOTE_MARKS.search(segment):
        return False  # the rest of a quotation, not a description
    tokens = _tokens(clean_phrase(segment))
    if tokens[:1] == ["who"]:
        return True  # "X, who studies elite politics, said"
    if not tokens or tokens[0].lower() in NOT_NAMES:
        return False
    first = tokens[0].lower()
    has_title = any(t.lower().strip(",") in TITLE_WORDS for t in tokens)
    return first in ROLE_OPENERS or has_title or not _is_capitalised(tokens[0])


def clean_phrase(phrase: str) -> str:
    """The phrase without markup, edge punctuation or a trailing parenthesis."""
    phrase = TRAILING_PARENTHESIS.sub("", strip_markup(phrase))
    return " ".join(phrase.strip(EDGE_PUNCTUATION).split())


def _drop_leading_fillers(phrase: str) -> str:
    """ "But Beijing" -> "Beijing", "The White House" -> "White House"."""
    tokens = _tokens(phrase)
    while tokens and tokens[0].lower() in FILLERS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _split_title(phrase: str) -> Speaker:
    """ "MERICS Lead Analyst Nis Grünberg" -> Nis Grünberg, "MERICS Lead Analyst"."""
    tokens = _tokens(phrase)
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower() in TITLE_WORDS]
    if titles:
        cut = titles[-1] + 1
        name = " ".join(tokens[cut:])
        if is_proper_name(name):
            return Speaker(name, " ".join(tokens[:cut]))
    return Speaker(phrase)


def _trailing_name(phrase: str) -> Speaker | None:
    """ "state-owned CCP media Xinhua Daily Telegraph" -> the name after the role."""
    tokens = _tokens(phrase)
    cut = len(tokens)
    while cut > 0 and (
        _is_capitalised(tokens[cut - 1]) or tokens[cut - 1] in CONNECTORS
    ):
        cut -= 1
    while cut < len(tokens) and tokens[cut].lower() in CONNECTORS:
        cut += 1
    prefix, name = tokens[:cut], " ".join(tokens[cut:])
    if not prefix or not is_proper_name(name):
        return None
    if any(t.lower() in PREPOSITIONS | {"and", "or"} for t in prefix):
        return None
    role = " ".join(
        t for i, t in enumerate(prefix) if i or t.lower() not in ROLE_OPENERS
    )
    return Speaker(name, role or None)


def _person_of_organisation(phrase: str) -> Speaker | None:
    """ "Zhang Wei of Peking University" -> Zhang Wei, "Peking University"."""
    parts = OF_AFFILIATION.split(phrase, maxsplit=1)
    if len(parts) != 2:
        return None
    person, organisation = parts
    tokens = _tokens(person)
    if not 2 <= len(tokens) <= 3 or not is_proper_name(person):
        return None
    if any(t.lower() in TITLE_WORDS for t in tokens):
        return None
    if not looks_like_person(Speaker(person)) or not is_proper_name(organisation):
        return None
    is_organisation = any(
        t.lower() in ORGANISATION_WORDS or (t.isupper() and len(t) > 1)
        for t in _tokens(organisation)
    )
    return Speaker(person, organisation) if is_organisation else None


def resolve_subject(phrase: str) -> Speaker | str | None:
    """The Speaker a subject names, ``PRONOUN`` for he/she, or None when vague."""
    phrase = clean_phrase(phrase)
    if phrase.lower() in PRONOUNS:
        return PRONOUN
    phrase = HONORIFIC.sub("", _drop_leading_fillers(phrase))
    if NAMED_GOVERNMENT.match(phrase) or OFFICIAL_BODY.match(phrase):
        return Speaker(phrase)
    source = BY_SOURCE.match(phrase)
    if source:
        return resolve_subject(source.group("source"))
    owned = POSSESSIVE.sub("", phrase)
    if owned != phrase and is_proper_name(owned):
        return resolve_subject(owned)
    member = _person_of_organisation(phrase)
    if member:
        return member
    affiliation = None
    parts = AFFILIATION.split(phrase, maxsplit=1)
    if len(parts) == 3 and is_proper_name(parts[0]) and _is_capitalised(parts[2]):
        phrase = parts[0]
        affiliation = parts[2] if parts[1] != "in" else None
    proper = is_proper_name(phrase)
    speaker = _split_title(phrase) if proper else _trailing_name(phrase)
    if speaker and affiliation and speaker.role is None:
        return Speaker(speaker.name, affiliation)
    return speaker
