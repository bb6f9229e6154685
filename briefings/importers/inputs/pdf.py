"""PDFs (their text layer), read with pypdf: lines in reading order, joined back into
paragraphs by their spacing, one paragraph per line.

pypdf reports every piece of text with its position; a gap between two lines wider
than the usual line spacing starts a new paragraph, as a reader sees it. A paragraph
running over a page break continues when the page's last line does not end a
sentence and the next page starts in lower case. A PDF without a text layer (a scan)
is refused: reading it would need OCR.
"""

from __future__ import annotations

import io
import statistics
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..decode import SourceError
from ..text import collapse_whitespace, ends_sentence
from .source import SourceText

MEDIA_TYPE = "application/pdf"
PARAGRAPH_GAP = 1.4  # times the line spacing: a wider gap starts a paragraph
LEADING = 1.25  # a paragraph's line spacing is at most this many times its font size


@dataclass
class _Line:
    y: float
    size: float  # the font size, in the same units as y
    text: str


def read(name: str, data: bytes) -> list[SourceText]:
    """A PDF's text layer as one briefing text."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise SourceError("encrypted PDF: save it without a password first")
        pages = [page_lines(page) for page in reader.pages]
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise SourceError(f"unreadable PDF: {error}") from None
    paragraphs = join_pages([paragraphs_of(lines) for lines in pages])
    if not paragraphs:
        raise SourceError("no text layer: the PDF shows no text (a scan needs OCR)")
    text = "\n\n".join(paragraphs) + "\n"
    return [SourceText(name=name, data=data, text=text, media_type=MEDIA_TYPE)]


def page_lines(page) -> list[_Line]:
    """The page's lines of text, top to bottom, with their height on the page."""
    lines: list[_Line] = []

    def visit(text, cm, tm, font, size) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1
        for piece in text.split("\n"):
            if not piece.strip():
                continue
            if lines and abs(lines[-1].y - y) < 1:  # the same line, another run
                lines[-1].text += piece
            else:
                lines.append(_Line(y, size * scale, piece))

    page.extract_text(visitor_text=visit)
    return lines


def paragraphs_of(lines: list[_Line]) -> list[str]:
    """A page's lines grouped into paragraphs by the gaps between them: the line
    spacing is the tightest gap, unless every line is a paragraph of its own."""
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:], strict=False) if a.y > b.y]
    sizes = [line.size for line in lines if line.size > 0]
    spacing = min(gaps, default=0)
    if sizes:
        spacing = min(spacing or float("inf"), statistics.median(sizes) * LEADING)
    paragraphs: list[list[str]] = []
    previous = None
    for line in lines:
        new = previous is None or not 0 < previous.y - line.y <= spacing * PARAGRAPH_GAP
        if new:
            paragraphs.append([])
        paragraphs[-1].append(line.text.strip())
        previous = line
    return [collapse_whitespace(join_lines(p)) for p in paragraphs if any(p)]


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one: a space between them, except where a line was
    wrapped inside Chinese or Japanese text, which has no spaces between words."""
    text = ""
    for line in lines:
        if text and not (_is_wide(text[-1]) and _is_wide(line[:1])):
            text += " "
        text += line
    return text


def _is_wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def join_pages(pages: list[list[str]]) -> list[str]:
    """The pages' paragraphs, a paragraph broken by a page break joined again."""
    joined: list[str] = []
    for paragraphs in pages:
        for number, paragraph in enumerate(paragraphs):
            if (
                number == 0
                and joined
                and not ends_sentence(joined[-1])
                and paragraph[:1].islower()
            ):
                joined[-1] = f"{joined[-1]} {paragraph}"
            else:
                joined.append(paragraph)
    return joined
