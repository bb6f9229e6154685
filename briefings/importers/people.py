"""Person names: the key under which spelling variants of one name are merged."""

from __future__ import annotations

import re
import unicodedata

from .text import comparable

HONORIFICS = re.compile(r"^(?:(?:dr|prof|professor|mr|mrs|ms|sir|dame)\.?\s+)+", re.I)


def clean_name(name: str) -> str:
    """A display name without honorifics or markup: "Dr. Junhua Zhang" → "Junhua Zhang"."""
    name = re.sub(r"[*_]{2}", "", name).strip(" ,;:")
    return HONORIFICS.sub("", name).strip()


def name_key(name: str) -> str:
    """Case-, accent- and spacing-insensitive key: "Nis Grünberg" ~ "nis grunberg"."""
    folded = unicodedata.normalize("NFKD", comparable(clean_name(name)))
    return "".join(char for char in folded if not unicodedata.combining(char))[:200]
