"""The topic taxonomy and the tagger: validation, scoring rules and seed articles."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from briefings.importers.topics import (
    DEFAULT_PATH,
    MAX_TOPICS,
    load_taxonomy,
    make_keyword,
    parse_taxonomy,
    tag_article,
    tag_text,
)
from briefings.importers.types import ParsedArticle, ParsedItem
from tests.truth import seed_text


def slugs(topics) -> list[str]:
    return [topic.slug for topic in topics]


def minimal_taxonomy(*topics: dict, fallback: str | None = None) -> dict:
    data = {
        "version": "test",
        "groups": [{"slug": "g", "name": "Group"}],
        "topics": [{"group": "g", "parent": None, **topic} for topic in topics],
    }
    if fallback:
        data["fallback"] = fallback
    return data


def topic(slug: str, *keywords, **extra) -> dict:
    return {"slug": slug, "name": slug.title(), "keywords": list(keywords), **extra}


# --- the shipped taxonomy -------------------------------------------------------


def test_shipped_taxonomy_loads_and_is_cached():
    taxonomy = load_taxonomy()
    assert taxonomy is load_taxonomy()
    assert 30 <= len(taxonomy) <= 60
    assert taxonomy.version


def test_shipped_taxonomy_topics_are_described_and_grouped():
    taxonomy = load_taxonomy()
    for item in taxonomy:
        assert item.description.endswith("."), item.slug
        assert item.group in taxonomy.groups, item.slug
    used_groups = {item.group for item in taxonomy}
    assert used_groups == set(taxonomy.groups)


def test_shipped_taxonomy_has_subtopics_under_labour():
    taxonomy = load_taxonomy()
    children = slugs(taxonomy.children("labour-and-employment"))
    assert "youth-unemployment" in children
    assert slugs(taxonomy.ancestors("gig-economy")) == ["labour-and-employment"]


def test_shipped_taxonomy_keeps_chinese_terms():
    terms = {kw.term for item in load_taxonomy() for kw in item.keywords}
    assert {"统战", "共同富裕", "内卷"} <= terms


def test_shipped_taxonomy_avoids_generic_keywords():
    generic = {"china", "chinese", "party", "government", "economy", "beijing", "xi"}
    terms = {kw.term for item in load_taxonomy() for kw in item.keywords}
    assert not terms & generic


def test_load_taxonomy_reads_a_file(tmp_path):
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(minimal_taxonomy(topic("trade", "tariff"))))
    taxonomy = load_taxonomy(path)
    assert slugs(taxonomy) == ["trade"]


# --- validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            minimal_taxonomy(topic("a", "x"), topic("a", "y")),
            "duplicate topic slug 'a'",
        ),
        (minimal_taxonomy(topic("a", "x", parent="nope")), "unknown parent 'nope'"),
        (
            minimal_taxonomy(topic("a", "x", parent="b"), topic("b", "y", parent="a")),
            "parent cycle: a -> b -> a",
        ),
        (minimal_taxonomy(topic("a", "x", parent="a")), "parent cycle: a -> a"),
        (minimal_taxonomy(topic("a", "x", group="nope")), "unknown group 'nope'"),
        (minimal_taxonomy(topic("Bad Slug", "x")), "malformed slug"),
        (minimal_taxonomy(topic("a", {"term": "x", "weight": 0})), "positive number"),
        (minimal_taxonomy(topic("a", {"weight": 2})), "'term' must be"),
        (minimal_taxonomy(topic("a", "Tariff")), "must be lower case"),
        (minimal_taxonomy(topic("a", "x", "x")), "repeats a keyword"),
        (minimal_taxonomy(topic("a", "x"), fallback="b"), "fallback 'b'"),
        ({"groups": [], "topics": []}, "'groups' must be"),
        ([], "must be a JSON object"),
    ],
)
def test_bad_taxonomy_raises_a_clear_value_error(data, message):
    with pytest.raises(ValueError, match=message):
        parse_taxonomy(data)


def test_bad_taxonomy_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(ValueError, match="broken.json"):
        load_taxonomy(path)


def test_case_sensitive_keyword_may_be_upper_case():
    data = minimal_taxonomy(topic("us", {"term": "US", "case_sensitive": True}))
    taxonomy = parse_taxonomy(data)
    assert slugs(tag_text("US ports", "", taxonomy=taxonomy)) == ["us"]
    assert tag_text("Tell us", "", taxonomy=taxonomy) == []


# --- keyword matching ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "text", "count"),
    [
        ("sanction", "New sanctions; firms sanctioned, sanctioning more", 3),
        ("sanction", "sanctionable", 0),
        ("company", "two companies", 1),
        ("ban", "The US banned and is banning apps; bans", 3),
        ("retaliate", "Beijing retaliated, retaliates and is retaliating", 3),
        ("export control", "US export controls on chips", 1),
        ("anti-corruption", "an anticorruption drive and anti-corruption work", 2),
        ("cyber attack", "cyber-attacks and cyber attacks", 2),
        ("people's bank of china", "the People’s Bank of China said", 1),
        ("one country two systems", "under “one country, two systems”", 1),
        ("u.s.-china", "U.S.-China talks; U.S.–China ties", 2),
        ("us-china", "business ties", 0),
        ("pla", "a plan for the PLA's navy", 1),
        ("统战", "民营经济统战工作 and 统战部", 2),
    ],
)
def test_keyword_counts_inflections_on_word_boundaries(term, text, count):
    from briefings.importers.topics import normalise

    text = normalise(text)
    assert make_keyword(term).count(text, text.lower()) == count


# --- scoring rules ----------------------------------------------------------------


@pytest.fixture(scope="module")
def toy():
    return parse_taxonomy(
        minimal_taxonomy(
            topic("trade", {"term": "tariff", "weight": 3}, "export"),
            topic("chips", {"term": "semiconductor", "weight": 3}),
            topic("jobs", {"term": "unemployment", "weight": 3}),
            topic("misc"),
            fallback="misc",
        )
    )


def test_empty_article_gets_no_topics(toy):
    assert tag_article(ParsedArticle(title=None, body=""), toy) == []
    assert tag_text("  ", "\n\n", taxonomy=toy) == []
    assert tag_text(None, "", section="TOPICS", taxonomy=toy) == []


def test_text_without_any_keyword_gets_the_fallback_topic(toy):
    assert slugs(tag_text("Weather report", "Sunny in Beijing.", taxonomy=toy)) == [
        "misc"
    ]


def test_weak_match_is_still_the_one_topic(toy):
    body = "A long report. " * 300 + "One export mentioned."
    assert slugs(tag_text(None, body, taxonomy=toy)) == ["trade"]


def test_title_outweighs_body(toy):
    topics = tag_text("Semiconductor push", "Unemployment rose.", taxonomy=toy)
    assert slugs(topics) == ["chips", "jobs"]
    assert topics[0].score > topics[1].score


def test_headings_outweigh_body(toy):
    topics = tag_text(None, "Unemployment rose.", ["Semiconductor"], taxonomy=toy)
    assert slugs(topics)[0] == "chips"


def test_topics_come_best_first(toy):
    body = "Tariff after tariff. Semiconductor output and unemployment were steady."
    topics = tag_text(None, body, taxonomy=toy)
    scores = [t.score for t in topics]
    assert scores == sorted(scores, reverse=True)
    assert slugs(topics)[0] == "trade"


def test_long_body_is_normalised_by_length(toy):
    short = tag_text(None, "Tariff news.", taxonomy=toy)[0].score
    long = tag_text(None, "Tariff news. " + "Filler words here. " * 400, taxonomy=toy)
    assert long[0].score < short


def test_incidental_mention_in_long_body_is_dropped(toy):
    body = "The tariff dispute. " * 20 + "Filler words. " * 500 + "Unemployment."
    assert slugs(tag_text(None, body, taxonomy=toy)) == ["trade"]


def test_at_most_five_topics():
    words = [
        "tariff",
        "semiconductor",
        "unemployment",
        "taiwan strait",
        "united front",
        "social credit",
        "hong kong",
        "anti-corruption",
    ]
    topics = tag_text(" ".join(words), " ".join(words))
    assert 1 <= len(topics) <= MAX_TOPICS == 5


def test_article_uses_subheadings_summary_and_items():
    article = ParsedArticle(
        title="Reading list",
        body="",
        items=[ParsedItem(title="How the social credit system blacklists firms")],
    )
    assert slugs(tag_article(article))[0] == "surveillance-and-social-credit"


def test_tag_text_and_tag_article_agree():
    article = ParsedArticle(
        title="Beijing's chip push",
        body="SMIC expands as export controls bite.\n\nMore semiconductor news.",
        subheadings=["Export controls"],
    )
    expected = tag_text(article.title, article.body, article.subheadings)
    assert tag_article(article) == expected


def test_default_path_is_the_shipped_file():
    assert DEFAULT_PATH.name == "taxonomy.json" and DEFAULT_PATH.exists()


# --- unseen, briefing-style texts ---------------------------------------------------

UNSEEN = [
    (
        "Hong Kong court orders Evergrande liquidation",
        "The developer's collapse deepens the property crisis as home prices fall.",
        "property-sector",
    ),
    (
        "Xinjiang cotton and forced labour",
        "Uyghur workers were transferred under state programmes, researchers say.",
        "xinjiang-and-tibet",
    ),
    (
        "PLA drills around the island",
        "The Eastern Theater Command held exercises near the Taiwan Strait.",
        "taiwan",
    ),
    (
        "Beijing vows to reach carbon peak before 2030",
        "The dual carbon goals require cutting coal use and emissions.",
        "climate-and-environment",
    ),
    (
        "Births fall for a seventh year",
        "The birth rate hit a record low as the population ages.",
        "demographics",
    ),
    (
        "New guideline on common prosperity",
        "共同富裕 means narrowing the income gap, officials said.",
        "inequality-and-welfare",
    ),
    (
        "Manila protests water cannon use",
        "China Coast Guard ships blocked a resupply mission to Second Thomas Shoal.",
        "south-china-sea",
    ),
    (
        "Dutch curbs on ASML lithography tools",
        "The Netherlands restricts exports of DUV machines to Chinese chipmakers.",
        "semiconductors",
    ),
    (
        "PBOC cuts reserve requirement ratio",
        "The central bank eased monetary policy as the renminbi weakened.",
        "finance-and-markets",
    ),
    (
        "Jimmy Lai trial resumes",
        "The media tycoon faces charges under the national security law.",
        "hong-kong",
    ),
    (
        "Young people 'lie flat'",
        "Youth unemployment among 16-24 year olds stays high; graduates despair.",
        "youth-unemployment",
    ),
    (
        "Ride-hailing drivers protest pay cuts",
        "Gig workers say the platform algorithm squeezes them.",
        "gig-economy",
    ),
    (
        "FOCAC summit pledges new loans",
        "Xi promised African leaders more financing at the Beijing forum.",
        "africa-and-global-south",
    ),
    (
        "CCDI investigates former minister",
        "He is suspected of taking bribes and serious violations of discipline.",
        "anti-corruption",
    ),
    (
        "Putin and Xi sign new energy deals",
        "Russia will ship more gas to China via the Power of Siberia pipeline.",
        "china-russia-relations",
    ),
    (
        "Villages test rural revitalisation",
        "Farmers are encouraged to form cooperatives and grow more grain.",
        "rural-development",
    ),
    (
        "Dalai Lama succession dispute",
        "Beijing insists it will approve the next reincarnation in Tibet.",
        "xinjiang-and-tibet",
    ),
    (
        "CAC tightens rules on cross-border data",
        "Firms must pass a data export security assessment for personal information.",
        "data-governance-and-privacy",
    ),
    (
        "What the Fourth Plenum means",
        "Analysts expect personnel changes at the top of the party.",
        "elite-politics",
    ),
    (
        "Macron visits Beijing",
        "The French president sought Xi's help on Ukraine.",
        "eu-china-relations",
    ),
    (
        "Teachers go unpaid",
        "Wage arrears spread as cash-strapped local governments cut spending.",
        "labour-and-employment",
    ),
    (
        "Baidu unveils a new chatbot",
        "Its large language model competes with generative AI rivals abroad.",
        "innovation-and-industrial-policy",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), UNSEEN)
def test_unseen_briefing_texts_get_the_expected_topic(title, body, expected):
    found = slugs(tag_text(title, body))
    assert expected in found[:3], found


# --- the seed articles --------------------------------------------------------------


@dataclass(frozen=True)
class SeedArticle:
    """An article cut from a seed file between two markers (the parsers' job later)."""

    stem: str
    title: str | None
    start: str
    end: str | None
    expected: tuple[str, ...]  # each must be among the article's topics
    headings: tuple[str, ...] = ()

    def body(self) -> str:
        text = seed_text(self.stem)
        begin = text.index(self.start)
        stop = text.index(self.end, begin) if self.end else len(text)
        return text[begin:stop]


DC, NC, GIS, NTD, MERICS = (
    "000_5bfb5aca709c86da",
    "001_263ff8426498e9e3",
    "002_aac1c03eb9aeb100",
    "003_0a3b34c06e81888b",
    "004_37fa85ca05e838ff",
)
READ_ON = "(Read The Original"
GIS_HEADINGS = (
    "Development of the SCS",
    "Three major components",
    "Purpose of implementation",
    "Structure of the SCS",
    "Different criteria for scoring",
    "Human rights violations",
    "Impact on foreign enterprises",
    "Scenarios",
)

SEED_ARTICLES = [
    SeedArticle(
        DC,
        "Anti-Corruption in the Pharmaceutical Industry Is a New “Three Anti” and "
        "“Five Anti” Campaign",
        "Patients view a list",
        "Feature Story\nThe Black Hole",
        ("anti-corruption", "healthcare"),
    ),
    SeedArticle(
        DC,
        "The Black Hole of Data That Devours the Legitimacy of the Regime: The "
        "Chinese Communist Party Already Has One Foot in the Hole",
        "An invisible black hole is appearing throughout Asia, gradually swallowing",
        "From “Local Unity”",
        ("statistics-and-transparency",),
    ),
    SeedArticle(
        DC,
        "From “Local Unity” to “Local Organization”: The Organizational Power of "
        "Village Live Streaming",
        "An agricultural cooperative",
        READ_ON,
        ("rural-development", "digital-platforms"),
    ),
    SeedArticle(
        DC,
        "Can We Objectively Assess What China Has Brought to Africa?",
        "Chinese President Xi Jinping visits Africa",
        READ_ON,
        ("africa-and-global-south",),
    ),
    SeedArticle(
        DC,
        "The 2023 State of Foreign Capital Investment in China: The Mideast is Most "
        "Willing to Spend, Capital from Singapore Is Invested in Hard Science and "
        "Technology",
        "Volkswagen’s share",
        READ_ON,
        ("foreign-investment",),
    ),
    SeedArticle(
        DC,
        "This is the Worst Advice I Have Ever Heard About Facing the Dangers of "
        "Unemployment",
        "Job fair at a shopping center",
        READ_ON,
        ("labour-and-employment",),
    ),
    SeedArticle(
        DC,
        "A College Professor’s “Career Change” to Takeout Delivery Services Is a "
        "Record of a Harsh Social Reality",
        "A delivery boy wearing a mask",
        "Read The Original",
        ("gig-economy",),
    ),
    SeedArticle(
        NC,
        "Party leadership",
        "A revealing document",
        "2. WeChat and TikTok ban",
        ("united-front", "party-leadership"),
        (
            "A revealing document",
            "The Party leads all",
            "Xi’s economic statism",
            "United fronting the private sector",
            "International dimension",
        ),
    ),
    SeedArticle(
        NC,
        "WeChat and TikTok ban",
        "It’s finally here",
        "3. Data leak",
        ("digital-platforms", "us-china-relations"),
    ),
    SeedArticle(
        NC,
        "Data leak",
        "A database of 2.4 million",
        "Chinoiserie",
        ("cybersecurity",),
    ),
    SeedArticle(
        NC,
        "Chinoiserie",
        "Shen Zhihua",
        "This week on China Story",
        ("australia-china-relations",),
    ),
    SeedArticle(
        NC,
        "This week on China Story",
        "Beyongo Mukete",
        None,
        ("africa-and-global-south", "australia-china-relations"),
    ),
    SeedArticle(
        GIS,
        None,
        "The Cultural Revolution of the 1960s",
        "Dr. Junhua Zhang is a senior associate",
        ("surveillance-and-social-credit",),
        GIS_HEADINGS,
    ),
    SeedArticle(
        NTD,
        "Multiple Chinese Communist Party departments profit from official data, "
        "hidden dealings draw attention.",
        "Recently, the Chinese Communist Party",
        None,
        ("data-governance-and-privacy",),
    ),
    SeedArticle(
        MERICS,
        "A rare public opinion poll records popular dissatisfaction ahead of the NPC",
        "As China prepares for the National People's Congress",
        "Media coverage and sources:",
        ("public-opinion-and-protest",),
    ),
    SeedArticle(
        MERICS,
        "USD 250 million",
        "This is the volume of a bond",
        "\n\nTOPICS\n\n",
        ("local-government-debt",),
    ),
    SeedArticle(
        MERICS,
        "US wants to replace Chinese-made port cranes on national security grounds",
        "The facts: Europe’s debate",
        "Media coverage and sources:",
        ("us-china-relations", "cybersecurity"),
    ),
    SeedArticle(
        MERICS,
        "Europe sanctions Chinese companies for indirectly aiding Russian war effort",
        "The facts: On the second anniversary",
        "Media coverage and source:",
        ("eu-china-relations", "china-russia-relations", "economic-statecraft"),
    ),
    SeedArticle(
        MERICS,
        "Online data leak exposes China's powerful hacking-for-hire industry",
        "The facts: Online documents leaked",
        "More MERICS analysis on the topic",
        ("cybersecurity",),
    ),
    SeedArticle(
        MERICS,
        "“Xi is not ready to face China’s problems openly”",
        "MERICS China Essentials spoke with",
        "MERICS CHINA DIGEST\n\nCCP",
        ("elite-politics",),
    ),
    SeedArticle(
        MERICS,
        "CCP toughens Taiwan rhetoric with call to “fight” independence",
        "Wang Huning, China's most senior",
        "<https://www.ft.com",
        ("taiwan",),
    ),
    SeedArticle(
        MERICS,
        "US-China trade tensions linger on sidelines of WTO conference",
        "Ahead of the four-day conference",
        "<https://www.yahoo",
        ("trade", "us-china-relations"),
    ),
    SeedArticle(
        MERICS,
        'China broadens law on state security to include "work secrets"',
        "Chinese lawmakers have expanded",
        "<https://www.reuters",
        ("national-security-law",),
    ),
    SeedArticle(
        MERICS,
        "Two Chinese bloggers in exile warn that police are interrogating their "
        "followers",
        "Former state broadcaster CCTV",
        "<https://apnews.com/article/china-police",
        ("censorship-and-propaganda", "human-rights"),
    ),
    SeedArticle(
        MERICS,
        "US export curbs on China won't extend to legacy chips",
        "Despite export controls on cutting-edge",
        "<https://asia.nikkei",
        ("semiconductors", "economic-statecraft"),
    ),
]


@pytest.mark.parametrize(
    "seed", SEED_ARTICLES, ids=lambda s: f"{s.stem[:3]}-{(s.title or 'untitled')[:30]}"
)
def test_seed_article_gets_the_topics_a_researcher_expects(seed):
    topics = tag_text(seed.title, seed.body(), seed.headings)
    found = slugs(topics)
    assert 1 <= len(found) <= MAX_TOPICS
    for expected in seed.expected:
        assert expected in found, (seed.title, found)
