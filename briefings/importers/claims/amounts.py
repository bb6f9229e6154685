"""Read one written amount: a number with its scale word and currency or percent sign.

``AMOUNT`` finds candidates such as "RMB 1.2 billion", "US$12bn", "21.3 percent",
"1,420", "1.3万亿元"; ``read_amount`` turns a match into an ``Amount`` with the scale
applied and the unit normalised ("CNY", "USD", "EUR", ... or "%"). Whether a
candidate is a figure at all (not a year, date or name) is decided in ``figures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Currency signs and codes written before a number, longest first.
PREFIX_CURRENCIES = {
    "us$": "USD",
    "usd": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "nt$": "TWD",
    "au$": "AUD",
    "a$": "AUD",
    "ca$": "CAD",
    "c$": "CAD",
    "s$": "SGD",
    "rmb": "CNY",
    "cny": "CNY",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "€": "EUR",
    "£": "GBP",
    "¥": "¥",  # yen or yuan: decided by the sentence (see ``currency_for_yen_sign``)
    "￥": "¥",
    "$": "USD",
}
# Currency words and codes written after a number.
SUFFIX_CURRENCIES = {
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "元": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "日元": "JPY",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "jpy": "JPY",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "hkd": "HKD",
}
PERCENT_WORDS = ("%", "％", "percent", "per cent", "pct", "percentage point")
# Dollars named by their country: "5 Hong Kong dollars".
DOLLAR_COUNTRIES = {
    "us": "USD",
    "hong kong": "HKD",
    "australian": "AUD",
    "canadian": "CAD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "new taiwan": "TWD",
}
LATIN_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
# Chinese scale characters multiply: 万亿 = 1e4 * 1e8 = 1e12, 千万 = 1e7.
CHINESE_SCALES = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8}
# Scale abbreviations that are also units of length or memory unless money is meant.
MONEY_ONLY_SCALES = frozenset({"m", "k"})

_PREFIX = r"(?P<prefix{n}>US\$|HK\$|NT\$|AU\$|A\$|CA\$|C\$|S\$|USD|HKD|RMB|Rmb|CNY|EUR|GBP|JPY|[€£¥￥$])"
_NUMBER = r"(?P<number{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = (
    r"(?P<scale{n}>[十百千万亿]+"
    r"|(?i:thousand|million|billion|trillion|bn|mn|mln|tn|trn|m|k)(?![A-Za-z]))"
)
_SUFFIX = (
    r"(?P<suffix{n}>[%％]|元|美元|欧元|港元|日元"
    r"|(?i:per\s?cent|percentage\s+points?|pct|yuan|renminbi|rmb|cny|usd|eur|gbp"
    r"|hkd|jpy|(?:(?:hong kong|australian|canadian|singapore|new taiwan|taiwan|us)\s+)?"
    r"dollars?|euros?|yen|pounds?)(?![A-Za-z]))"
)


def amount_pattern(n: int = 1) -> str:
    """The regex source of one amount; ``n`` numbers its groups."""
    return (
        rf"(?:{_PREFIX.format(n=n)}\s?)?{_NUMBER.format(n=n)}"
        rf"(?:\s?{_SCALE.format(n=n)})?(?:\s?{_SUFFIX.format(n=n)})?"
    )


# A minus sign before a percentage that stands apart ("CPI was -0.3%"); a hyphen
# glued to a word or number ("2019-20", "COVID-19") is no sign.
_SIGN = r"(?P<sign>(?<![^\s(])[-−](?=\d[\d.,]*\s?(?:[%％]|per\s?cent)))"
# A candidate amount. The number must not be glued to a word, a decimal point, a
# date, a time, an ID or a phone prefix ("COVID-19", "2024/745", "+49", "#42"),
# nor run into letters or a date ("5G", "19th", "1990s", "24/02/23").
AMOUNT = re.compile(
    rf"(?<![^\W\u4e00-\u9fff]|[.,/#:+\-–$€£¥￥])(?:{_SIGN}?{amount_pattern()})"
    r"(?![A-Za-z\d]|/\d|\.\d)"
)


@dataclass(frozen=True)
class Amount:
    """A number as written, with its scale applied and its unit normalised."""

    value: float
    unit: str | None
    digits: str  # the number's digits as written ("2019", "1,420")
    factor: float  # the scale: 1 when none was written
    has_prefix: bool  # a currency sign or code came before the number

    @property
    def is_bare(self) -> bool:
        """Just a number: no unit, scale word or currency sign."""
        return self.unit is None and self.factor == 1 and not self.has_prefix


def scale_factor(scale: str | None) -> float:
    """The multiplier of a scale word ("million" -> 1e6, "万亿" -> 1e12)."""
    if not scale:
        return 1.0
    if scale[0] in CHINESE_SCALES:
        factor = 1.0
        for char in scale:
            factor *= CHINESE_SCALES[char]
        return factor
    return LATIN_SCALES[scale.lower()]


def unit_of(prefix: str | None, suffix: str | None) -> str | None:
    """The normalised unit for a currency prefix and/or a suffix word."""
    if suffix:
        word = re.sub(r"\s+", " ", suffix.lower())
        if word.startswith(PERCENT_WORDS):
            return "%"
        country = word.rsplit(" ", 1)[0] if word.endswith(("dollar", "dollars")) else ""
        if country in DOLLAR_COUNTRIES:
            return DOLLAR_COUNTRIES[country]
        if prefix is None or word not in ("dollar", "dollars"):
            return SUFFIX_CURRENCIES.get(word)
    if prefix:
        return PREFIX_CURRENCIES[prefix.lower()]
    return None


def read_amount(match: re.Match, n: int = 1) -> Amount | None:
    """The Amount for groups numbered ``n`` of a match, or None if not a figure."""
    number = match.group(f"number{n}")
    prefix, scale = match.group(f"prefix{n}"), match.group(f"scale{n}")
    unit = unit_of(prefix, match.group(f"suffix{n}"))
    money = unit not in (None, "%")
    if scale and scale.lower() in MONEY_ONLY_SCALES and not money:
        return None
    written = Decimal(number.replace(",", ""))
    factor = scale_factor(scale)
    if n == 1 and match.groupdict().get("sign"):
        written = -written  # only before a percentage (see ``_SIGN``)
    # Decimal arithmetic: 129.14 billion is 129140000000, not 129139999999.99998.
    value = float(written * Decimal(factor))
    return Amount(value, unit, number, factor, bool(prefix))


# What the sentence says about a "¥" amount.
YEN_CONTEXT = re.compile(r"\byen\b|\bJapan(?:ese)?\b|日元")


def resolve_unit(unit: str | None, sentence: str) -> str | None:
    """Settle the "¥" sign: yen where the sentence speaks of Japan, else yuan."""
    if unit == "¥":
        return "JPY" if YEN_CONTEXT.search(sentence) else "CNY"
    return unit
