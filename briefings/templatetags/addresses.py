"""``link_target``: the address a page may link to, or "" (see briefings/addresses.py)."""

from __future__ import annotations

from django import template

from ..addresses import link_target

register = template.Library()
register.filter("link_target", link_target)
