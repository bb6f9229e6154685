"""Tell apart what kind of claim a statement is.

- "quote": a speaker's own words in quotation marks (or a quoted block);
- "reported": what a person or an outlet says or believes, in the writer's words
  ("He states that ...", "according to Wang Tiancheng, ...");
- "position": what a government, ministry, party or official holds ("Beijing said
  ...", "The Audit Office stated that ...");
- "directive": what an order, law or document requires or prohibits;
- "statistic": a statement whose point is a figure;
- "assertion": the writer's own report of a fact or event.
"""

from __future__ import annotations

import re

from .lexicon import words
from .names import Speaker, clean_phrase

# Vague subjects that still say who speaks: a group of people ("some analysts").
PEOPLE_GROUPS = words(
    "analysts observers insiders experts officials critics sources scholars "
    "researchers economists diplomats commentators lawyers authorities source "
    "spokesperson"
)
OFFICIAL_GROUPS = words("officials authorities government")
# Capitals and countries that stand for their governments ("Beijing said").
STATE_ACTORS = words(
    "beijing washington moscow brussels tokyo taipei london paris berlin kyiv "
    "china russia"
)
MEDIA_WORDS = words(
    "daily times news post telegraph journal newspaper media outlet agency tribune "
    "herald gazette xinhua caixin reuters"
)
# Words that make an organisation part of a state: its word is a position.
STATE_BODY_WORDS = words(
    "ministry commission office department bureau government administration council "
    "party house agency authority authorities congress court parliament cabinet "
    "politburo embassy"
)
MAX_ACRONYM = 5  # "EU", "USTR", "CAAC": a state body named by its initials
# Roles whose holder speaks for a government ("assistant secretary of commerce").
OFFICIAL_ROLES = words(
    "minister secretary spokesperson spokesman spokeswoman ambassador premier "
    "governor mayor envoy"
)
DIRECTIVE = re.compile(
    r"\b(?:calls? for|(?<!will )requir(?:e|es|ed)|requiring that|(?:is|are) (?:also )?required to"
    r"|prohibit(?:s|ed)?|shall|restricted or prohibited)\b",
    re.IGNORECASE,
)
# A state body's demand is an order ("the CAAC demanded that ..."); a politician's
# demand is what he said.
DEMAND = re.compile(r"\b(?:demanded|ordered|instructed)\s+that\b")
QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
# A sentence is a quotation when most of it stands in quotation marks.
MIN_QUOTED_SHARE = 0.3


def _tokens(text: str | None) -> set[str]:
    return {token.lower().strip(",.") for token in (text or "").split()}


def is_people_group(subject: str) -> bool:
    """Whether a vague subject names a group of people ("legal experts in China")."""
    return bool(_tokens(clean_phrase(subject)) & PEOPLE_GROUPS)


def is_official(speaker: Speaker) -> bool:
    """Whether a speaker is a state actor: a body, a government or an official."""
    tokens = _tokens(speaker.name) | _tokens(speaker.role)
    if tokens & MEDIA_WORDS:
        return False
    name = speaker.name
    if name.lower() in STATE_ACTORS or _tokens(name) & STATE_BODY_WORDS:
        return True
    if name.isupper() and len(name) <= MAX_ACRONYM:
        return True
    role = _tokens(speaker.role)
    return bool(role & OFFICIAL_ROLES) and "former" not in role


def quoted_share(sentence: str) -> float:
    """The share of a sentence that stands in quotation marks."""
    quoted = sum(len(match.group()) for match in QUOTED.finditer(sentence))
    return quoted / len(sentence) if sentence else 0.0


# A clause that only sets the scene: "When it calls for ..., it implies ...".
SUBORDINATE_OPENING = re.compile(r"^(?:When|If|Although|Though|While|Unless)\b")


def is_directive(text: str) -> bool:
    """Whether a statement says what is required, called for or prohibited."""
    return bool(DIRECTIVE.search(text)) and not SUBORDINATE_OPENING.match(text)


def attributed_kind(
    speaker: Speaker | None, subject: str, quoted: bool, text: str = ""
) -> str:
    """The kind of an attributed statement: quote, reported speech or position."""
    if speaker is None:
        return "position" if _tokens(subject) & OFFICIAL_GROUPS else "reported"
    if (is_directive(text) or DEMAND.search(text)) and is_official(speaker):
        return "directive"  # "the CAAC demanded that ..., stating that ..."
    if quoted:
        return "quote"  # a spokesperson's own words are a quote
    return "position" if is_official(speaker) else "reported"
