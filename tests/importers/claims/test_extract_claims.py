"""extract_claims: the seeds' truth claims, verbatim spans, kinds and speakers."""

from __future__ import annotations

import pytest

from briefings.importers.claims import extract_claims
from briefings.importers.report import claim_report
from briefings.importers.text import comparable
from tests.truth import claim_matches, load_truth

from .conftest import make_article


def claims_of(*paragraphs: str, **fields) -> list[tuple[str, str, str | None]]:
    article = make_article(*paragraphs, **fields)
    return [(c.text, c.kind, c.speaker) for c in extract_claims(article)]


def test_every_truth_claim_is_found_in_the_seed_paragraphs(seed):
    stem, article = seed
    reports = [claim_report(claim) for claim in extract_claims(article)]
    for truth_claim in load_truth(stem)["claims"]:
        assert any(claim_matches(report, truth_claim) for report in reports), (
            stem,
            truth_claim,
        )


def test_every_claim_and_figure_span_is_verbatim(seed):
    _, article = seed
    for claim in extract_claims(article):
        assert article.body[claim.start : claim.end] == claim.text
        for figure in claim.figures:
            assert claim.start <= figure.start < figure.end <= claim.end
            assert article.body[figure.start : figure.end] == figure.text


def test_no_claim_is_a_subheading(seed):
    _, article = seed
    headings = {comparable(heading) for heading in article.subheadings}
    assert all(comparable(c.text) not in headings for c in extract_claims(article))


def test_claim_kinds_follow_figures_and_speakers(seed):
    _, article = seed
    for claim in extract_claims(article):
        # A statistic has a figure; a figure in what a named speaker says or
        # believes stays their quote, reported speech or position.
        if claim.kind == "statistic":
            assert claim.figures
        if claim.kind == "quote":
            assert claim.speaker


def test_a_subheading_with_a_figure_gives_no_claim():
    heading = "Part 1: 5 million reasons to worry about the economy now"
    body = (heading, "Exports fell 7.5% year-on-year in May, customs data showed.")
    assert [t for t, _, _ in claims_of(*body, subheadings=[heading])] == [body[1]]


def test_link_list_bullets_give_no_claims():
    paragraphs = (
        "• Shen Zhihua, China’s foremost Cold War historian, reflects on the craft "
        "of a historian in an article both intimate and powerful.",
        "• A new Australia-China Research Institute report examines China’s "
        "economic coercion against Australia, including 12 cases since 2020.",
        "• David Brophy, No one wins in a race to the bottom: Secret raids on four "
        "Chinese journalists mark a new low in 2020.",
    )
    assert claims_of(*paragraphs, kind="link_list") == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "- Yuwa survey: [Cost of raising children in China second-highest in world]"
        "(https://example.org/a) reports 2 million yuan.",
        "<https://www.reuters.com/world/china/china-broadens-law-2024-02-28/>",
        "Patients view a list of 30 specialists at a hospital in Shanghai (AP)",
        "Black Hole Part 1: Figures from Land-Sale Transactions",
        "Media coverage and sources:",
    ],
)
def test_links_captions_and_headings_give_no_claims(paragraph):
    assert claims_of(paragraph) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Okay, the Party under Xi wants to monopolise power, you get the point.",
        "Why was there never such a large-scale anti-corruption campaign in the past?",
        "But shouldn’t the overcharged amount have been returned to the patients?",
        "Let us translate the above for our readers.",
        "It is too early to tell whether Xi’s economic strategy will work.",
        "Xi is not trying to stifle the private sector.",
        "Obviously, this so-called campaign is a political campaign.",
        "The American Civil Liberties Union said:",
        "China is not monolithic, it is home to 1.4 billion people just like you.",
    ],
)
def test_sentences_with_nothing_checkable_give_no_claim(sentence):
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "speaker"),
    [
        (
            "Exports fell 7.5% year-on-year in May, customs data showed.",
            "statistic",
            None,
        ),
        (
            "Around 1.2 million graduates are looking for work this summer.",
            "statistic",
            None,
        ),
        (
            "The ministry allocated ¥3.2 trillion to local governments.",
            "statistic",
            None,
        ),
        (
            "“We will not back down,” said Foreign Ministry spokesperson Mao Ning.",
            "quote",
            "Mao Ning",
        ),
        (
            "Foreign Ministry spokesperson Mao Ning said the sanctions were illegal.",
            "position",
            "Mao Ning",
        ),
        (
            "Beijing said the sanctions would worsen relations.",
            "position",
            "Beijing",
        ),
        (
            "The Audit Office stated that the practices were unauthorized.",
            "position",
            "Audit Office",
        ),
        (
            "Zhang Wei, a professor at Fudan University, believes that the reform "
            "has stalled.",
            "reported",
            "Zhang Wei",
        ),
        (
            "According to Li Qiang, growth will stay close to the official target.",
            "reported",
            "Li Qiang",
        ),
        (
            "Observers point out that the data exploitation is the tip of the iceberg.",
            "reported",
            None,
        ),
        (
            "Legal experts in China believe that the report may indicate profit-seeking.",
            "reported",
            None,
        ),
        (
            "This directive calls for the strengthening of united front work.",
            "directive",
            None,
        ),
        (
            "On July 28, 2023, the Central Commission for Discipline Inspection "
            "convened a video conference on corruption.",
            "assertion",
            None,
        ),
        (
            "The European Union imposed sanctions on three companies in mainland China.",
            "assertion",
            None,
        ),
        (
            "Jens Eskelund, president of the EU Chamber of Commerce, said that "
            "investment fell 20 percent.",
            "reported",
            "Jens Eskelund",
        ),
    ],
)
def test_kind_and_speaker(sentence, kind, speaker):
    assert claims_of(sentence) == [(sentence, kind, speaker)]


