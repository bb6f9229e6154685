"""Decide whether a sentence asserts something a researcher could check and cite.

A statement without figures and without a named speaker is kept only when it is
anchored in fact (a date or period, or an official act such as "announced",
"banned", "sanctioned" by a named actor) and reads as a report rather than an
opinion: no hedges ("may", "should", "obviously"), no "we"/"you", no question.
"""

from __future__ import annotations

import re

from .periods import find_periods

QUESTION_END = re.compile(r"[?？][”\"’')\]]*\.?\s*$")
WORD = re.compile(r"[^\W_\u4e00-\u9fff]+(?:[’'\-][^\W_\u4e00-\u9fff]+)*")
# Chinese is written without spaces: two characters count as about one word.
CJK_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
# The author talking to the reader: "we", "you", "let's", "Okay, ..."; the "I" of
# "I-Soon" is a name.
PERSONAL = re.compile(
    r"\b(?:[Ww]e|us|[Oo]urs?|[Yy]ou|[Yy]our|I(?![\-’'])|[Ll]et’?'?s|[Ll]et us|Okay"
    r"|OK)\b"
)
# Opinion and speculation. "may" only in lower case: "May 2024" is a month.
HEDGES = re.compile(
    r"\bmay\b|\b(?i:should|must|might|could|would|perhaps|probably|possibly|likely"
    r"|unlikely|seems?|seemed|appears? to|arguably|obviously|clearly|of course"
    r"|no doubt|it is true|unclear|questionable|interesting|need to|needs to"
    r"|have to|has to|worth|remains to be seen|too early|hopefully|supposedly"
    r"|in (?:my|our) view|to put it bluntly|reminiscent|in reality|not difficult to"
    r"|best known|implies|will (?:still|prove|increasingly))\b"
)
# Official acts and events: what a report of fact says happened.
EVENT_VERBS = re.compile(
    r"\b(?:announced|issued|launched|released|imposed|banned|approved|passed|signed"
    r"|arrested|detained|sentenced|investigated|fined|sanctioned|dismissed|appointed"
    r"|established|founded|convened|published|leaked|suspended|closed|shut down"
    r"|indicted|confirmed|deleted|adopted|enacted|implemented|introduced|unveiled"
    r"|ruled|elected|visited|hosted|opened|acquired|blocked|removed|raided|expelled"
    r"|retracted|auctioned|authori[sz]ed|took effect|c[oa]me into (?:effect|force)"
    r"|enshrined|revived|cracked down|expanded|admitted|revealed|reported"
    r"|criticized|criticised|accused|ordered|prohibited|ban|bans|banning|tried"
    r"|deducted|investigates|investigating|took over|drafting)\b"
)
# Words that tie a statement to the present state of affairs or a point in time.
TIME_WORDS = re.compile(
    r"\b(?:[Cc]urrently|recently|[Ss]o far|[Aa]t the moment|already"
    r"|for the first time)\b|\b(?i:no|not)\b[^.;]*\byet\b"
    r"|\b(?:is|has|has become|was) the (?:largest|biggest|highest|lowest|smallest)\b"
)
# "would" reports what was announced ("announced that it would suspend ...") or
# what something does ("a law that would guarantee ..."): no speculation.
REPORTED_WOULD = re.compile(r"\b(?:that|which|it|they)\b(?:\s+\S+){0,2}\s+would\b")
QUOTATION = re.compile(r"[“\"«][^”\"»]*[”\"»]")
# An aside to the reader before the statement: "In case you have any doubts, ...".
READER_ASIDE = re.compile(r"^(?:In case|If|As(?: many of)?)\s+you\b[^,]*,\s*")
WEEKDAY = re.compile(
    r"\b(?:(?:on|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)\b|\b(?:last|this)\s+(?:week|month|year)\b"
)
# A hedged main clause may report a fact in its subordinate clause: "the debate
# could widen after Joe Biden issued an executive order".
FACT_CLAUSE = re.compile(r"\b(?:after|since|because)\s+(?P<clause>[^,;]+)")
MIN_WORDS = 5
MIN_UNATTRIBUTED_WORDS = 7


def word_count(text: str) -> int:
    """How many words text has (two Chinese characters count as one)."""
    return len(WORD.findall(text)) + len(CJK_CHARACTER.findall(text)) // 2


def is_question(text: str) -> bool:
    """Whether text ends with a question mark (before any closing quote)."""
    return bool(QUESTION_END.search(text))


def is_statement(text: str, min_words: int = MIN_WORDS) -> bool:
    """A declarative sentence of some length: not a question, not an intro line."""
    stripped = text.rstrip()
    if is_question(stripped) or stripped.endswith(":"):
        return False
    return word_count(stripped) >= min_words


def has_named_actor(text: str) -> bool:
    """Whether a capitalised name appears after the sentence's first word."""
    words = WORD.findall(text)
    return any(word[:1].isupper() for word in words[1:])


def is_anchored(text: str) -> bool:
    """Whether the sentence is tied to a date or reports an act by a named actor."""
    if find_periods(text) or WEEKDAY.search(text) or TIME_WORDS.search(text):
        return True
    event = EVENT_VERBS.search(text)
    return bool(event) and (has_named_actor(text) or _acted_by_group(text, event))


# "Censors quickly deleted posts": a group of actors opening the sentence.
GROUP_SUBJECT = re.compile(r"^[A-Z][a-z]+s(?:\s+[a-z]+ly)?\s+$")


def _acted_by_group(text: str, event: re.Match) -> bool:
    """Whether the act is done by a plural subject right before its verb."""
    return bool(GROUP_SUBJECT.match(text[: event.start()]))


def is_checkable(text: str, anchored: bool = True) -> bool:
    """Whether an unattributed sentence without figures is a citable factual claim
    (with ``anchored=False``, whatever its anchor: a directive needs none)."""
    if not is_statement(text, MIN_UNATTRIBUTED_WORDS):
        return False
    if is_opinion(text, hedged=anchored):
        return _reports_fact_after_hedge(text)
    return is_anchored(text) or not anchored


def _reports_fact_after_hedge(text: str) -> bool:
    """Whether a hedged sentence reports an act in a clause of its own ("... could
    widen after US President Joe Biden issued an executive order ...")."""
    if is_opinion(text, hedged=False):
        return False
    found = FACT_CLAUSE.search(text)
    if not found:
        return False
    clause = found.group("clause")
    return bool(EVENT_VERBS.search(clause)) and has_named_actor("x " + clause)


def is_opinion(text: str, hedged: bool = True) -> bool:
    """Whether the writer talks to the reader or (when ``hedged``) speculates; words
    quoted from others do not count."""
    own = READER_ASIDE.sub("", QUOTATION.sub("“”", text))
    if PERSONAL.search(own) or "!" in own:
        return True
    return hedged and bool(HEDGES.search(REPORTED_WOULD.sub("", own)))
