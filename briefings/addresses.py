"""Which web addresses the archive stores and links to: http, https and mailto.

An address with any other scheme (``javascript:``, ``data:``, ``vbscript:``…) runs
or carries content where a reader expects a page, so editors and archive restores
cannot store one (the fields' validators, which the admin and ``import_archive``
both run), and pages and the API never link to one that got in some other way.
Browsers ignore tabs, newlines and leading control characters in a scheme
(``java\tscript:``), so those are removed before it is read. An address without a
scheme (a relative one, or the importer's ``#`` placeholder) is kept as it is.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

SCHEMES = ("http", "https", "mailto")
IGNORED = re.compile(r"[\x00-\x20\x7f]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def is_web_address(url: Any) -> bool:
    """True for an http, https or mailto address, or one without a scheme."""
    if not isinstance(url, str):
        return False
    scheme = SCHEME.match(IGNORED.sub("", url))
    return scheme is None or scheme.group(1).lower() in SCHEMES


def link_target(url: Any) -> str:
    """The address to link to, or "" when there is none to follow safely."""
    if not isinstance(url, str) or url.strip() in ("", "#") or not is_web_address(url):
        return ""
    return url


def refusal(number: int, url: Any) -> str:
    shown = url if len(str(url)) <= 60 else str(url)[:57] + "…"
    return (
        f"entry {number}: only http, https and mailto addresses may be stored, "
        f"not {shown!r}"
    )


def validate_link_list(value: Any) -> None:
    """A list of link objects (``items``, ``links``): each ``url`` a web address."""
    for number, entry in enumerate(value if isinstance(value, list) else [], 1):
        url = entry.get("url") if isinstance(entry, dict) else None
        if url not in (None, "") and not is_web_address(url):
            raise ValidationError(refusal(number, url), code="scheme")


def validate_address_list(value: Any) -> None:
    """A list of addresses (a claim's evidence): each a web address."""
    for number, url in enumerate(value if isinstance(value, list) else [], 1):
        if not is_web_address(url):
            raise ValidationError(refusal(number, url), code="scheme")


def safe_links(value: Any) -> Any:
    """Link objects as pages and the API show them: an unsafe ``url`` becomes None."""
    if not isinstance(value, list):
        return value
    return [
        {**entry, "url": None}
        if isinstance(entry, dict)
        and entry.get("url") not in (None, "")
        and not is_web_address(entry.get("url"))
        else entry
        for entry in value
    ]
