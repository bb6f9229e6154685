"""E-mails (``.eml``), read with the standard ``email`` package: the HTML part when
there is one (it carries the newsletter's structure and links), else the plain text
part; the sender, date and message id as provenance."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from ..decode import SourceError
from . import html
from .source import SourceText

MEDIA_TYPE = "message/rfc822"
HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
KNOWN_HEADERS = re.compile(
    rb"^(?:from|date|subject|message-id|mime-version|to|received|return-path):",
    re.I | re.M,
)


def sniff(head: bytes) -> bool:
    """Whether bytes start like an e-mail: header lines, mail headers among them."""
    header_block = head.split(b"\n\n", 1)[0].replace(b"\r", b"")
    lines = [
        line for line in header_block.split(b"\n") if line[:1] not in (b" ", b"\t")
    ]
    return (
        bool(lines)
        and all(HEADER_LINE.match(line) for line in lines)
        and len(KNOWN_HEADERS.findall(header_block)) >= 2
    )


def read(name: str, data: bytes) -> list[SourceText]:
    """An e-mail as one briefing text."""
    return [message_source(name, data)]


def message_source(name: str, data: bytes) -> SourceText:
    """One message's briefing text and provenance."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise SourceError("unreadable e-mail: no message headers")
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        raise SourceError("no text in the e-mail: it has no HTML or plain text part")
    content = _content(part)
    if part.get_content_subtype() == "html":
        page = html.page_text(content)
        text, links, url, bold = page.text, page.links, page.url, page.bold_lines
    else:
        text = content.replace("\r\n", "\n").replace("\r", "\n")
        links, url, bold = [], None, []
    if not text.strip():
        raise SourceError("no text in the e-mail: its body is empty")
    return SourceText(
        name=name,
        data=data,
        text=text,
        media_type=MEDIA_TYPE,
        links=links,
        url=url,
        bold_lines=bold,
        message_id=(message.get("Message-ID") or "").strip() or None,
        sender=_sender(message),
        sent_at=_date(message),
    )


def _content(part) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset
        return part.get_payload(decode=True).decode("utf-8", errors="replace")


def _sender(message: EmailMessage) -> str | None:
    try:
        display, address = parseaddr(str(message.get("From") or ""))
    except (TypeError, ValueError):
        return None
    if display and address:
        return f"{display} <{address}>"
    return address or display or None


def _date(message: EmailMessage):
    try:
        return parsedate_to_datetime(str(message.get("Date")))
    except (TypeError, ValueError):
        return None
