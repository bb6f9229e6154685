"""Claim sentences for the synthetic corpus: statistics with figures, quotes with a
speaker, and plain assertions.

Statistics and quotes are whole sentences written here and placed in the body;
assertions are sentences the body already has. Figures follow the importer's
conventions (``briefings/importers/claims``): the value with its scale applied
("1.2 trillion yuan" → 1.2e12), the unit as an ISO code, "%" or a short word
("tonnes", "GW"; empty for a count), the qualifier normalised ("more than"), and
``refers_to`` the period as written ("the first quarter of 2024").
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import NamedTuple

from .catalogue import PEOPLE

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = ("first", "second", "third", "fourth")
COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
COUNTS += ("eleven",)
QUALIFIERS = (("", 6), ("more than", 2), ("about", 1), ("nearly", 1))
SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}

# Subjects of a percentage change: "Exports rose 4.5% year on year in May 2024."
CHANGE_SUBJECTS = (
    "Industrial output",
    "Retail sales",
    "Fixed-asset investment",
    "Exports",
    "Imports",
    "Property investment",
    "New home sales",
    "Foreign direct investment",
    "Electricity consumption",
    "Online retail sales",
    "Chip imports",
    "Tax revenue",
    "Land sales revenue",
    "Profits at industrial firms",
    "Crude oil imports",
    "Container throughput",
    "Household deposits",
    "Defence spending",
)
# Subjects of an amount of money, with its currency and scale.
MONEY_SUBJECTS = (
    ("The trade surplus", "USD", "billion"),
    ("New yuan loans", "CNY", "trillion"),
    ("Special bond issuance by local governments", "CNY", "billion"),
    ("Foreign exchange reserves", "USD", "trillion"),
    ("Total social financing", "CNY", "trillion"),
    ("Fiscal spending", "CNY", "trillion"),
    ("Outbound direct investment", "USD", "billion"),
    ("Lending under the Belt and Road Initiative", "USD", "billion"),
    ("Spending on research and development", "CNY", "trillion"),
    ("Land sales revenue", "CNY", "billion"),
    ("Venture funding for AI start-ups", "USD", "billion"),
    ("EU imports of Chinese electric vehicles", "EUR", "billion"),
)
# Subjects of a quantity: its unit as written and as stored.
QUANTITY_SUBJECTS = (
    ("Crude steel output", "million tonnes", "tonnes"),
    ("Coal production", "million tonnes", "tonnes"),
    ("Grain output", "million tonnes", "tonnes"),
    ("Soybean imports", "million tonnes", "tonnes"),
    ("Newly installed solar capacity", "gigawatts", "GW"),
    ("Sales of new energy vehicles", "million vehicles", ""),
    ("The number of college graduates", "million", ""),
    ("The number of births", "million", ""),
)
# Rates, with the range their levels take.
RATE_SUBJECTS = (
    ("The surveyed urban unemployment rate", 4.8, 6.2),
    ("The youth unemployment rate", 10.0, 21.3),
    ("Consumer price inflation", -0.8, 3.0),
    ("GDP growth", 2.2, 7.0),
    ("The household savings rate", 30.0, 45.0),
    ("Capacity utilisation", 70.0, 80.0),
)
SOURCES = (
    "according to the statistics bureau",
    "according to customs data",
    "official data showed",
    "the central bank said",
    "according to the finance ministry",
    "a government report said",
)
RISES = ("rose", "grew", "increased", "climbed", "jumped")
FALLS = ("fell", "declined", "dropped", "slipped", "shrank")
PERCENT_SIGNS = (("%", 5), (" percent", 3), (" per cent", 1))


class FigureDraft(NamedTuple):
    offset: int  # where the figure's text starts in the claim's text
    text: str
    value: float
    unit: str
    qualifier: str
    is_change: bool
    refers_to: str


class ClaimDraft(NamedTuple):
    text: str
    kind: str  # a ClaimKind value
    speaker: int | None = None  # an index in PEOPLE
    speaker_role: str = ""
    figures: tuple[FigureDraft, ...] = ()


class Sentence:
    """A sentence written piece by piece, remembering where its figures stand."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.figures: list[FigureDraft] = []

    def add(self, text: str) -> Sentence:
        self.parts.append(text)
        self.length += len(text)
        return self

    def figure(self, text: str, value: float, unit: str, **details) -> Sentence:
        defaults = {"qualifier": "", "is_change": False, "refers_to": ""}
        self.figures.append(
            FigureDraft(self.length, text, value, unit, **(defaults | details))
        )
        return self.add(text)

    def claim(self) -> ClaimDraft:
        return ClaimDraft("".join(self.parts), "statistic", figures=tuple(self.figures))


