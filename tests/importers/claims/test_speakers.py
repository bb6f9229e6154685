"""Attribution: who a sentence quotes or reports, with their role."""

from __future__ import annotations

import pytest

from briefings.importers.claims.names import PRONOUN, Speaker, resolve_subject
from briefings.importers.claims.speakers import (
    find_attribution,
    introduced_person,
    is_quotation,
)


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "Rai Jianping, a former Beijing lawyer and chairman of the Canadian "
            "Alliance for China, believes that the issues are the tip of the iceberg.",
            "Rai Jianping",
            "a former Beijing lawyer and chairman of the Canadian Alliance for China",
        ),
        (
            "Brad Setser, a former economist in the US Department of the Treasury, "
            "has pointed out that half of the reserves do not appear.",
            "Brad Setser",
            "a former economist in the US Department of the Treasury",
        ),
        (
            "“The failure to reform is showing,” said MERICS Lead Analyst Nis Grünberg.",
            "Nis Grünberg",
            "MERICS Lead Analyst",
        ),
        (
            "“The price is increasing,” said **Abigaël Vasselier**, MERICs Director "
            "for Policy and European Affairs.",
            "Abigaël Vasselier",
            "MERICs Director for Policy and European Affairs",
        ),
        (
            '"The leak shows a competitive industry," says MERICS Senior Analyst '
            "**Antonia Hmaid**.",
            "Antonia Hmaid",
            "MERICS Senior Analyst",
        ),
        (
            "Despite export controls, US assistant secretary of commerce, Thea D. "
            "Rozman Kendler, stated that there was no intention to extend them.",
            "Thea D. Rozman Kendler",
            "US assistant secretary of commerce",
        ),
        ("In the words of Ryan Manuel at Hong Kong University:", "Ryan Manuel", None),
        (
            "The American Civil Liberties Union said:",
            "American Civil Liberties Union",
            None,
        ),
        (
            "According to Wang Tiancheng, a turning point will come.",
            "Wang Tiancheng",
            None,
        ),
        (
            "According to the Audit Office, departments should open data.",
            "Audit Office",
            None,
        ),
        (
            "In response, Rai Jianping believes that such a shift is possible.",
            "Rai Jianping",
            None,
        ),
        (
            "While declining to comment, the White House said the move was a precaution.",
            "White House",
            None,
        ),
        ("But Beijing said the sanctions would worsen relations.", "Beijing", None),
        (
            "US President Joe Biden said on Monday that ports were at risk.",
            "Joe Biden",
            "US President",
        ),
        ("“The economy will recover,” Zhang said.", "Zhang", None),
        ("Xinhua quoted Wang as saying that unification is a must.", "Wang", None),
        (
            "The People's Bank of China said it would cut rates.",
            "People's Bank of China",
            None,
        ),
        (
            "The state-owned CCP media Xinhua Daily Telegraph recently warned against it.",
            "Xinhua Daily Telegraph",
            "state-owned CCP media",
        ),
        (
            "Chinese Foreign Ministry spokesperson Mao Ning told reporters that China objected.",
            "Mao Ning",
            "Chinese Foreign Ministry spokesperson",
        ),
        (
            "Dr. Zhang Wei of Peking University said the move was expected.",
            "Zhang Wei",
            "Peking University",
        ),
        (
            "Li Qiang of the State Council said growth would reach 5 percent.",
            "Li Qiang",
            "State Council",
        ),
        ("The Bank of China said profits rose.", "Bank of China", None),
        # An official readout or a report speaks for whoever published it.
        (
            "Both sides “agreed to work together,” a readout published by the USTR said.",
            "USTR",
            None,
        ),
        (
            "A recent report by the Beijing-based YuWa Population Research Institute "
            "revealed that raising a child is costly.",
            "YuWa Population Research Institute",
            None,
        ),
        (
            "China's Ministry of Commerce hit back, claiming the US had made "
            "groundless accusations.",
            "Ministry of Commerce",
            None,
        ),
        ('"It is late," Jacob Gunter added.', "Jacob Gunter", None),
        ("Jacob Gunter added that the EU will respond.", "Jacob Gunter", None),
    ],
)
def test_named_speakers_and_roles_are_found(sentence, speaker, role):
    found = find_attribution(sentence)
    assert found is not None and found.speaker is not None
    assert (found.speaker.name, found.speaker.role) == (speaker, role) or (
        role is None and found.speaker.name == speaker
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Some analysts have pointed out that a portion is due to capital flight.",
        "Observers point out that the disclosed data is the tip of the iceberg.",
        "Insiders believe the main reason is the depreciation of the renminbi.",
        "Legal experts in China believe that the report may indicate profit-seeking.",
        "The report revealed that 7 units had illegally set fees.",
        "According to previous data, the rate has been on the rise.",
        "According to the audit period spanning 6 years, 7 units profited.",
        "As of June 2019, official data from the National Development and Reform "
        "Commission (NDRC) shows that 26.82 million people were banned.",
        "The poll by the Canton Public Opinion Research Center, a well-established "
        "NGO, shows satisfaction has hit a low.",
        "Exports fell 7.5% year-on-year in May, customs data showed.",
        "Officials claim that the campaign is part of a full investigation.",
        "The public said it was unhappy.",
        "Your comments and feedback are always welcome.",
        "Our readers' comments show the mood has soured.",
    ],
)
def test_vague_sources_give_no_speaker(sentence):
    found = find_attribution(sentence)
    assert found is None or found.speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        "China absorbed RMB766.71 billion of foreign capital.",
        "The Party leads all.",
        "Censors quickly deleted posts about the poll.",
        # "added" with an object adds things; it says nothing.
        "The U.S. Commerce Department added 12 Chinese firms to its entity list.",
    ],
)
def test_sentences_without_attribution_give_none(sentence):
    assert find_attribution(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["He states that government data includes personal data.", "She said it was over."],
)
def test_pronouns_are_left_for_the_context(sentence):
    found = find_attribution(sentence)
    assert found is not None and found.is_pronoun and found.speaker is None


