"""Turning a plain-text briefing into the files people receive: a web page and a PDF
(made here with reportlab), so a test can check both read back to the same records."""

from __future__ import annotations

import io
import re
from html import escape

MARKDOWN_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)")
URL_LINE = re.compile(r"^<(https?://[^\s>]+)>$")


def inline_html(text: str) -> str:
    """A line's text as HTML, its markdown links and ``<url>``s as anchors."""
    out, last = [], 0
    for match in MARKDOWN_LINK.finditer(text):
        out.append(escape(text[last : match.start()]))
        label = match.group(1).replace("\\(", "(").replace("\\)", ")")
        out.append(f'<a href="{escape(match.group(2))}">{escape(label)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    html = "".join(out)
    if url := URL_LINE.match(text.strip()):
        html = f'<a href="{escape(url.group(1))}">{escape(url.group(1))}</a>'
    return html


def text_to_html(text: str, *, title: str = "Briefing", head: str = "") -> str:
    """A page with one element per line: the first a heading, ``- `` lines a list."""
    body: list[str] = []
    in_list = False
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        is_item = line.startswith("- ")
        if in_list and not is_item:
            body.append("</ul>")
        if is_item and not in_list:
            body.append("<ul>")
        in_list = is_item
        if is_item:
            body.append(f"<li>{inline_html(line[2:])}</li>")
        elif number == 0:
            body.append(f"<h1>{inline_html(line)}</h1>")
        else:
            body.append(f"<p>{inline_html(line)}</p>")
    if in_list:
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{head}"
        "<style>p { margin: 0 }</style><script>var tracking = 1;</script></head>\n"
        '<body><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>\n<main>\n'
        + "\n".join(body)
        + "\n</main></body></html>\n"
    )


def text_to_pdf(text: str) -> bytes:
    """A PDF with every line of text a paragraph, set in a font that has Chinese."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    # A standard Adobe CJK font: no font file needed, and its Unicode encoding lets
    # PDF readers map the glyphs back to characters.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body",
        fontName="STSong-Light",
        fontSize=9,
        leading=11,
        spaceAfter=8,
        splitLongWords=0,
    )
    buffer = io.BytesIO()
    # Paragraphs are kept whole on a page: where a paragraph breaks across pages,
    # only a reader of its sense can tell that it goes on.
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title="Briefing", allowSplitting=0
    )
    document.build(
        [Paragraph(escape(line), style) for line in text.splitlines() if line.strip()]
    )
    return buffer.getvalue()
