"""The corpus's publications, people and news outlets: invented, fixed, seed-free.

Publications are invented names (the corpus must not pass for what real newsletters
wrote), with skewed sizes, start dates, sections and a mix of article kinds. People
are built from name lists by fixed arithmetic, not by chance, so they are the same
for every seed: the first ones are the publications' staff, then guest authors, then
the people quoted in claims (each with a role).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from itertools import accumulate
from typing import NamedTuple

from .topics import TOPICS

PEOPLE_COUNT = 800
GUEST_AUTHORS = 80


class PublicationSpec(NamedTuple):
    name: str
    slug: str
    description: str
    weight: float  # relative share of briefings while it publishes
    first_on: dt.date  # its first issue
    articles: tuple[int, int]  # articles per briefing, inclusive
    kinds: tuple[tuple[str, int], ...]  # ArticleKind value, weight
    sections: tuple[str, ...]  # empty: the publication has no sections
    focus: tuple[str, ...]  # topic groups it writes about more than others
    staff: int  # regular authors
    titled: bool  # its issues have titles


class PersonSpec(NamedTuple):
    name: str
    slug: str
    role: str


PUBLICATIONS: tuple[PublicationSpec, ...] = (
    PublicationSpec(
        "Zhongnanhai Watch",
        "zhongnanhai-watch",
        "A daily briefing on Chinese politics, economics and foreign policy.",
        24,
        dt.date(2015, 1, 1),
        (8, 15),
        (("analysis", 35), ("news", 30), ("summary", 15), ("feature", 10)),
        ("Politics", "Economy", "Foreign affairs", "Society", "Tech"),
        ("Politics and the Party", "Economy and finance"),
        40,
        False,
    ),
    PublicationSpec(
        "Middle Kingdom Digest",
        "middle-kingdom-digest",
        "What the Chinese and international press reported today, summarised.",
        16,
        dt.date(2015, 1, 1),
        (10, 15),
        (("digest_item", 50), ("news", 30), ("link_list", 10), ("column_section", 10)),
        ("Top stories", "Economy", "Politics", "Foreign affairs", "Tech", "Society"),
        (),
        30,
        False,
    ),
    PublicationSpec(
        "Yangtze Ledger",
        "yangtze-ledger",
        "Markets, money and the real economy, with the numbers behind them.",
        12,
        dt.date(2015, 1, 1),
        (6, 12),
        (("news", 40), ("metric", 25), ("analysis", 25), ("summary", 10)),
        ("Macro", "Markets", "Property", "Trade", "Industry"),
        ("Economy and finance", "Environment and energy"),
        25,
        False,
    ),
    PublicationSpec(
        "Beltway to Beijing",
        "beltway-to-beijing",
        "US–China relations from both capitals.",
        9,
        dt.date(2015, 3, 2),
        (5, 10),
        (("analysis", 50), ("feature", 30), ("news", 20)),
        ("Diplomacy", "Trade", "Security", "Tech"),
        ("Foreign relations", "Security and military"),
        20,
        True,
    ),
    PublicationSpec(
        "The Strait Dispatch",
        "the-strait-dispatch",
        "Taiwan, the Strait and security in East Asia.",
        6,
        dt.date(2016, 5, 20),
        (5, 9),
        (("analysis", 45), ("news", 35), ("feature", 20)),
        ("Taiwan", "Military", "Region"),
        ("Regions", "Security and military"),
        18,
        True,
    ),
    PublicationSpec(
        "Silk Thread Review",
        "silk-thread-review",
        "China in the Global South: lending, infrastructure and diplomacy.",
        5,
        dt.date(2017, 5, 14),
        (5, 8),
        (("feature", 40), ("analysis", 40), ("news", 20)),
        ("Africa", "Asia", "Latin America", "Middle East"),
        ("Foreign relations",),
        15,
        True,
    ),
    PublicationSpec(
        "Red Circuit",
        "red-circuit",
        "Chinese technology policy, AI and chips, translated and explained.",
        5,
        dt.date(2018, 3, 5),
        (5, 8),
        (("analysis", 40), ("feature", 30), ("link_list", 15), ("news", 15)),
        ("AI", "Chips", "Platforms", "Data"),
        ("Technology and data",),
        14,
        True,
    ),
    PublicationSpec(
        "Provincial Pulse",
        "provincial-pulse",
        "Local governments, their budgets and their people.",
        4,
        dt.date(2019, 1, 7),
        (5, 10),
        (("news", 40), ("analysis", 30), ("metric", 20), ("feature", 10)),
        (),
        ("Economy and finance", "Society"),
        12,
        False,
    ),
    PublicationSpec(
        "The Cadre's Notebook",
        "the-cadres-notebook",
        "Conversations with Chinese scholars and officials, and what they write.",
        3.5,
        dt.date(2020, 2, 3),
        (5, 7),
        (("interview", 40), ("feature", 30), ("analysis", 30)),
        (),
        ("Politics and the Party", "Law and rights"),
        10,
        True,
    ),
    PublicationSpec(
        "Harbour Lights",
        "harbour-lights",
        "Hong Kong and Macau after 2020.",
        3,
        dt.date(2020, 7, 1),
        (5, 9),
        (("news", 50), ("analysis", 30), ("feature", 20)),
        ("Politics", "Courts", "Economy"),
        ("Regions", "Law and rights"),
        10,
        False,
    ),
    PublicationSpec(
        "Renminbi Review",
        "renminbi-review",
        "China's economy in charts and data.",
        3,
        dt.date(2021, 4, 12),
        (5, 8),
        (("metric", 45), ("analysis", 40), ("summary", 15)),
        ("Consumers", "Property", "Jobs", "Markets"),
        ("Economy and finance", "Society"),
        8,
        True,
    ),
    PublicationSpec(
        "Ideas from the Square",
        "ideas-from-the-square",
        "Essays on Chinese thought, society and culture.",
        2,
        dt.date(2022, 9, 19),
        (5, 6),
        (("column_section", 40), ("feature", 40), ("interview", 20)),
        (),
        ("Society", "Politics and the Party"),
        8,
        True,
    ),
)

# News outlets that digest and news items summarise, and how often.
OUTLETS: tuple[tuple[str, int], ...] = (
    ("Xinhua", 20),
    ("Caixin", 14),
    ("South China Morning Post", 12),
    ("Reuters", 12),
    ("Bloomberg", 10),
    ("Financial Times", 7),
    ("Global Times", 7),
    ("People's Daily", 6),
    ("Nikkei Asia", 5),
    ("The Paper", 4),
    ("Yicai", 4),
    ("Associated Press", 4),
    ("The Wall Street Journal", 4),
    ("The New York Times", 3),
    ("China Daily", 3),
    ("21st Century Business Herald", 2),
    ("Economic Observer", 2),
    ("Sixth Tone", 2),
    ("Securities Times", 1),
    ("Jiemian", 1),
)

# Name lists are written as text to keep them short (a literal is a line per name).
SURNAMES = (  # noqa: SIM905
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin "
    "Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan "
    "Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lü Ding Ren Shen Yao Cui Zhong Tan Fan "
    "Qian"
).split()
GIVEN_NAMES = (  # noqa: SIM905
    "Wei Fang Min Jing Qiang Lei Jun Yong Yan Jie Tao Ming Chao Xiuying Xia Ping "
    "Gang Guiying Hui Hao Bo Xin Yifan Zihan Haoran Yuxuan Xinyi Jiahui Zhiwei "
    "Dongmei Guoqiang Jianhua Xiaoming Lihua Shuang Tingting Yanling Qing Ruiqi "
    "Mingzhe Wenjing Zhihao Kaiwen Jiayi Siyu Yiming Huiling Chunyan Lanfang "
    "Meiling Junjie Zhenyu Shuo Rui Kun Hong Yue Ning Xiaoyu Bin Jianguo Weimin "
    "Xiaohong Shanshan Yuhang Zixuan Haoyu Yaxin Mengyao Jingyi Wenbo Dehua"
).split()
FIRST_NAMES = (  # noqa: SIM905
    "Anna James Sarah Michael Emma David Laura Thomas Julia Daniel Sophie Martin "
    "Claire Peter Hannah Jonathan Rachel Andrew Katrin Matthew Ingrid Oliver "
    "Charlotte Benjamin Eva Lucas Marta Nicholas Helen Samuel Isabel Christopher "
    "Elena Alexander Louise Felix Nora Patrick Maria Simon Chloé José François Zoë "
    "Søren Björn Łukasz Jürgen Renée Inês Gonçalo Mathilde Ólafur Ana Pablo Giulia "
    "Marco Aoife Siobhán Tomás Agnieszka Katarzyna Mikael Henrik Annika Pieter "
    "Joost Elif Mehmet Priya Arjun Kenji Yuna Minh Aiko"
).split()
LAST_NAMES = (  # noqa: SIM905
    "Smith Brown Miller Johnson Taylor Wilson Clarke Walker Hughes Evans Roberts "
    "Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Bell Kelly "
    "Ward Cooper Reed Bailey Foster Gray Hayes Russell Fischer Weber Schneider "
    "Becker Hoffmann Schröder Müller Lefèvre Dubois Moreau Rossi Bianchi Ferrari "
    "García Núñez Jiménez Álvarez Gonçalves Pereira Kowalczyk Nowak Dvořák Novák "
    "Østergaard Lindqvist Johansson Nieminen O'Brien MacLeod Fitzgerald Okafor "
    "Mensah Haddad Cohen Ivanova Petrov Sato Tanaka Kim Park Nguyen Singh Patel "
    "Iyer"
).split() + ["van der Berg", "de Vries", "dos Santos"]
ROLES = (
    "economist at a state-owned bank",
    "chief economist at a Shanghai brokerage",
    "analyst at a Hong Kong investment bank",
    "professor of economics at a Beijing university",
    "professor of international relations",
    "researcher at a Beijing think tank",
    "senior fellow at a Washington think tank",
    "former trade negotiator",
    "spokesperson for the commerce ministry",
    "spokesperson for the foreign ministry",
    "deputy director of a provincial statistics bureau",
    "partner at a Shanghai law firm",
    "founder of an electric-vehicle start-up",
    "delegate to the National People's Congress",
    "retired PLA officer",
    "former central bank official",
    "head of a European chamber of commerce",
    "historian of the Communist Party",
    "sociologist who studies rural China",
    "energy analyst in Singapore",
    "cybersecurity researcher",
    "human rights lawyer",
    "county party secretary",
    "property developer's chief financial officer",
    "political scientist in Taipei",
)


def ascii_slug(name: str) -> str:
    """A URL word for a name: accents dropped, lower case, hyphens ("Lü Wei" -> "lu-wei")."""
    folded = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O"))
    folded = folded.replace("ł", "l").replace("Ł", "L")
    letters = "".join(c if c.isascii() and c.isalnum() else " " for c in folded)
    return "-".join(letters.lower().split())


def candidate_name(number: int) -> str:
    """The ``number``-th name to try: 11 in 20 Chinese, the rest Western."""
    if number % 20 < 11:
        surname = SURNAMES[(number * 7) % len(SURNAMES)]
        given = GIVEN_NAMES[(number * 11 + number // 97) % len(GIVEN_NAMES)]
        # Most in Chinese order; some as Western bylines write them.
        return f"{given} {surname}" if number % 10 == 3 else f"{surname} {given}"
    first = FIRST_NAMES[(number * 13) % len(FIRST_NAMES)]
    last = LAST_NAMES[(number * 17 + number // 89) % len(LAST_NAMES)]
    return f"{first} {last}"


def build_people(count: int = PEOPLE_COUNT) -> tuple[PersonSpec, ...]:
    """``count`` people with distinct names and slugs; authors first, then speakers."""
    authors = sum(spec.staff for spec in PUBLICATIONS) + GUEST_AUTHORS
    people: list[PersonSpec] = []
    slugs: set[str] = set()
    number = 0
    while len(people) < count:
        name = candidate_name(number)
        number += 1
        slug = ascii_slug(name)
        if slug in slugs:
            continue
        slugs.add(slug)
        index = len(people)
        role = "" if index < authors else ROLES[(index * 7) % len(ROLES)]
        people.append(PersonSpec(name, slug, role))
    return tuple(people)


PEOPLE: tuple[PersonSpec, ...] = build_people()


def staff_ranges() -> tuple[range, ...]:
    """For each publication, the indexes in ``PEOPLE`` of its regular authors."""
    ends = list(accumulate(spec.staff for spec in PUBLICATIONS))
    return tuple(
        range(end - spec.staff, end)
        for spec, end in zip(PUBLICATIONS, ends, strict=True)
    )


STAFF = staff_ranges()
GUESTS = range(STAFF[-1].stop, STAFF[-1].stop + GUEST_AUTHORS)
SPEAKERS = range(GUESTS.stop, PEOPLE_COUNT)

__all__ = [
    "GUESTS",
    "OUTLETS",
    "PEOPLE",
    "PUBLICATIONS",
    "SPEAKERS",
    "STAFF",
    "TOPICS",
    "PersonSpec",
    "PublicationSpec",
]
