"""Word lists written as plain text: ``words("of for and")`` -> a frozenset."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The white-space separated words of text, as a set."""
    return frozenset(text.split())
