"""Web pages and e-mails' HTML parts, read with lxml: the page's main content as
one block per line, list items as ``- `` lines, links as hints.

lxml parses the broken markup real pages and newsletters carry the way browsers do
(libxml2's HTML parser); the walk below keeps only what the parsers use. Hidden
elements (an e-mail's preheader), scripts, styles, forms and navigation are dropped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..decode import SourceError, decode_bytes
from ..text import collapse_whitespace
from .source import Link, SourceText

MEDIA_TYPE = "text/html"

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIPPED_TAGS = frozenset(
    [
        "button",
        "form",
        "head",
        "iframe",
        "input",
        "nav",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
    ]
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
HTML_START = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
BREAK = "\n"


def sniff(head: bytes) -> bool:
    """Whether bytes start like an HTML document."""
    return bool(HTML_START.match(head))


@dataclass
class Page:
    """A page turned into text: the text, its links and its canonical address."""

    text: str
    links: list[Link] = field(default_factory=list)
    url: str | None = None


def decode_page(data: bytes) -> str:
    """The page's characters: the charset it declares, else as a text file."""
    if declared := CHARSET.search(data[:4096]):
        try:
            return data.decode(codecs.lookup(declared.group(1).decode()).name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def read(name: str, data: bytes) -> list[SourceText]:
    """A saved web page as one briefing text."""
    page = page_text(decode_page(data))
    return [
        SourceText(
            name=name,
            data=data,
            text=page.text,
            media_type=MEDIA_TYPE,
            links=page.links,
            url=page.url,
        )
    ]


def page_text(markup: str, base_url: str | None = None) -> Page:
    """The main content of an HTML document as parser text with link hints."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str + declaration
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        raise SourceError("unreadable page: no HTML document in it") from None
    url = canonical_url(root)
    base = (root.xpath("//base/@href") or [url or base_url or ""])[0]
    walker = _Walker(base)
    walker.walk(main_content(root))
    walker.flush()
    text, links = walker.text()
    if not text.strip():
        raise SourceError("empty page: the HTML shows no text")
    return Page(text=text, links=links, url=url)


def canonical_url(root) -> str | None:
    """The page's own address: ``<link rel=canonical>``, else ``og:url``."""
    for xpath in (
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href",
        "//meta[@property='og:url']/@content",
    ):
        for value in root.xpath(xpath):
            if value.strip().startswith(("http://", "https://")):
                return value.strip()
    return None


def main_content(root):
    """``<main>``, else the page's only ``<article>``, else the body."""
    for xpath in ("//main", "//*[@role='main']"):
        if found := root.xpath(xpath):
            return found[0]
    articles = root.xpath("//article")
    if len(articles) == 1:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


def _is_hidden(element) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(HIDDEN_STYLE.search(element.get("style") or ""))
    )


@dataclass
class _Block:
    text: str
    links: list[tuple[str, str]]


def _is_item(block: _Block) -> bool:
    return block.text.startswith("- ")


class _Walker:
    """Collects blocks of inline text, each with the links it shows."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.blocks: list[_Block] = []
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.list_depth = 0
        self.prefix = ""

    def flush(self) -> None:
        lines = [collapse_whitespace(line) for line in "".join(self.parts).split(BREAK)]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(_Block(self.prefix + text, self.links))
        self.parts, self.links, self.prefix = [], [], ""

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TAGS or not tag or _is_hidden(element):
            self._text(element.tail)
            return
        if tag == "br":
            self.parts.append(BREAK)
        elif tag == "a" and element.get("href"):
            self._link(element)
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag == "li":
                self.prefix = "- "
            self.list_depth += tag == "li"
            self._text(element.text)
            for child in element:
                self.walk(child)
            self.list_depth -= tag == "li"
            self.flush()
        else:
            self._text(element.text)
            for child in element:
                self.walk(child)
        self._text(element.tail)

    def _text(self, text: str | None) -> None:
        if text:
            self.parts.append(text.replace("\n", " "))

    def _link(self, element) -> None:
        label = collapse_whitespace(element.text_content())
        url = urljoin(self.base, element.get("href").strip())
        if self.list_depth and label:
            self.parts.append(f"[{label}]({element.get('href').strip()})")
        elif label in (url, element.get("href").strip()):
            self.parts.append(f"<{url}>")
        else:
            self.parts.append(label)
        self.links.append((label, url))

    def text(self) -> tuple[str, list[Link]]:
        """The blocks joined, one per line with a blank line between, and the links
        with the line that shows them."""
        lines: list[str] = []
        links: list[Link] = []
        for block, following in zip(
            self.blocks, [*self.blocks[1:], None], strict=False
        ):
            first = len(lines) + 1
            block_lines = block.text.split("\n")
            for label, url in block.links:
                offset = next(
                    (
                        i
                        for i, line in enumerate(block_lines)
                        if label and label in line
                    ),
                    0,
                )
                links.append(Link(first + offset, label, url))
            lines += block_lines
            if not (_is_item(block) and following and _is_item(following)):
                lines.append("")  # a list's items stay together, as in text
        return "\n".join(lines), links