def test_a_semicolon_list_gives_one_claim_per_clause_with_its_figure():
    sentence = (
        "The units include: 2 units under the Ministry of Transport charging fees "
        "totaling 145 million yuan; 2 units under the Ministry of Education "
        "illegally charging 58.657 million yuan; and 1 unit charging 20.2455 "
        "million yuan."
    )
    claims = extract_claims(make_article(sentence))
    money = [[f.value for f in c.figures if f.unit == "CNY"] for c in claims]
    assert money == [[145e6], [58.657e6], [20.2455e6]]
    assert claims[2].text == "1 unit charging 20.2455 million yuan."


def test_an_introducing_line_attributes_the_next_paragraph():
    claims = claims_of(
        "In the words of Ryan Manuel at Hong Kong University:",
        "China’s foreign policy today suffers from being too domestically driven.",
        "To understand China, we must look to the Party’s domestic priorities.",
    )
    assert claims == [
        (
            "China’s foreign policy today suffers from being too domestically driven.",
            "quote",
            "Ryan Manuel",
        )
    ]


def test_an_introducing_line_attributes_the_bullets_after_it():
    claims = claims_of(
        "The Commerce Ministry said:",
        "• Exports to the US fell 12 percent in the first half of 2023.",
        "• Imports from Japan rose 3 percent in the same period.",
    )
    assert [speaker for _, _, speaker in claims] == ["Commerce Ministry"] * 2


def test_pronouns_and_quotations_take_the_last_named_speaker():
    claims = claims_of(
        "Rai Jianping, a former Beijing lawyer, believes that the audit is the tip "
        "of the iceberg. He states that government data includes personal data. "
        "“Many departments are using the personal information of Chinese people to "
        "profit. Only limited departments have been caught.”",
        "He further explains that the CCP monopolizes data for profit.",
    )
    assert [speaker for _, _, speaker in claims] == ["Rai Jianping"] * 4
    assert [kind for _, kind, _ in claims] == [
        "reported",
        "reported",
        "quote",
        "reported",
    ]
    # The two-sentence quotation is one claim, not a fragment per sentence.
    assert claims[2][0].startswith("“Many departments")
    assert claims[2][0].endswith("Only limited departments have been caught.”")


def test_a_quotation_continues_across_sentences():
    claims = claims_of(
        "MERICS Analysis: “The failure to implement reforms is showing its effects,” "
        "said MERICS Lead Analyst Nis Grünberg. “The leadership will have to provide "
        "more than rhetoric at the NPC. Failure to do so will erode public sentiment.”"
    )
    ((text, kind, speaker),) = claims
    assert text.startswith("“The failure") and text.endswith("public sentiment.”")
    assert (kind, speaker) == ("quote", "Nis Grünberg")


def test_a_quotation_continues_into_the_next_paragraph():
    claims = claims_of(
        "“Europeans shouldn’t be surprised,” said MERICS Lead Analyst Jacob Gunter. "
        "“US pressure concerns Europe, not least because of NATO and US Navy",
        "vessels in and near commercial ports. Shipping giants should brace for "
        "more scrutiny.”",
    )
    ((text, kind, speaker),) = claims
    assert text.startswith("“Europeans") and text.endswith("more scrutiny.”")
    assert (kind, speaker) == ("quote", "Jacob Gunter")


def test_a_quoted_block_is_one_claim():
    claims = claims_of(
        "The American Civil Liberties Union said:",
        "This order violates the First Amendment. […] To truly address privacy "
        "concerns, Congress should enact surveillance reform.",
    )
    assert claims == [
        (
            "This order violates the First Amendment. […] To truly address privacy "
            "concerns, Congress should enact surveillance reform.",
            "quote",
            "American Civil Liberties Union",
        )
    ]


