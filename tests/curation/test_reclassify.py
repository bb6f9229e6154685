"""An editor refiles a person as an organisation (or back) in the admin, with history,
and corrects how a name splits; the public URL follows the kind."""

from __future__ import annotations

import pytest

from briefings.models import Person
from tests.curation.conftest import admin_url

pytestmark = pytest.mark.django_db


def test_an_editor_refiles_a_person_as_an_organisation(client, editor_client, db):
    person = Person.objects.create(name="Gavekal Dragonomics", name_key="g", slug="g")
    response = editor_client.post(
        admin_url("person_changelist"),
        {"action": "file_as_organisations", "_selected_action": [person.pk]},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.kind == "organisation"
    latest = person.history.first()
    assert latest.kind == "organisation" and latest.history_user.username == "edna"
    old = client.get(f"/people/{person.pk}/g/")
    assert (
        old.status_code == 301 and old["Location"] == f"/organisations/{person.pk}/g/"
    )


def test_the_admin_lists_people_by_kind(editor_client, db):
    Person.objects.create(
        name="Caixin", name_key="caixin", slug="caixin", kind="organisation"
    )
    Person.objects.create(name="Wang Dan", name_key="wang dan", slug="wang-dan")
    html = editor_client.get(
        admin_url("person_changelist") + "?kind__exact=organisation"
    )
    assert "Caixin" in html.content.decode()
    assert "Wang Dan" not in html.content.decode()
