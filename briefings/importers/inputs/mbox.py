"""Mailboxes (``.mbox``), split with the standard ``mailbox`` package: every message
is one briefing, named ``<file>#<n>`` (its place in the mailbox, so appending new
issues keeps the names of the old ones)."""

from __future__ import annotations

import mailbox
import os
import re
import tempfile

from ..decode import SourceError
from .message import message_source
from .source import SourceText

MEDIA_TYPE = "application/mbox"
FROM_LINE = re.compile(rb"^From \S+")


def sniff(head: bytes) -> bool:
    """Whether bytes start like an mbox: a ``From `` separator line, then headers."""
    first, _, rest = head.partition(b"\n")
    return bool(FROM_LINE.match(first)) and b":" in rest.split(b"\n", 1)[0]


def read(name: str, data: bytes) -> list[SourceText]:
    """Each message of a mailbox as a briefing text."""
    sources = []
    for number, message_bytes in enumerate(messages(data), start=1):
        try:
            sources.append(message_source(f"{name}#{number}", message_bytes))
        except SourceError as error:
            raise SourceError(f"message {number}: {error}") from None
    if not sources:
        raise SourceError("empty mailbox: no message in it")
    return sources


def messages(data: bytes) -> list[bytes]:
    """The mailbox's messages as bytes (``mailbox`` reads only from a file)."""
    handle, path = tempfile.mkstemp(suffix=".mbox")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        box = mailbox.mbox(path, create=False)
        try:
            return [box.get_bytes(key) for key in box.iterkeys()]
        finally:
            box.close()
    finally:
        os.unlink(path)
