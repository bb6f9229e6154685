"""Name variants of one person share a key; a lone surname does not."""

from __future__ import annotations

import pytest

from briefings.importers.load import Source, import_briefing
from briefings.importers.people import (
    SplitName,
    clean_name,
    is_anonymous,
    kind_of,
    name_key,
    split_name,
)
from briefings.importers.types import ParsedArticle, ParsedBriefing, ParsedClaim
from briefings.models import Person


@pytest.mark.parametrize(
    ("variant", "name"),
    [
        ("Gunter, Jacob", "Jacob Gunter"),
        ("Dr. Junhua Zhang", "Junhua Zhang"),
        ("Prof. Dr. Junhua Zhang", "junhua zhang"),
        ("Nis Grünberg", "Nis Grunberg"),
        ("NIS GRÜNBERG", "Nis Grünberg"),
        ("Abigaël Vasselier", "Abigael Vasselier"),
        ("Thea D. Rozman Kendler", "Thea D Rozman Kendler"),
        ("Rozman Kendler, Thea D.", "Thea D. Rozman Kendler"),
        ("Xi Jin-ping", "Xi Jinping"),
        ("Zhang Junhua, PhD", "Zhang Junhua"),
        ("**Yun Jiang**", "Yun Jiang"),
        ("Jacob Gunter (MERICS)", "Jacob Gunter"),
        ("von der Leyen, Ursula", "Ursula von der Leyen"),
        ("  Adam   Ni ", "Adam Ni"),
    ],
)
def test_variants_share_one_key(variant, name):
    assert name_key(variant) == name_key(name)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Gunter", "Jacob Gunter"),  # a surname alone is ambiguous
        ("Zhang", "Junhua Zhang"),
        ("Jack Ma", "Jack"),  # "Ma" is a surname, not a degree
        ("Wang Dan", "Wang Tiancheng"),
        ("Gunter, MERICS", "MERICS Gunter"),  # an affiliation, not a given name
        ("Martin Luther King, Jr.", "Jr. Martin Luther King"),
    ],
)
def test_different_names_keep_different_keys(one, other):
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Gunter, Jacob", "Jacob Gunter"),
        ("Dr. Junhua Zhang", "Junhua Zhang"),
        ("Jack Ma, MA", "Jack Ma"),
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
    ],
)
def test_clean_name_gives_the_natural_display_form(written, shown):
    assert clean_name(written) == shown


@pytest.mark.django_db
def test_an_author_and_a_speaker_spelled_differently_are_one_person():
    article = ParsedArticle(
        title="Ports",
        body="Cranes matter, said Jacob Gunter.",
        authors=["Gunter, Jacob"],
        kind="analysis",
    )
    article.claims = [
        ParsedClaim("Cranes matter, said Jacob Gunter.", 0, 33, "quote", "Jacob Gunter")
    ]
    parsed = ParsedBriefing(format="generic", publication="Test", articles=[article])
    result = import_briefing(parsed, Source("ports.txt", b"x", "x"))
    (person,) = Person.objects.all()
    assert person.name_key == "jacob gunter"
    assert person.name == "Gunter, Jacob"  # the first spelling the import met
    assert list(person.articles.all()) == list(result.briefing.articles.all())
    assert person.claims.count() == 1


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        ("Wang Dan", "Wang", "Dan"),  # family first
        ("Xi Jinping", "Xi", "Jinping"),
        ("Xi Jin-ping", "Xi", "Jin-ping"),
        ("Zhang Junhua, PhD", "Zhang", "Junhua"),
        ("Junhua Zhang", "Zhang", "Junhua"),  # Western order
        ("Dr. Junhua Zhang", "Zhang", "Junhua"),
        ("Yun Jiang", "Jiang", "Yun"),  # a rare surname before a common one
        ("Han Zheng", "Han", "Zheng"),  # two common ones: family first
        ("Sima Qian", "Sima", "Qian"),  # a two-syllable surname
        ("Ouyang Xiu", "Ouyang", "Xiu"),
        ("Rai Jianping", "Rai", "Jianping"),  # another romanisation's surname
        ("Tsai Ing-wen", "Tsai", "Ing-wen"),
        ("Adam Ni", "Ni", "Adam"),  # a Western given name
        ("Johnny Erling", "Erling", "Johnny"),
        ("Nis Grünberg", "Grünberg", "Nis"),
        ("Gunter, Jacob", "Gunter", "Jacob"),
        ("Ursula von der Leyen", "von der Leyen", "Ursula"),
        ("Thea D. Rozman Kendler", "Kendler", "Thea D. Rozman"),
        ("Jo", "Jo", ""),  # a single name
    ],
)
def test_split_name_gives_family_and_given_names(name, family, given):
    assert split_name(name) == SplitName(family, given)


@pytest.mark.parametrize(
    "name",
    [
        "Beijing",
        "EU",
        "the European Union",
        "White House",
        "Audit Office",
        "Caixin",
        "American Civil Liberties Union",
        "Xinhua Daily Telegraph",
        "Southern Metropolis Daily",
        "Ministry of Commerce",
        "MERICS",
        "the Chinese government",
        "The Washington Post",
    ],
)
def test_organisations_are_told_from_people(name):
    assert kind_of(name) == "organisation"


@pytest.mark.parametrize(
    "name",
    [
        "Wang Dan",
        "Jacob Gunter",
        "Jack Ma",
        "Ryan Manuel",
        "Nis Grünberg",
        "Emily Post",
    ],
)
def test_people_stay_people(name):
    assert kind_of(name) == "person"


@pytest.mark.parametrize("name", ["Anonymous", "anonymous source", "Unknown"])
def test_anonymous_names_nobody(name):
    assert is_anonymous(name)


def parsed_briefing(authors: list[str], speaker: str) -> ParsedBriefing:
    body = "Data sold for profit, said the Audit Office."
    article = ParsedArticle(title="Data", body=body, authors=authors, kind="news")
    article.claims = [ParsedClaim(body, 0, len(body), "quote", speaker)]
    return ParsedBriefing(format="generic", publication="Test", articles=[article])


@pytest.mark.django_db
def test_the_importer_files_organisations_and_splits_names():
    parsed = parsed_briefing(["Wang Dan", "Anonymous"], "Audit Office")
    import_briefing(parsed, Source("data.txt", b"x", "x"))
    people = {
        p.name: (p.kind, p.family_name, p.given_name) for p in Person.objects.all()
    }
    assert people == {
        "Wang Dan": ("person", "Wang", "Dan"),
        "Audit Office": ("organisation", "", ""),
    }  # "Anonymous" has no record


@pytest.mark.django_db
def test_reimport_keeps_an_editors_split_and_kind():
    parsed = parsed_briefing(["Yun Jiang"], "Audit Office")
    import_briefing(parsed, Source("data.txt", b"x", "x"))
    Person.objects.filter(name="Yun Jiang").update(family_name="Yun", given_name="J.")
    Person.objects.filter(name="Audit Office").update(kind="person")
    parsed.articles[0].body += " More."
    result = import_briefing(parsed, Source("data.txt", b"y", "y"))
    assert result.status == "updated" and not result.conflicts
    person = Person.objects.get(name="Yun Jiang")
    assert (person.family_name, person.given_name) == ("Yun", "J.")
    assert Person.objects.get(name="Audit Office").kind == "person"
