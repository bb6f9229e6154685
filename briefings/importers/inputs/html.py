"""Web pages and e-mails' HTML parts, read with lxml: the page's main content as
one block per line, list items as ``- `` lines, links as hints.

lxml parses the broken markup real pages and newsletters carry the way browsers do
(libxml2's HTML parser); the walk below keeps only what the parsers use. Hidden
elements (an e-mail's preheader), scripts, styles, forms and navigation are dropped.

Emphasis that carries structure is kept as a hint: a line wholly in bold (``<b>``,
``<strong>``, a bold ``font-weight``), as newsletters mark their item titles and
bylines, is a block of its own and its line number travels beside the text
(``Page.bold_lines``; ``source.parse_source`` hands it to the structural reader).
Bold inside a line (a name, a lead-in such as "Beijing:" before its sentence), bold
in headings and list items (they are marked already) and italics (titles of works,
outlets, foreign words) carry no structure and are flattened. An empty line
(``<br><br>``, e-mails' paragraph break) ends a block, as a blank line does in text.
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
BOLD_TAGS = frozenset(["b", "strong"])
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.I)
# Blocks that are marked as what they are: bold in them says nothing more.
MARKED_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "th"])
MAX_BOLD_WORDS = 25  # longer bold text is a stressed paragraph, not a title
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
    bold_lines: list[int] = field(default_factory=list)


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
            bold_lines=page.bold_lines,
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
    text, links, bold_lines = walker.text()
    if not text.strip():
        raise SourceError("empty page: the HTML shows no text")
    return Page(text=text, links=links, url=url, bold_lines=bold_lines)


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
    bold: bool = False  # one line, wholly in bold


def _is_item(block: _Block) -> bool:
    return block.text.startswith("- ")


def _is_bold(element) -> bool:
    return element.tag in BOLD_TAGS or bool(
        BOLD_STYLE.search(element.get("style") or "")
    )


def _lines(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The inline text's lines, each with whether all its words are bold."""
    lines: list[tuple[list[str], set[bool]]] = [([], set())]
    for text, bold in parts:
        for n, piece in enumerate(text.split(BREAK)):
            if n:
                lines.append(([], set()))
            lines[-1][0].append(piece)
            if piece.strip():
                lines[-1][1].add(bold)
    return [(collapse_whitespace("".join(t)), looks == {True}) for t, looks in lines]


def _blocks(lines: list[tuple[str, bool]], marked: bool) -> list[tuple[str, bool]]:
    """Lines grouped into blocks, each with whether it is a bold line: an empty line
    ends a block, and a wholly bold line of a title's length is one of its own."""
    blocks: list[tuple[list[str], bool]] = [([], False)]
    for line, bold in lines:
        if bold and not marked and len(line.split()) <= MAX_BOLD_WORDS:
            blocks += [([line], True), ([], False)]
        elif line:
            blocks[-1][0].append(line)
        elif blocks[-1][0]:
            blocks.append(([], False))
    return [("\n".join(block), bold) for block, bold in blocks if block]


class _Walker:
    """Collects blocks of inline text, each with the links it shows."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.blocks: list[_Block] = []
        self.parts: list[tuple[str, bool]] = []  # inline text, and whether bold
        self.links: list[tuple[str, str]] = []
        self.list_depth = 0
        self.bold_depth = 0
        self.marked = False  # in a heading or list item
        self.prefix = ""

    def flush(self) -> None:
        blocks = _blocks(_lines(self.parts), self.marked or bool(self.prefix))
        texts = [text for text, _ in blocks]
        for n, (text, bold) in enumerate(blocks):
            # each link goes with the first block that shows it
            links = [
                (label, url)
                for label, url in self.links
                if label in text
                or (n == 0 and not any(label in other for other in texts))
            ]
            prefix = self.prefix if n == 0 else ""
            self.blocks.append(_Block(prefix + text, links, bold))
        self.parts, self.links, self.prefix = [], [], ""

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TAGS or not tag or _is_hidden(element):
            self._text(element.tail)
            return
        bold = _is_bold(element)
        self.bold_depth += bold
        if tag == "br":
            self._text(BREAK)
        elif tag == "a" and element.get("href"):
            self._link(element)
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag == "li":
                self.prefix = "- "
            self.list_depth += tag == "li"
            outer, self.marked = self.marked, self.marked or tag in MARKED_TAGS
            self._text(element.text)
            for child in element:
                self.walk(child)
            self.list_depth -= tag == "li"
            self.flush()
            self.marked = outer
        else:
            self._text(element.text)
            for child in element:
                self.walk(child)
        self.bold_depth -= bold
        self._text(element.tail)

    def _text(self, text: str | None) -> None:
        if text == BREAK:
            self.parts.append((BREAK, False))
        elif text:
            self.parts.append((text.replace("\n", " "), self.bold_depth > 0))

    def _link(self, element) -> None:
        label = collapse_whitespace(element.text_content())
        url = urljoin(self.base, element.get("href").strip())
        if self.list_depth and label:
            self._text(f"[{label}]({element.get('href').strip()})")
        elif label in (url, element.get("href").strip()):
            self._text(f"<{url}>")
        else:
            self._text(label)
        self.links.append((label, url))

    def text(self) -> tuple[str, list[Link], list[int]]:
        """The blocks joined, one per line with a blank line between, the links
        with the line that shows them, and the lines wholly in bold."""
        lines: list[str] = []
        links: list[Link] = []
        bold_lines: list[int] = []
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
            if block.bold:
                bold_lines.append(first)
            lines += block_lines
            if not (_is_item(block) and following and _is_item(following)):
                lines.append("")  # a list's items stay together, as in text
        return "\n".join(lines), links, bold_lines
