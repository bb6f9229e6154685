"""Name variants of one person share a key; a lone surname does not."""

from __future__ import annotations

import pytest

from briefings.importers.load import Source, import_briefing
from briefings.importers.people import clean_name, name_key
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
