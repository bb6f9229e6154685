"""Reading what people have — web pages, PDFs, e-mails, mailboxes, plain text — into
the plain text the parsers read, with the hints the format carries and its provenance.

Each format is one module with ``MEDIA_TYPE`` and ``read(name, data) -> list[SourceText]``
(a mailbox holds several briefings, every other file one). ``READERS`` maps file name
endings to modules; a file whose bytes say otherwise (a PDF or a web page saved as
``.txt``, an e-mail without an ending) is read by what its bytes say (``sniff``).

The text keeps the structure as the conventions the parsers already understand: one
block per line with a blank line between blocks, headings on their own lines, list
items as ``- `` lines (their links as markdown ``[text](url)``, as in link lists), a
line that is only a web address as ``<url>``. Links in running text are not written
into it: they travel beside it as ``Link`` hints with their line, and become the
source links of the article whose lines hold them (``parse_source``). Lines wholly
in bold travel beside it too (``bold_lines``), for the structural reader.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from ..decode import SourceError, read_bytes
from . import html, mbox, message, pdf, plain
from .source import Link, SourceText, attach_links, parse_source

READERS: dict[str, ModuleType] = {
    ".txt": plain,
    ".text": plain,
    ".md": plain,
    ".html": html,
    ".htm": html,
    ".pdf": pdf,
    ".eml": message,
    ".mbox": mbox,
}
SUFFIXES = frozenset(READERS)
UPLOAD_CONTENT_TYPES = sorted({module.MEDIA_TYPE for module in READERS.values()})

__all__ = [
    "READERS",
    "SUFFIXES",
    "Link",
    "SourceError",
    "SourceText",
    "attach_links",
    "parse_source",
    "read_data",
    "read_input",
    "reader_for",
]


def sniff(data: bytes) -> ModuleType | None:
    """The reader the bytes themselves ask for, when they say it clearly."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return pdf
    if html.sniff(head):
        return html
    if mbox.sniff(head):
        return mbox
    if message.sniff(head):
        return message
    return None


def reader_for(name: str, data: bytes) -> ModuleType:
    """The reader for a file: what its bytes say, else its ending, else plain text."""
    return sniff(data) or READERS.get(Path(name).suffix.lower(), plain)


def read_data(name: str, data: bytes) -> list[SourceText]:
    """The briefing texts in a file's bytes (an upload, or a file already read)."""
    if not data.strip():
        raise SourceError("empty file: nothing to import")
    return reader_for(name, data).read(name, data)


def read_input(
    path: Path, max_bytes: int, *, follow_symlinks: bool = True
) -> list[SourceText]:
    """The briefing texts in a file: one, or one per message of a mailbox."""
    data = read_bytes(path, max_bytes, follow_symlinks=follow_symlinks)
    return read_data(path.name, data)
