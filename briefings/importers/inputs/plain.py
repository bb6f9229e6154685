"""Plain text and markdown: the text is already what the parsers read."""

from __future__ import annotations

from ..decode import decode_text
from .source import SourceText

MEDIA_TYPE = "text/plain"


def read(name: str, data: bytes) -> list[SourceText]:
    """A text file as one briefing text."""
    return [SourceText(name=name, data=data, text=decode_text(data))]