def period_before(day: dt.date, rng: random.Random) -> str:
    """A period that ended before ``day``, as a briefing of that day would name it."""
    last_month = day.replace(day=1) - dt.timedelta(days=1)
    choice = rng.randrange(4)
    if choice == 0 or (choice == 2 and last_month.month < 3):
        return f"{MONTHS[last_month.month - 1]} {last_month.year}"
    if choice == 1 and last_month.month >= 3:
        quarter = last_month.month // 3
        return f"the {ORDINALS[quarter - 1]} quarter of {last_month.year}"
    if choice == 2 and last_month.month < 12:
        return f"the first {COUNTS[last_month.month - 2]} months of {last_month.year}"
    return str(day.year - 1)


def number(rng: random.Random, low: float, high: float) -> str:
    """A number with one decimal between ``low`` and ``high``, as written."""
    text = f"{rng.uniform(low, high):.1f}"
    return "0.0" if text == "-0.0" else text  # the database keeps no negative zero


def scaled(written: str, factor: float) -> float:
    """The value of "1.2" billion: exact in decimal, like the importer computes it."""
    return float(Decimal(written) * Decimal(factor))


def weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def money_text(rng: random.Random, currency: str, amount: str, scale: str) -> str:
    """How an amount is written: "1.2 trillion yuan", "RMB 830 billion", "US$4.1 billion"."""
    if currency == "CNY":
        if rng.random() < 0.5:
            return f"{amount} {scale} yuan"
        return f"RMB {amount} {scale}"
    sign = {"USD": "US$", "EUR": "€"}[currency]
    return f"{sign}{amount} {scale}"


def change_claim(rng: random.Random, period: str) -> ClaimDraft:
    """ "Exports rose 4.5% year on year in May 2024."."""
    rising = rng.random() < 0.65
    verb = rng.choice(RISES if rising else FALLS)
    amount = number(rng, 0.2, 15.0)
    text = amount + weighted(rng, PERCENT_SIGNS)
    sentence = Sentence().add(f"{rng.choice(CHANGE_SUBJECTS)} {verb} ")
    sentence.figure(text, float(amount), "%", is_change=True, refers_to=period)
    return sentence.add(f" year on year in {period}.").claim()


def money_claim(rng: random.Random, period: str) -> ClaimDraft:
    """ "Total social financing reached more than 3.4 trillion yuan in 2023, ..."."""
    subject, currency, scale = rng.choice(MONEY_SUBJECTS)
    amount = number(rng, 1.0, 9.9) if scale == "trillion" else number(rng, 10, 990)
    qualifier = weighted(rng, QUALIFIERS)
    sentence = Sentence().add(f"{subject} {rng.choice(('reached', 'totalled'))} ")
    if qualifier:
        sentence.add(qualifier + " ")
    sentence.figure(
        money_text(rng, currency, amount, scale),
        scaled(amount, SCALES[scale]),
        currency,
        qualifier=qualifier,
        refers_to=period,
    )
    return sentence.add(f" in {period}, {rng.choice(SOURCES)}.").claim()


def quantity_claim(rng: random.Random, period: str) -> ClaimDraft:
    """ "Coal production reached 384.2 million tonnes in the first quarter of 2024."."""
    subject, written_unit, unit = rng.choice(QUANTITY_SUBJECTS)
    amount = number(rng, 1.0, 990.0)
    factor = SCALES["million"] if written_unit.startswith("million") else 1.0
    sentence = Sentence().add(f"{subject} reached ")
    sentence.figure(
        f"{amount} {written_unit}", scaled(amount, factor), unit, refers_to=period
    )
    return sentence.add(f" in {period}.").claim()


def rate_claim(rng: random.Random, period: str) -> ClaimDraft:
    """ "GDP growth stood at 5.2% in 2023, down from 5.5% a year earlier."."""
    subject, low, high = rng.choice(RATE_SUBJECTS)
    now, before = number(rng, low, high), number(rng, low, high)
    sign = weighted(rng, PERCENT_SIGNS)
    change = float(now) - float(before)
    direction = "up from" if change > 0 else "down from" if change else "unchanged from"
    sentence = Sentence().add(f"{subject} stood at ")
    sentence.figure(now + sign, float(now), "%", refers_to=period)
    sentence.add(f" in {period}, {direction} ")
    sentence.figure(before + sign, float(before), "%")
    return sentence.add(" a year earlier.").claim()


STATISTICS = (change_claim, money_claim, quantity_claim, rate_claim)


def statistic_claim(rng: random.Random, day: dt.date) -> ClaimDraft:
    """A sentence stating figures about a period before ``day``."""
    return rng.choice(STATISTICS)(rng, period_before(day, rng))


def quote_claim(words: str, speaker: int, rng: random.Random) -> ClaimDraft:
    """ "\"Words,\" said Name, role." with the speaker's role, or without it."""
    person = PEOPLE[speaker]
    if rng.random() < 0.7:
        text = f'"{words}," said {person.name}, {person.role}.'
        return ClaimDraft(text, "quote", speaker, person.role)
    return ClaimDraft(f'"{words}," {person.name} said.', "quote", speaker, "")
