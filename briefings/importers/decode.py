"""Reading a source file into text, or a clear reason why it cannot be imported."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

# Tried in order after any byte-order mark; cp1252 is last because it decodes
# almost anything (so a file is only "undecodable" when even cp1252 fails).
FALLBACK_ENCODINGS = ("utf-8", "cp1252")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters above which decoded text is taken for binary data.
MAX_CONTROL_SHARE = 0.02


class SourceError(Exception):
    """A file that cannot be imported; the message says why, in one line."""


def decode_bytes(data: bytes) -> str:
    """Decode a briefing's bytes: BOM first, then UTF-8, then cp1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"undecodable: invalid {encoding} ({error.reason})"
                ) from None
    if b"\x00" in data:
        raise SourceError("binary file: it contains NUL bytes, not text")
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("undecodable: not UTF-8, UTF-16 with a BOM, or cp1252")


def _looks_binary(text: str) -> bool:
    controls = sum(
        1
        for char in text
        if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f"
    )
    return controls > max(2, len(text) * MAX_CONTROL_SHARE)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A source file's bytes, or why it cannot be imported (too large, empty)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(
            f"too large: {size:,} bytes, the limit is {max_bytes:,} bytes"
        )
    data = path.read_bytes()
    if not data.strip():
        raise SourceError("empty file: nothing to import")
    return data


def decode_text(data: bytes) -> str:
    """A plain-text briefing's bytes as text, newlines normalised, or why not."""
    text = decode_bytes(data)
    if _looks_binary(text):
        raise SourceError("binary file: too many control characters for text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError("empty file: nothing to import")
    return text


def read_source(path: Path, max_bytes: int) -> tuple[str, bytes]:
    """The decoded text (newlines normalised) and raw bytes of a briefing file."""
    data = read_bytes(path, max_bytes)
    return decode_text(data), data
