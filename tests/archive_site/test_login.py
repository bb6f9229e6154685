"""Admin login throttling (django-axes): a lockout is one user name from one client."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("editor")]

PROXY = "10.0.0.1"
ATTACKER, EDITOR = "203.0.113.66", "198.51.100.7"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "e@example.org", "right-password"
    )


def log_in(client, password: str, username: str = "editor", **headers):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, **headers
    )


def via_proxy(address: str) -> dict:
    """The headers of a request the one trusted proxy passed on from ``address``."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": address}


@override_settings(AXES_ENABLED=True, PROXY_COUNT=1)
def test_failures_from_one_client_do_not_lock_the_editor_out_elsewhere(client):
    for _ in range(5):
        log_in(client, "wrong", **via_proxy(ATTACKER))
    assert log_in(client, "right-password", **via_proxy(ATTACKER)).status_code == 429
    response = log_in(client, "right-password", **via_proxy(EDITOR))
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@override_settings(AXES_ENABLED=True, PROXY_COUNT=1)
def test_a_forged_forwarded_address_does_not_escape_the_lockout(client):
    for n in range(5):
        forged = f"192.0.2.{n}, {ATTACKER}"  # the client wrote the left part
        log_in(client, "wrong", **via_proxy(forged))
    response = log_in(client, "right-password", **via_proxy(ATTACKER))
    assert response.status_code == 429


@override_settings(AXES_ENABLED=True, PROXY_COUNT=0)
def test_without_a_proxy_count_the_forwarded_header_is_ignored(client):
    for n in range(5):
        log_in(
            client, "wrong", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
    response = log_in(client, "right-password", REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429


@override_settings(AXES_ENABLED=True)
def test_a_very_long_user_name_is_refused_like_a_wrong_password(client):
    response = log_in(client, "whatever", username="x" * 300)
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
