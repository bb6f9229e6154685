"""Roles: ``create_editor`` makes a staff user in the Editors group; editors curate
but cannot delete briefings or manage users; only staff reach the admin."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from briefings.models import Briefing, ReviewItem
from tests.curation.conftest import admin_url

pytestmark = pytest.mark.django_db

CURATED = ("briefing", "article", "claim", "topic", "person", "reviewitem")


def test_create_editor_makes_a_staff_user_in_the_editors_group(editor):
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert editor.email == "edna@example.org"
    for model in CURATED:
        assert editor.has_perm(f"briefings.change_{model}")
    assert not editor.has_perm("briefings.delete_briefing")
    assert not any(perm.startswith("auth.") for perm in editor.get_all_permissions())


def test_create_editor_refuses_an_existing_user(editor):
    with pytest.raises(CommandError, match="'edna' already exists"):
        call_command("create_editor", "edna", "--password", "x" * 20, stdout=StringIO())


def test_create_editor_without_input_needs_the_password_variable(db, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        call_command("create_editor", "ed", "--no-input", stdout=StringIO())
    assert not get_user_model().objects.filter(username="ed").exists()


def test_create_editor_rejects_a_weak_password(db):
    with pytest.raises(CommandError, match="password"):
        call_command("create_editor", "ed", "--password", "123", stdout=StringIO())


def test_create_editor_prompts_for_the_password(db, monkeypatch):
    answers = iter(["a long editor passphrase 9"] * 2)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    out = StringIO()
    call_command("create_editor", "ed", stdout=out)
    assert "Created editor 'ed'" in out.getvalue()
    assert (
        get_user_model()
        .objects.get(username="ed")
        .check_password("a long editor passphrase 9")
    )


def test_only_staff_reach_the_admin(client, db):
    get_user_model().objects.create_user("reader", password="a long password 77")
    client.login(username="reader", password="a long password 77")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_sees_the_admin_with_the_review_queue(editor_client, source_file):
    open_items = ReviewItem.objects.open().count()
    response = editor_client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200 and open_items >= 1
    assert f"Review queue: {open_items} open" in html
    assert "No date" in html


def test_editor_cannot_delete_a_briefing(editor_client, source_file):
    briefing = Briefing.objects.get()
    url = admin_url("briefing_delete", briefing.pk)
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    changelist = editor_client.get(admin_url("briefing_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    assert Briefing.objects.filter(pk=briefing.pk).exists()


def test_editor_cannot_manage_users(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_editor_can_open_every_curated_list(editor_client, source_file):
    for model in (*CURATED, "publication"):
        assert editor_client.get(admin_url(f"{model}_changelist")).status_code == 200
