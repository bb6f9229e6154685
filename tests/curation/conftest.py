"""Fixtures for the editors' workflow: an editor made with ``create_editor``, a client
logged in as that editor, one imported briefing, and a browser-like form reader."""

from __future__ import annotations

from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import run_import
from tests.truth import SEED_STEMS

EDITOR_PASSWORD = "a long editor passphrase 7"
SINGLE_ARTICLE = SEED_STEMS[3]  # one article, no date: a "no date" review item


@pytest.fixture
def editor(db, monkeypatch):
    """A staff user in the Editors group, made the documented way."""
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", EDITOR_PASSWORD)
    call_command(
        "create_editor",
        "edna",
        "--email",
        "edna@example.org",
        "--no-input",
        stdout=StringIO(),
    )
    return get_user_model().objects.get(username="edna")


@pytest.fixture
def editor_client(client, editor):
    assert client.login(username="edna", password=EDITOR_PASSWORD)
    return client


@pytest.fixture
def source_file(seeds_copy) -> Path:
    """A single-article source file, imported once; tests may change and re-import it."""
    path = seeds_copy / f"{SINGLE_ARTICLE}.txt"
    report, status = run_import(str(path))
    assert status == 0, report["stderr"]
    return path


def reimport(path: Path) -> dict:
    report, status = run_import(str(path))
    assert status == 0, report["stderr"]
    return report["files"][0]


def change_source(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def admin_url(name: str, *args) -> str:
    return reverse(f"admin:briefings_{name}", args=args)


class _FormReader(HTMLParser):
    """What a browser would submit from one form: inputs, checked boxes, selected
    options and textareas (whose first newline HTML drops)."""

    def __init__(self, form_id: str | None) -> None:
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.data: list[tuple[str, str]] = []
        self.textarea: list[str] | None = None
        self.select: dict | None = None
        self.option: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or a.get("id") == self.form_id
        elif not self.inside:
            return
        elif tag == "input":
            self._input(a)
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]
        elif tag == "select":
            self.select = {"name": a.get("name"), "multiple": "multiple" in a}
            self.select.update(chosen=[], first=None)
        elif tag == "option" and self.select is not None:
            self.option = {"value": a.get("value"), "text": "", "on": "selected" in a}

    def _input(self, a: dict) -> None:
        kind, name = a.get("type", "text"), a.get("name")
        if not name or kind in ("submit", "button", "image", "reset", "file"):
            return
        if kind in ("checkbox", "radio"):
            if "checked" in a:
                self.data.append((name, a.get("value", "on")))
            return
        self.data.append((name, a.get("value", "")))

    def handle_data(self, data) -> None:
        if self.textarea is not None:
            self.textarea[1] += data
        if self.option is not None:
            self.option["text"] += data

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.data.append((name, text.removeprefix("\n")))
            self.textarea = None
        elif tag == "option" and self.option is not None:
            value = self.option["value"]
            value = self.option["text"] if value is None else value
            if self.select["first"] is None:
                self.select["first"] = value
            if self.option["on"]:
                self.select["chosen"].append(value)
            self.option = None
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"]
            if not chosen and not self.select["multiple"] and self.select["first"]:
                chosen = [self.select["first"]]
            self.data += [(self.select["name"], value) for value in chosen]
            self.select = None


def form_data(response, form_id: str | None = None, *, crlf: bool = False) -> dict:
    """The form's fields as a browser submits them; ``crlf`` sends textarea newlines
    as CRLF, as browsers do."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    if crlf:
        data = {
            name: [v.replace("\r\n", "\n").replace("\n", "\r\n") for v in values]
            for name, values in data.items()
        }
    return {
        name: values[0] if len(values) == 1 else values for name, values in data.items()
    }


def post_form(client, url: str, changes: dict, *, form_id=None, crlf=False):
    """GET the page, change some fields, POST it back as a browser would."""
    page = client.get(url)
    assert page.status_code == 200
    data = {**form_data(page, form_id, crlf=crlf), **changes}
    return client.post(url, data)


def form_errors(response) -> str:
    """The admin form's errors, for assertion messages."""
    context = getattr(response, "context", None) or {}
    errors = context.get("errors") if hasattr(context, "get") else None
    return str(errors) if errors else ""