@pytest.mark.parametrize(
    ("sentence", "is_speech"),
    [
        ("Zhang said the plan failed.", True),
        ("Zhang stated that the plan failed.", True),
        ("Zhang believes that the plan failed.", False),
        ("Zhang pointed out that the plan failed.", False),
    ],
)
def test_speech_verbs_are_told_from_belief_verbs(sentence, is_speech):
    assert find_attribution(sentence).is_speech is is_speech


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The White House", Speaker("White House")),
        (
            "Ryan Manuel at Hong Kong University",
            Speaker("Ryan Manuel", "Hong Kong University"),
        ),
        ("Southern Metropolis Daily in China", Speaker("Southern Metropolis Daily")),
        ("He", PRONOUN),
        ("some analysts", None),
        ("Observers", None),
        ("Former journalist Wang Zhi'an and blogger Li Ying", None),
        ("the Chinese government", Speaker("Chinese government")),
    ],
)
def test_resolve_subject(phrase, expected):
    assert resolve_subject(phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "open_quote", "expected"),
    [
        ("“Only limited departments have been caught.”", False, True),
        ("Only limited departments have been caught.”", True, True),
        ("“Eye in the Sky” is best known for data.", False, False),
        ("The CCP calls it “data finance.”", False, False),
    ],
)
def test_quotations_are_told_from_scare_quotes(sentence, open_quote, expected):
    assert is_quotation(sentence, open_quote) is expected


def test_an_introduced_person_is_remembered_with_the_full_name():
    sentence = (
        "Wang Huning, China's most senior official on Taiwan, used sharper language."
    )
    assert introduced_person(sentence) == Speaker(
        "Wang Huning", "China's most senior official on Taiwan"
    )


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ("Mr. Xi told the delegates that China would never seek hegemony.", "Xi", None),
        (
            "“We are concerned,” said Victor Shih, “about local debt.”",
            "Victor Shih",
            None,
        ),
        (
            "Victor Shih, who studies elite politics, said the purge was unprecedented.",
            "Victor Shih",
            "who studies elite politics",
        ),
        (
            "China's GDP grew 5.2% in 2023, the National Bureau of Statistics said.",
            "National Bureau of Statistics",
            None,
        ),
        (
            "He Lifeng, China's vice premier, said the talks were constructive.",
            "He Lifeng",
            "China's vice premier",
        ),
    ],
)
def test_honorifics_quotes_relative_clauses_and_surname_he(sentence, speaker, role):
    found = find_attribution(sentence).speaker
    assert (found.name, found.role) == (speaker, role)
