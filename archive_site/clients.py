"""Who is asking: the client's address, the user name a login attempt is recorded
under, and how often one client may ask (the API's and downloads' rate limits).

Without ``DJANGO_PROXY_COUNT`` it is the connection's address: an X-Forwarded-For
header is then whatever the client chose to send. Behind N trusted proxies, each
proxy appends the address it was connected from, so the client is the N-th address
from the right; anything to its left was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


def client_ip(request: HttpRequest) -> str | None:
    """The address the request came from (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The user name a login attempt is recorded under, at most 255 characters: axes
    keeps it in a ``varchar(255)``, which PostgreSQL refuses to overflow (a 500 to
    anyone posting a longer one). No account has a name that long (150 at most)."""
    source = credentials if credentials else request.POST
    username = source.get("username")
    return username[:255] if isinstance(username, str) else username


class RateFromSettings:
    """A REST framework throttle whose rate is ``settings.THROTTLE_RATES[scope]``,
    read when the request comes (REST framework reads its own rates once, at import),
    and whose client is ``client_ip`` (not every X-Forwarded-For a client sends)."""

    scope: str

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope) or None

    def get_ident(self, request) -> str:
        return client_ip(request) or "unknown"


class AnonThrottle(RateFromSettings, AnonRateThrottle):
    """Requests from one address without an account."""


class UserThrottle(RateFromSettings, UserRateThrottle):
    """Requests from one account (or address)."""


class ExportThrottle(RateFromSettings, AnonRateThrottle):
    """Downloads of search results by anonymous visitors, from one address."""

    scope = "export"