def test_a_translation_after_its_chinese_original_is_the_quoted_block():
    claims = claims_of(
        "Article 1 of the amended constitution says:",
        "禁止任何组织或者个人破坏社会主义制度。",
        "The defining feature is Party leadership. Disruption of the socialist "
        "system by any organization or individual is prohibited",
    )
    assert [(kind, speaker) for _, kind, speaker in claims] == [("directive", None)]
    assert claims[0][0].endswith("is prohibited")


def test_the_writers_quoting_themselves_give_no_claim():
    claims = claims_of(
        "But as we noted earlier:",
        "The fundamental problem is the dominance of politics over economic "
        "decisions, as shown by the Mao era in 1958.",
    )
    assert claims == []


def test_a_sentence_whose_subject_is_a_pronoun_goes_on_with_the_claim_before():
    claims = claims_of(
        "The NBS has been releasing real estate data monthly since 1998. It stopped "
        "publishing statistics on land in 2023. It now only publishes the growth "
        "rate of investment.",
        "That begs a question. It has imposed sanctions on five companies.",
    )
    ((text, _, _),) = claims
    assert text.startswith("The NBS") and text.endswith("growth rate of investment.")


def test_a_surname_alone_takes_the_full_name_named_before():
    claims = claims_of(
        "Wang Tiancheng, director of an institute, has pointed out that the CCP "
        "relies on growth. At the same time, Wang hopes that Western governments "
        "will support activists."
    )
    assert [speaker for _, _, speaker in claims] == ["Wang Tiancheng"] * 2


def test_speaker_role_is_kept():
    (claim,) = extract_claims(
        make_article(
            "“The leak shows an industry,” said MERICS Senior Analyst Antonia Hmaid."
        )
    )
    assert (claim.speaker, claim.speaker_role) == (
        "Antonia Hmaid",
        "MERICS Senior Analyst",
    )


def test_interview_answers_take_the_interviewee():
    claims = claims_of(
        "China’s economy is in crisis. What is Xi doing about this?",
        "Nine senior military chiefs were dismissed in 2023, presumably due to "
        "corruption.",
        kind="interview",
        interviewee="Johnny Erling",
    )
    assert [speaker for _, _, speaker in claims] == ["Johnny Erling"]


def test_a_pronoun_takes_a_person_named_at_a_sentence_start():
    claims = claims_of(
        "Zhang Wei is a researcher at Peking University. “The reform has stalled,” "
        "he said.",
        "“It will not happen soon,” he added.",
    )
    assert [speaker for _, _, speaker in claims] == ["Zhang Wei", "Zhang Wei"]


def test_a_pronoun_does_not_reach_past_the_previous_paragraph():
    article = make_article(
        "Zhang Wei is a researcher. “The reform has stalled,” he said.",
        "The Audit Office stated that the practices were unauthorized.",
        "The budget was published in June 2024.",
        "He said the fees totalled 5 million yuan.",
    )
    warnings: list[str] = []
    claims = extract_claims(article, warnings)
    # An unresolved "he" gives no claim, and the editor is told why.
    assert claims[-1].text == "The budget was published in June 2024."
    assert warnings == [
        "unresolved speaker: no one named before “He said the fees totalled 5 "
        "million yuan.”; no claim made"
    ]


def test_chinese_sentences_give_claims():
    text = "国家统计局数据显示，2023年国内生产总值同比增长5.2%。青年失业率达到21.3%。"
    claims = extract_claims(make_article(text))
    assert [c.figures[0].value for c in claims] == [5.2, 21.3]


@pytest.mark.parametrize(
    "sentence",
    [
        "In May 2024, the State Secrets Protection Law had already come into effect.",
        "The European Commission launched an investigation into Chinese EVs in 2023.",
    ],
)
def test_dated_facts_are_assertions(sentence):
    assert claims_of(sentence) == [(sentence, "assertion", None)]


def test_hedged_dated_sentences_are_not_claims():
    assert claims_of("The rules may well change again in 2025 or later.") == []


def test_initials_take_the_name_spelled_out_before_them():
    claims = claims_of(
        "The Office of the US Trade Representative (USTR) released its report in "
        "2024, maintaining that China “remains the biggest challenge.”",
        "Both sides “agreed to work together,” a readout published by the USTR said.",
    )
    speakers = [speaker for _, _, speaker in claims]
    assert speakers == ["Office of the US Trade Representative"] * 2


def test_a_passive_verb_names_no_speaker():
    claims = claims_of(
        "In 2024, I-Soon was revealed to be operating like a typical startup."
    )
    assert [speaker for _, _, speaker in claims] == [None]


def test_an_act_by_a_group_is_an_assertion():
    sentence = "Censors quickly deleted posts about the poll from social media."
    assert claims_of(sentence) == [(sentence, "assertion", None)]
