"""Editors curate terms in the admin: correct, hide, merge."""

from __future__ import annotations

import pytest
from django.urls import reverse

from briefings.curation.merge import merge_terms
from briefings.models import Term, TermRendering
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    article = factories.article("Prosperity", "common prosperity (共同富裕)")
    made = {}
    for key, chinese, english in [
        ("main", "共同富裕", "common prosperity"),
        ("variant", "共同富裕目标", "shared prosperity"),
        ("other", "统战", "united front"),
    ]:
        made[key] = Term.objects.create(simplified=chinese, pinyin=key)
        TermRendering.objects.create(
            term=made[key],
            article=article,
            english=english,
            chinese=chinese,
            kind="parenthesis",
            start=len(made),
            end=len(made) + 1,
        )
    TermRendering.objects.create(
        term=made["main"], article=article, english="common prosperity",
        chinese="共同富裕", kind="parenthesis", start=10, end=11,
    )  # fmt: skip
    return made


def test_editors_list_and_merge_terms(editor_client, terms):
    changelist = reverse("admin:briefings_term_changelist")
    assert editor_client.get(changelist).status_code == 200
    response = editor_client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [terms["main"].pk, terms["variant"].pk],
        },
        follow=True,
    )
    assert "Merged 1 term(s) into 共同富裕: moved 1 rendering(s)." in (
        response.content.decode()
    )
    assert Term.objects.get(pk=terms["variant"].pk).merged_into == terms["main"]
    assert terms["main"].renderings.count() == 3


def test_editors_hide_a_term(editor_client, terms):
    editor_client.post(
        reverse("admin:briefings_term_changelist"),
        {"action": "hide", "_selected_action": [terms["other"].pk]},
    )
    assert not Term.objects.get(pk=terms["other"].pk).is_published
    assert list(Term.objects.public()) == [terms["main"], terms["variant"]]


def test_merging_again_leaves_no_chains(terms):
    merge_terms([terms["variant"]], terms["main"])
    merge_terms([terms["main"]], terms["other"])
    assert Term.objects.get(pk=terms["variant"].pk).merged_into == terms["other"]
    assert terms["other"].renderings.count() == 4
