"""Find who a sentence attributes its statement to.

``find_attribution(sentence)`` knows the usual patterns: "X said", "X, a former
lawyer, believes that ...", "“…,” said MERICS Lead Analyst Nis Grünberg",
"“…,” said X, Director for ...", "according to X", "in the words of X", "quoted X
as saying", and pronouns ("He states that ..."), which the caller resolves from
context. It returns None when the sentence attributes nothing, and an
``Attribution`` whose speaker is None when it names only a vague source ("some
analysts", "the report").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import strip_markup
from .names import (
    PRONOUN,
    TRAILING_PARENTHESIS,
    Speaker,
    looks_like_role,
    resolve_subject,
)

_SPEECH = (
    r"said|says|say|told|tells|stated|states|added|adds|remarked|remarks|mentioned"
    r"|mentions|wrote|writes|declared|declares|asserted|asserts|replied|replies"
    r"|responded|commented|comments|described|describes"
)
_BELIEF = (
    r"believes|believe|believed|thinks|think|pointed out|points out|point out|noted"
    r"|notes|explained|explains|suggested|suggests|suggest|argued|argues|argue"
    r"|warned|warns|warn|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|claimed|claims"
    r"|claim|admitted|admits|insisted|insists|maintained|maintains|observed|observes"
    r"|predicted|predicts|estimated|estimates|expects|expected|hopes|hoped|fears"
    r"|feared|assumes|assume|assumed|acknowledged|acknowledges|concluded|concludes"
    r"|revealed|reveals|reported|reports|confirmed|confirms|indicated|indicates"
    r"|showed|shows|show|found|finds|urged|urges|called on|calls on|denied|denies"
    r"|contends|contended|recalled|recalls|disclosed|discloses|criticized|criticised"
    r"|warning|claiming|maintaining|insisting|stating"
)
SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH})\b")
ATTRIBUTION_VERB = re.compile(rf"\b(?P<verb>{_SPEECH}|{_BELIEF})\b")
# Words between a subject and its verb: "has pointed out", "further explains".
AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|also|further|recently|once|previously|repeatedly|publicly"
    r"|already|long|earlier|then|later|again|even|often|consistently|quickly|openly"
    r"|separately|reportedly|privately|explicitly|specifically|himself|herself|is|are"
    r"|was|were|now))+\s*$",
    re.IGNORECASE,
)
# Where the subject of a verb can begin: after a clause break or a quotation.
CLAUSE_BREAK = re.compile(r"[,;:“”\"()]|\bthat\b")
# Where an appositive subject ("X, a lawyer,") can begin.
STRONG_BREAK = re.compile(r"[;:“”\"()]|\bthat\b")
# "“…,” said MERICS Lead Analyst Nis Grünberg." / "…, says X, Director for Y."
INVERTED = re.compile(
    rf"[,”\"]\s*(?:{_SPEECH})\s+(?P<subject>[^,]+?)(?:,\s*(?P<role>[^,]+?))?\s*[.!]?$"
)
# Where an inverted subject stops: "said X on Monday", "said X in a statement".
SUBJECT_TAIL = re.compile(
    r"\s+(?:on|in a|in an|during|after|before|when|while|last|this|yesterday)\b.*$"
)
ACCORDING_TO = re.compile(r"\baccording to\s+(?P<subject>[^,.;:]+)", re.IGNORECASE)
IN_THE_WORDS_OF = re.compile(
    r"\b(?:in the words of\s+(?P<subject>[^,.;:]+)"
    r"|as\s+(?P<subject2>[^,.;:]+?)\s+(?:put it|noted|said|wrote))",
    re.IGNORECASE,
)
# A sentence that opens by naming and describing someone: "Wang Huning, China's
# most senior official in charge of Taiwan policy, used ...".
INTRODUCTION = re.compile(r"^(?P<name>[^,]{3,60}),\s*(?P<role>[^,]{3,}),")
# Two to four capitalised words opening a sentence before a lower-case verb.
LEADING_NAME = re.compile(
    r"^(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’.\-]*){1,3})(?=\s+[a-z])"
)
# An introducing line that names no speech verb: "X has announced ..., including:",
# "It frames the problem in the following manner:".
INTRO_ANNOUNCEMENT = re.compile(
    r"^(?P<subject>[^,:;]+?)\s+(?:has\s+|have\s+)?(?:announced|published|issued|listed)\b"
)
FOLLOWING = re.compile(
    r"\b(?:in the following (?:manner|way|terms)|as follows)\s*:\s*$"
)
FIRST_PERSON = frozenset({"we", "i", "us", "our"})
QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<subject>.+?)\s+as saying\b")
# "added" is speech only before what was said: "he added that", "…,” she added.";
# "The department added 12 firms to its list" adds things.
ADDED = frozenset({"added", "adds"})
SPEECH_FOLLOWS = re.compile(r"\s*(?:that\b|[,:;.!?“”\"‘'«]|$)")
OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»"
QUOTE_CLOSE = re.compile(r"[”»\"]")


@dataclass(frozen=True)
class Attribution:
    """Who a sentence attributes its statement to, and how."""

    speaker: Speaker | None  # None: a vague or unnamed source
    is_speech: bool  # said/says/told (a quote) rather than believes/notes
    is_pronoun: bool = False  # "He states that ...": resolve from context
    subject: str = ""  # the subject as written ("some analysts", "the report")


def quoted_positions(sentence: str, open_at_start: bool = False) -> list[bool]:
    """For each character, whether it stands inside a double quotation."""
    inside, flags = open_at_start, []
    for char in sentence:
        if char in OPENING_QUOTES:
            inside = True
        elif char in CLOSING_QUOTES:
            inside = False
        elif char == '"':
            inside = not inside
        flags.append(inside)
    return flags


def _attribution(subject: str, is_speech: bool) -> Attribution:
    resolved = resolve_subject(subject)
    if resolved == PRONOUN:
        return Attribution(None, is_speech, is_pronoun=True, subject=subject)
    speaker = resolved if isinstance(resolved, Speaker) else None
    return Attribution(speaker, is_speech, subject=subject)


def _inverted(sentence: str) -> Attribution | None:
    """ "“…,” said MERICS Lead Analyst Nis Grünberg." and "“…,” says X, Role."."""
    match = INVERTED.search(sentence)
    if not match:
        return None
    subject = SUBJECT_TAIL.sub("", match.group("subject"))
    attribution = _attribution(subject, is_speech=True)
    role = match.group("role")
    speaker = attribution.speaker
    if speaker and role and speaker.role is None and looks_like_role(role):
        speaker = Speaker(speaker.name, role.strip())
    return Attribution(speaker, True, attribution.is_pronoun, attribution.subject)


def _named_phrase(sentence: str) -> Attribution | None:
    """ "according to X", "in the words of X", "as X put it", "quoted X as saying"."""
    for pattern, is_speech in (
        (QUOTED_AS_SAYING, True),
        (IN_THE_WORDS_OF, True),
        (ACCORDING_TO, False),
    ):
        match = pattern.search(sentence)
        if match:
            subject = next(g for g in match.groups() if g)
            return _attribution(subject, is_speech)
    return None


def _speaker_before(pre: str, is_speech: bool) -> Attribution | None:
    """The attribution whose subject ends just before a verb, if any."""
    pre = AUXILIARIES.sub("", TRAILING_PARENTHESIS.sub("", pre)).rstrip()
    if pre.endswith(","):
        return _appositive(pre.rstrip(","), is_speech)
    breaks = list(CLAUSE_BREAK.finditer(pre))
    subject = pre[breaks[-1].end() :] if breaks else pre
    return _attribution(subject, is_speech) if subject.strip() else None


def _appositive(pre: str, is_speech: bool) -> Attribution:
    """ "X, a former lawyer," or "US assistant secretary ..., X," before a verb."""
    breaks = list(STRONG_BREAK.finditer(pre))
    segments = pre[breaks[-1].end() if breaks else 0 :].split(",")
    for index, segment in enumerate(segments[:-1]):
        found = resolve_subject(segment)
        if isinstance(found, Speaker) and looks_like_role(segments[index + 1]):
            role = ", ".join(part.strip() for part in segments[index + 1 :])
            return Attribution(Speaker(found.name, found.role or role), is_speech)
    if len(segments) > 1 and looks_like_role(segments[-1]):
        # "The poll by X, a polling firm, shows"
        return Attribution(None, is_speech, subject=pre)
    last = resolve_subject(segments[-1])
    if last == PRONOUN:
        return Attribution(None, is_speech, is_pronoun=True)
    if not isinstance(last, Speaker):
        return Attribution(None, is_speech, subject=pre)
    before = segments[-2].strip() if len(segments) > 1 else ""
    role = last.role or (before if before and looks_like_role(before) else None)
    return Attribution(Speaker(last.name, role), is_speech)


def _forward(sentence: str, open_quote: bool) -> Attribution | None:
    """ "X said ...", "X, a lawyer, believes that ...", "He states that ..."."""
    quoted = quoted_positions(sentence, open_quote)
    vague = None
    for match in ATTRIBUTION_VERB.finditer(sentence):
        if quoted[match.start()] or _is_passive(sentence, match):
            continue
        if match.group("verb") in ADDED and not SPEECH_FOLLOWS.match(
            sentence, match.end()
        ):
            continue
        is_speech = bool(SPEECH_VERB.fullmatch(match.group("verb")))
        pre = sentence[: match.start()]
        found = _participle_subject(
            pre, match.group("verb"), is_speech
        ) or _speaker_before(pre, is_speech)
        if found and (found.speaker or found.is_pronoun):
            return found
        vague = vague or found
    return vague


# "I-Soon is revealed to be ...": the subject is what is revealed, not who reveals.
BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be)\s+$")
# "China's Ministry of Commerce hit back, claiming ...": the participle's subject is
# the clause's first name.
PARTICIPLES = frozenset({"claiming", "maintaining", "insisting", "stating", "warning"})
CLAUSE_NAME = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'\-]*))*)"
)


def _is_passive(sentence: str, match: re.Match) -> bool:
    verb = match.group("verb")
    return not verb.endswith("ing") and bool(
        BE_BEFORE.search(sentence[: match.start()])
    )


def _participle_subject(pre: str, verb: str, is_speech: bool) -> Attribution | None:
    """The subject of "..., claiming that": the first name of the clause before."""
    if verb not in PARTICIPLES or not pre.rstrip().endswith(","):
        return None
    clause = pre.rstrip().rstrip(",").rsplit(",", 1)[-1]
    for match in CLAUSE_NAME.finditer(clause):
        found = resolve_subject(match.group("name"))
        if isinstance(found, Speaker):
            return Attribution(found, is_speech, subject=match.group("name"))
    return None


def find_attribution(sentence: str, open_quote: bool = False) -> Attribution | None:
    """Who the sentence attributes its statement to; None if it attributes nothing."""
    text = strip_markup(sentence)
    vague = None
    for found in (
        _inverted(text),
        _named_phrase(text),
        _forward(text, open_quote),
    ):
        if found and (found.speaker or found.is_pronoun):
            return found
        vague = vague or found
    return vague


def is_quotation(sentence: str, open_quote: bool = False) -> bool:
    """Whether a sentence is (part of) a quotation rather than using scare quotes."""
    if open_quote:
        return True
    text = sentence.lstrip()
    if not text or text[0] not in OPENING_QUOTES + '"':
        return False
    closing = QUOTE_CLOSE.search(text, 1)
    return closing is None or text[closing.start() - 1] in ".,!?…;:"


def ends_open(sentence: str, open_quote: bool = False) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    flags = quoted_positions(sentence, open_quote)
    return flags[-1] if flags else open_quote


def mentioned_person(sentence: str) -> Speaker | None:
    """A person a sentence opens with ("Zhang Wei is a researcher ..."), if any."""
    match = LEADING_NAME.match(strip_markup(sentence))
    if not match:
        return None
    found = resolve_subject(match.group("name"))
    return found if isinstance(found, Speaker) else None


def introduced_person(sentence: str) -> Speaker | None:
    """A person a sentence opens with and describes ("Wang Huning, China's ...,")."""
    match = INTRODUCTION.match(strip_markup(sentence))
    if not match or not looks_like_role(match.group("role")):
        return None
    found = resolve_subject(match.group("name"))
    if not isinstance(found, Speaker) or " " not in found.name:
        return None
    return Speaker(found.name, found.role or match.group("role").strip())


def intro_attribution(sentence: str) -> Attribution | None:
    """Who speaks in the block a line ending with a colon introduces, if it
    introduces one ("The American Civil Liberties Union said:"); never the writers
    quoting themselves ("But as we noted earlier:")."""
    text = strip_markup(sentence)
    found = find_attribution(text)
    if found is not None:
        subject = set(found.subject.lower().split())
        return None if subject & FIRST_PERSON else found
    match = INTRO_ANNOUNCEMENT.match(text)
    if match:
        return _attribution(match.group("subject"), is_speech=True)
    if FOLLOWING.search(text):
        return Attribution(None, is_speech=False)
    return None


# A sentence whose subject is a pronoun ("They also mentioned ...", "And now he
# has started ..."); "It is", "It's" and "It seems" point at nothing before them.
PRONOUN_SUBJECT = re.compile(
    r"^[\"“‘'(]?(?:(?:And|But|So|Yet)\s+(?:now\s+|then\s+|also\s+)?"
    r"|(?:Instead|However|Further|Moreover|Also),\s+)?"
    r"(?:He|She|They|It|he|she|they|it)\b"
    r"(?!\s+(?:is|was)\s+(?!(?:the|a|an|one|also)\b)|\s+(?:seems|appears)\b|[’']s\b)"
)


def starts_with_pronoun(sentence: str) -> bool:
    """Whether a sentence opens with a pronoun as its subject."""
    return bool(PRONOUN_SUBJECT.match(sentence.lstrip()))
