"""The synthetic corpus's words and names: what ``generate_corpus`` writes with.

Benchmarks import this module to build their queries, so its lists are stable: a
change here changes every generated corpus (say so in docs/corpus.md).

- ``WORDS``: the general vocabulary, ranked, most frequent first (``words.py``). Bodies
  draw from it with Zipf-like weights (``text.WORD_WEIGHTS``), so the first words
  ("China", "policy", "government", "economic") occur in about half of all articles
  and the last ones in a handful per 100,000. Every entry is one search token
  (letters and digits only).
- ``FUNCTION_WORDS``: the glue between them ("the", "of", ...) with their weights; every
  body has them, so they are useless as search terms (PostgreSQL drops them).
- ``CHINESE_TERMS``: about 2% of articles gloss one of them as "involution (内卷)".
- ``PUBLICATIONS``, ``TOPICS``, ``PEOPLE``, ``OUTLETS``: the records the corpus refers to
  (from ``catalogue``), with their slugs.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalogue import OUTLETS, PEOPLE, PUBLICATIONS, TOPICS
from .words import WORDS

__all__ = [
    "CHINESE_TERMS",
    "FUNCTION_WORDS",
    "OUTLETS",
    "PEOPLE",
    "PUBLICATIONS",
    "TOPICS",
    "WORDS",
    "ChineseTerm",
]

# Relative frequencies, roughly those of English prose.
FUNCTION_WORDS: tuple[tuple[str, int], ...] = (
    ("the", 60),
    ("of", 30),
    ("and", 28),
    ("to", 26),
    ("a", 20),
    ("in", 20),
    ("that", 10),
    ("is", 9),
    ("for", 8),
    ("on", 6),
    ("with", 6),
    ("as", 6),
    ("by", 5),
    ("its", 4),
    ("has", 4),
    ("was", 4),
    ("are", 4),
    ("be", 4),
    ("from", 4),
    ("at", 4),
    ("will", 3),
    ("this", 3),
    ("which", 3),
    ("it", 3),
    ("an", 3),
    ("or", 3),
    ("not", 3),
    ("but", 3),
    ("have", 3),
    ("more", 2),
    ("than", 2),
    ("also", 2),
    ("been", 2),
    ("their", 2),
    ("they", 2),
    ("after", 2),
    ("over", 2),
    ("into", 2),
    ("about", 2),
    ("while", 1),
    ("under", 1),
    ("against", 1),
    ("between", 1),
    ("would", 1),
    ("could", 1),
    ("should", 1),
)


class ChineseTerm(NamedTuple):
    """A term written as its English gloss followed by the Chinese: "involution (内卷)"."""

    english: str
    chinese: str

    @property
    def written(self) -> str:
        return f"{self.english} ({self.chinese})"


CHINESE_TERMS: tuple[ChineseTerm, ...] = (
    ChineseTerm("involution", "内卷"),
    ChineseTerm("common prosperity", "共同富裕"),
    ChineseTerm("Belt and Road", "一带一路"),
    ChineseTerm("dual circulation", "双循环"),
    ChineseTerm("new quality productive forces", "新质生产力"),
    ChineseTerm("digital renminbi", "数字人民币"),
    ChineseTerm("lying flat", "躺平"),
    ChineseTerm("Chinese Dream", "中国梦"),
    ChineseTerm("high-quality development", "高质量发展"),
    ChineseTerm("united front", "统一战线"),
    ChineseTerm("social credit", "社会信用"),
    ChineseTerm("dual carbon", "双碳"),
    ChineseTerm("the state advances, the private sector retreats", "国进民退"),
    ChineseTerm("local government financing vehicles", "城投"),
    ChineseTerm("whole-process people's democracy", "全过程人民民主"),
    ChineseTerm("national rejuvenation", "民族复兴"),
    ChineseTerm("wolf warrior diplomacy", "战狼外交"),
    ChineseTerm("houses are for living in, not for speculation", "房住不炒"),
    ChineseTerm("stability maintenance", "维稳"),
    ChineseTerm("data finance", "数据财政"),
    ChineseTerm("flexible employment", "灵活就业"),
    ChineseTerm("rural revitalisation", "乡村振兴"),
    ChineseTerm("self-reliance and self-strengthening", "自立自强"),
    ChineseTerm("community with a shared future for mankind", "人类命运共同体"),
    ChineseTerm("Greater Bay Area", "大湾区"),
)
