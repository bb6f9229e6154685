"""Reading a source file into text, or a clear reason why it cannot be imported."""

from __future__ import annotations

import codecs
import errno
import os
import stat
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
# UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte (the
# high byte of each character), so one byte position is at least this share NULs...
UTF16_NUL_SHARE = 0.3
# ...and the other position (the low bytes) at most this share.
UTF16_OTHER_NUL_SHARE = 0.02
FILE_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
READ_CHUNK = 1024 * 1024


class SourceError(Exception):
    """A file that cannot be imported; the message says why, in one line."""


def decode_bytes(data: bytes) -> str:
    """Decode a briefing's bytes: BOM first, then UTF-16 by its NULs, UTF-8, cp1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"undecodable: invalid {encoding} ({error.reason})"
                ) from None
    if b"\x00" in data:
        encoding = utf16_without_bom(data)
        if encoding is None:
            raise SourceError("binary file: it contains NUL bytes, not text")
        return data.decode(encoding)
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("undecodable: not UTF-8, UTF-16 or cp1252")


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes read as UTF-16 without a BOM
    (NULs at odd positions for little-endian, even for big-endian), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0) / half, data[1::2].count(0) / half
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_NUL_SHARE:
        encoding = "utf-16-le"
    elif even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _looks_binary(text: str) -> bool:
    controls = sum(
        1
        for char in text
        if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f"
    )
    return controls > max(2, len(text) * MAX_CONTROL_SHARE)


def read_capped(path: Path, max_bytes: int, *, follow_symlinks: bool) -> bytes:
    """A regular file's bytes, reading at most ``max_bytes + 1`` whatever its size
    claims to be. Opened without blocking, so a named pipe is refused rather than
    waited on; a link is refused unless ``follow_symlinks``."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow_symlinks else os.O_NOFOLLOW)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_symlinks:
            raise SourceError(
                "a symbolic link: not followed without --follow-symlinks"
            ) from None
        raise
    with open(handle, "rb", buffering=0) as source:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            kind = FILE_KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise SourceError(f"not a regular file: {kind}; only files are imported")
        too_large(status.st_size, max_bytes)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = source.read(min(READ_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    too_large(size, max_bytes, more=True)  # it grew, or its size was not told
    return b"".join(chunks)


def too_large(size: int, max_bytes: int, *, more: bool = False) -> None:
    if size > max_bytes:
        read = f"more than {max_bytes:,} bytes" if more else f"{size:,} bytes"
        raise SourceError(f"too large: {read}, the limit is {max_bytes:,} bytes")


def read_bytes(path: Path, max_bytes: int, *, follow_symlinks: bool = True) -> bytes:
    """A source file's bytes (see ``read_capped``), or why not: also when empty."""
    data = read_capped(path, max_bytes, follow_symlinks=follow_symlinks)
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


def read_source(
    path: Path, max_bytes: int, *, follow_symlinks: bool = True
) -> tuple[str, bytes]:
    """The decoded text (newlines normalised) and raw bytes of a briefing file."""
    data = read_bytes(path, max_bytes, follow_symlinks=follow_symlinks)
    return decode_text(data), data
