"""Items found from repetition: a block shape that recurs is an item.

Every heading-shaped line (or numbered line) is a candidate item title. Its shape is
what can be seen of it: its numbering style, markdown level, whether the line itself
carries an outlet or date ("Title (Xinhua)"), and what kind of line follows it (a
date, a metadata line, a link, prose). The shape that recurs most often, and that
marks items rather than subheadings (it carries metadata, is numbered, or heads
short teasers), is the item shape of this text; nothing is assumed about which
shape a publisher uses. Other heading lines directly before an item are section
headings. Text before the first item is the briefing's head.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text import comparable
from . import catalogue
from .dates import find_dates
from .roles import SOURCE_LABEL, Unit, is_issue_line, wire_dateline
from .titles import TitleParts, split_title

META_ROLES = ("date", "meta", "names")
HEADING_ROLES = ("heading", "names")
MIN_ITEMS = 2
_METADATA_FOLLOWERS = ("meta", "issue", "above", "url")
MIN_TITLE_WORDS = 3
MAX_LEADING_LINES = 3  # rubric, date and byline lines above a title
MAX_RUBRIC_WORDS = 3
LEADING_SHARE = 0.8  # of items with metadata above the title, for it to be theirs
MAX_HEAD_UNITS = 12  # an issue line this near the top closes the briefing's head
MIN_TEASERS = 3  # bare headings over prose are items only in a listing this long
MAX_TEASER_PARAGRAPHS = 1.5  # mean paragraphs under a teaser heading
BODY_WORDS = 20  # a prose line this long is a paragraph of a text, not of its head


@dataclass
class Segment:
    """One item: its title line, parsed title, units and section."""

    title_unit: Unit
    parts: TitleParts
    units: list[Unit] = field(default_factory=list)  # after the title line
    before: list[Unit] = field(default_factory=list)  # metadata placed above the title
    section: str | None = None


@dataclass
class Layout:
    head: list[Unit]
    segments: list[Segment]
    shape: tuple
    sections: int = 0


# "Bloomberg: A report says ... Is there a new ban?": a turn of a dialogue
_DIALOGUE_TURN = re.compile(r"^[^:?]{2,40}:(?:\s+\S+){6,}\?$")


def _is_candidate(unit: Unit, following: Unit | None, lone_issue: bool) -> bool:
    if _DIALOGUE_TURN.match(unit.text):
        return False
    if lone_issue and following is not None and following.role == "issue":
        return False  # a masthead over its issue line
    if unit.role == "heading":
        # a word or two is a section or menu entry, unless numbered or sourced
        return len(unit.text.split()) >= MIN_TITLE_WORDS or bool(unit.numbering)
    if unit.numbering and unit.role in ("prose", "list"):
        return True
    if unit.role in ("list", "prose"):
        parts = split_title(unit.text)
        # a listed source or a reference ('Names, "Title", Journal ...')
        return bool(parts.outlet or parts.date) and (
            unit.role == "list" or parts.quoted
        )
    return False


def _issue_line(units: list[Unit]) -> int:
    """Index of the last issue line or contents label near the top (the head ends
    there), else -1."""
    end = -1
    lone = sum(is_issue_line(u.text) for u in units) == 1  # several: items' own
    for index, unit in enumerate(units[:MAX_HEAD_UNITS]):
        issue = lone and is_issue_line(unit.text)
        listed = [u.role for u in units[index + 1 : index + 3]] == ["heading"] * 2
        if issue or (unit.role == "contents" and listed):
            end = index
    return end


def _next_kind(units: list[Unit], index: int) -> str:
    if index + 1 >= len(units):
        return "end"
    role = units[index + 1].role
    if role == "prose" and wire_dateline(units[index + 1].text):
        return "meta"  # a teaser opening with its wire's dateline
    if role == "date" and units[index + 1].meta.date.date is None:
        return "heading"  # a day without a year heads a section
    if role in META_ROLES or role == "issue":
        return "meta"  # an issue line under a title is the item's own number
    if units[index].numbering and units[index + 1].numbering == units[index].numbering:
        return "sibling"  # the next numbered entry
    return role


def _is_dated(unit: Unit) -> bool:
    """A line of an item's own metadata: a byline or a date with its year (a line
    naming only an outlet may be the masthead)."""
    if unit.role == "meta":
        return bool(unit.meta.authors or unit.meta.date)
    return unit.role == "date" and unit.meta.date.date is not None


def _shape(units: list[Unit], index: int, parts: TitleParts) -> tuple:
    unit = units[index]
    inline = bool(parts.outlet or parts.date or parts.authors)
    following = _next_kind(units, index)
    previous = units[index - 1] if index else None
    if previous is not None and _is_dated(previous) and not unit.blank_before:
        # the item's metadata stands over its title, unless a teaser opening with
        # its wire's dateline follows it
        wired = following == "meta" and units[index + 1].role == "prose"
        following = following if wired else "above"
    if unit.numbering:
        # numbered: an item unless another heading follows (a contents list); a
        # numbered line carrying its own excerpt is an item whatever follows it
        contents = following == "heading" and unit.role != "prose"
        following = "heading" if contents else "content"
        inline = None
    elif inline:
        following = "any"  # a title that names its source is an item
    return (unit.numbering, unit.md_level, unit.bold, inline, following)


def _marks_items(shape: tuple, count: int, teaser_mean: float) -> bool:
    numbering, _, _, inline, following = shape
    if count < MIN_ITEMS:
        return False
    if inline or following in ("meta", "url", "above", "issue"):
        return True
    if numbering:
        return following == "content"
    return (
        following == "prose"
        and count >= MIN_TEASERS
        and teaser_mean <= MAX_TEASER_PARAGRAPHS
    )


def _teaser_mean(units: list[Unit], starts: list[int]) -> float:
    """Mean number of prose lines between consecutive candidates of one shape."""
    bounds = [*starts, len(units)]
    sizes = [
        sum(u.role == "prose" for u in units[a + 1 : b])
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]
    return sum(sizes) / len(sizes) if sizes else 0.0


def _recurring_issue_lines(units: list[Unit]) -> None:
    """Issue numbers on several lines belong to items: under a title they are its
    metadata ("N° 1001 – 4-8.3.2024"), else they are titles ("China Reform Monitor
    No. 1502")."""
    issues = [i for i, u in enumerate(units) if u.role == "issue"]
    if len({comparable(units[i].text) for i in issues}) < MIN_ITEMS:
        return  # one issue line repeated (a masthead shown twice) is no item
    for index in issues:
        unit = units[index]
        under_title = index > 0 and units[index - 1].role == "heading"
        if not (under_title and not unit.blank_before):
            unit.role = "heading"  # an issue line under a title stays its metadata


def find_layout(units: list[Unit]) -> Layout | None:
    """The items of a text, or None when no block shape recurs as items."""
    attributed = attributed_items(units)
    if attributed is not None:
        return attributed
    _recurring_issue_lines(units)
    lone_issue = sum(u.role == "issue" for u in units) == 1
    nexts = [*units[1:], None]
    head_end = _issue_line(units)
    parts = {
        i: split_title(u.text)
        for i, u in enumerate(units)
        if i > head_end and _is_candidate(u, nexts[i], lone_issue)
    }
    shapes = {i: _shape(units, i, p) for i, p in parts.items()}
    counts = Counter(shapes.values())
    # the most frequent shape; of equals, one that shows its metadata
    ranked = sorted(
        counts.items(),
        key=lambda kv: (-kv[1], not kv[0][3], kv[0][4] not in _METADATA_FOLLOWERS),
    )
    for shape, count in ranked:
        starts = [i for i, s in shapes.items() if s == shape]
        if _marks_items(shape, count, _teaser_mean(units, starts)) or (
            shape[4] == "prose" and _sourced_blocks(units, starts)
        ):
            starts = _add_bare_titles(units, starts, parts, shape)
            starts = _first_item_above(units, starts, parts, shape, head_end)
            return _segment(units, starts, parts, shape)
    # headings of different looks ("Xinhua: Title", a title naming no known outlet)
    # whose blocks all close with their source are the items of a digest as well
    starts = sorted(shapes)
    if _sourced_blocks(units, starts) and len(starts) >= MIN_ITEMS:
        return _segment(units, starts, parts, (None, 0, False, False, "prose"))
    return _untitled_items(units)


# "Reuters reports: ...", "The Economist argues: ...", "According to Caixin, ...":
# an outlet, a reporting verb and what it says
_ATTRIBUTED = re.compile(
    r"^(?:according to\s+(?P<according>[^,:]{2,60}?)\s*,"
    r"|(?P<outlet>[^,:\"“]{2,60}?)\s+(?:also\s+|further\s+|separately\s+|meanwhile\s+)?(?:reports|reported|says|said|writes"
    r"|wrote|comments|commented|argues|argued|notes|noted|adds|observes|claims"
    r"|quotes|cites|states|stated|warns|warned|editorializes|opines)\s*:)\s*\S",
    re.I,
)


def attributed_outlet(text: str) -> str | None:
    """The known outlet a paragraph is attributed to ("Reuters reports: ..."), or None."""
    match = _ATTRIBUTED.match(text)
    name = match and (match.group("according") or match.group("outlet"))
    return name.strip() if name and catalogue.is_outlet(name.strip()) else None


def attributed_items(units: list[Unit]) -> Layout | None:
    """Untitled items of a media report: paragraphs or bullets that each give what a
    known outlet reports ("Reuters reports: '...'", "According to Caixin, ...").

    They are items when at least two recur and nearly every paragraph between the
    first and the last of them is one (an essay citing outlets in passing is not).
    """
    starts = [
        i
        for i, u in enumerate(units)
        if u.role in ("list", "prose") and attributed_outlet(u.text)
    ]
    if len(starts) < MIN_ITEMS:
        return None
    between = [
        u
        for u in units[starts[0] : starts[-1] + 1]
        if u.role in ("list", "prose", "heading") and u.blank_before or u.role == "list"
    ]
    if len(starts) < LEADING_SHARE * len(between):
        return None
    if _has_paragraph(units[: starts[0]]):
        return None  # a story's own paragraphs come first: it cites outlets in passing
    segments = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(units)
        # the paragraph is the item's body: it has no title line of its own
        body = units[start:end] if end < len(units) else _until_gap(units[start:])
        parts = TitleParts(title="", outlet=attributed_outlet(units[start].text))
        segments.append(Segment(units[start], parts, body))
    return Layout(units[: starts[0]], segments, ("attributed",), 0)


def _has_paragraph(units: list[Unit]) -> bool:
    """Whether prose lines (a hard-wrapped paragraph counts whole) hold a paragraph."""
    words = 0
    for unit in units:
        words = words if not unit.blank_before else 0
        words += len(unit.text.split()) if unit.role == "prose" else 0
        if words >= BODY_WORDS:
            return True
    return False


def _until_gap(units: list[Unit]) -> list[Unit]:
    """The last item's lines: its paragraph and what clings to it (a footer after a
    gap is not part of it)."""
    kept = units[:1]
    for unit in units[1:]:
        if unit.blank_before or unit.number > kept[-1].number + 1:
            break  # a gap, or a noise line ("Back to top") between
        kept.append(unit)
    return kept


MAX_FIRST_TITLE_WORDS = 20


def _first_item_above(
    units: list[Unit],
    starts: list[int],
    parts: dict[int, TitleParts],
    shape: tuple,
    head_end: int,
) -> list[int]:
    """The first item, when its title did not read as a heading ("Taiwan Feels
    Forgotten. But Not By Trump." looks like prose) but its block has the shape of
    every item after it: its metadata would otherwise be read as the briefing's."""
    if not starts or shape[4] not in _METADATA_FOLLOWERS:
        return starts
    for index in range(starts[0] - 1, head_end, -1):
        unit = units[index]
        if unit.role in META_ROLES or not unit.blank_before:
            continue  # the block's metadata and teaser lines, up to its first line
        words = len(unit.text.split())
        title = split_title(unit.text)
        if (
            unit.role in ("prose", "heading")
            and MIN_TITLE_WORDS < words <= MAX_FIRST_TITLE_WORDS
            and _shape(units, index, title) == shape
        ):
            parts[index] = title
            return [index, *starts]
        return starts  # the nearest block above is not an item's
    return starts


def _sourced_blocks(units: list[Unit], starts: list[int]) -> bool:
    """Whether (nearly) every block under these headings closes with its source
    ("Source: Caixin"): summaries of other outlets' stories, however long, are the
    items of a digest; an essay's subheadings do not each end with a source."""
    if len(starts) < MIN_ITEMS:
        return False
    bounds = [*starts, len(units)]
    closed = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        block = units[a + 1 : b]
        while block and block[-1].role == "url":
            block = block[:-1]  # the original's web address under its source line
        last = block[-1] if block else None
        closed += bool(last and last.role == "meta" and last.meta.outlet)
    return closed >= MIN_ITEMS and closed >= LEADING_SHARE * len(starts)


def _untitled_items(units: list[Unit]) -> Layout | None:
    """Items without titles: a recurring block of bylines and a dated line over a
    teaser (a listing whose titles were image links)."""
    blocks: list[list[Unit]] = []
    for unit in units:
        in_block = (
            blocks and not unit.blank_before and blocks[-1][-1].role in META_ROLES
        )
        # a block starts after a gap, or where metadata follows a teaser (listings
        # copied without blank lines between their items)
        after_teaser = bool(blocks) and blocks[-1][-1].role not in META_ROLES
        if unit.role in META_ROLES and (
            unit.blank_before or not blocks or after_teaser
        ):
            blocks.append([unit])
        elif in_block and unit.role in META_ROLES or blocks:
            blocks[-1].append(unit)
    dated = [
        b for b in blocks if any(_is_dated(u) for u in b) and b[-1].role == "prose"
    ]
    if len(dated) < MIN_TEASERS:
        return None
    blocks = blocks[blocks.index(dated[0]) :]  # what comes before is the head
    if len(dated) * 2 < len(blocks):
        return None
    segments = []
    for block in blocks:
        meta = [u for u in block if u.role in META_ROLES]
        rest = [u for u in block if u.role not in META_ROLES]
        segments.append(Segment(block[0], TitleParts(title=""), rest, meta))
    head_end = units.index(blocks[0][0])
    return Layout(units[:head_end], segments, ("untitled",), 0)
    return None


def _add_bare_titles(
    units: list[Unit], starts: list[int], parts: dict[int, TitleParts], shape: tuple
) -> list[int]:
    """Items of the same listing that lack the metadata the others show.

    In a listing of teasers an item without a byline (an editor's note) still
    starts after a gap with a heading line over prose, after the previous item's
    teaser. Only for listings whose items hold short teasers.
    """
    if shape[4] not in ("meta", "prose") or _teaser_mean(units, starts) > 2:
        return starts
    # the other kind of follower: prose where items show metadata, or the reverse
    other = {"meta": ("prose",), "prose": ("meta", "date", "names")}[shape[4]]
    extra = []
    for index in parts:
        if index in starts or index < starts[0] or index + 1 >= len(units):
            continue
        unit, previous = units[index], units[index - 1]
        same_look = (unit.numbering, unit.md_level, unit.bold) == shape[:3]
        # after the previous teaser, maybe with this item's rubric between ("• Q&A")
        rubric = (
            previous.role in ("list", "heading")
            and len(previous.text.split()) <= MAX_RUBRIC_WORDS
            and index >= 2
            and units[index - 2].role == "prose"
        )
        if (
            same_look
            and unit.blank_before
            and (previous.role == "prose" or rubric)
            and units[index + 1].role in other
        ):
            extra.append(index)
    return sorted([*starts, *extra])


def _segment(
    units: list[Unit], starts: list[int], parts: dict[int, TitleParts], shape: tuple
) -> Layout:
    # names above a title may be a section heading, and so may a day without a year
    before_counts = sum(1 for i in starts if i > 0 and _is_dated(units[i - 1]))
    meta_above = shape[4] == "above" or (
        before_counts * 2 > len(starts) and shape[4] != "meta"
    )
    bounds = []
    for start in starts:
        first = start
        if meta_above:
            # the metadata block above a title starts after a gap
            while (
                first > 0
                and (_is_dated(units[first - 1]) or units[first - 1].role in META_ROLES)
                and not units[first].blank_before
            ):
                first -= 1
        bounds.append((first, start))
    bounds = _move_leading_metadata(units, bounds)
    segments: list[Segment] = []
    section, sections = None, 0
    head_end = bounds[0][0]
    for number, (first, start) in enumerate(bounds):
        end = bounds[number + 1][0] if number + 1 < len(bounds) else len(units)
        body = units[start + 1 : end]
        body, heading = _split_section(body)
        segment = Segment(units[start], parts[start], body, units[first:start])
        segment.section = section
        segments.append(segment)
        if heading is not None:
            section, sections = heading, sections + 1
    head = units[:head_end]
    trimmed, first_section = _split_section(head)
    marked = bool(
        trimmed is not head and (head[-1].text.isupper() or head[-1].md_level)
    )
    if first_section is not None and (sections or marked):
        head, sections = trimmed, sections + 1
        for segment in segments:
            if segment.section is None:
                segment.section = first_section
            else:
                break
    return Layout(head, _drop_contents(segments), shape, sections)


def _leading_block(units: list[Unit], first: int, floor: int) -> int:
    """Start of the rubric and metadata lines right above units[first].

    A line that clings to the line above it (no blank line between) while a blank
    line sets it off from the title's block closes the item above: "(Reuters,
    03/27/23)" under the previous title, not over the next one.
    """
    start = first
    while (
        start - 1 > floor
        and first - start < MAX_LEADING_LINES
        and not (units[start].blank_before and not units[start - 1].blank_before)
        and (
            units[start - 1].role in ("date", "meta", "names")
            or (
                units[start - 1].role == "heading"
                and len(units[start - 1].text.split()) <= MAX_RUBRIC_WORDS
            )
        )
    ):
        start -= 1
    return start


def _move_leading_metadata(
    units: list[Unit], bounds: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Rubric and date lines set above every title belong to that title's item.

    When nearly every item is preceded by such a block (the previous item's body
    ends with it), the block recurs: it is the start of the next item.
    """
    tail = units[bounds[-1][1] + 1 :]
    if tail and all(u.role in META_ROLES for u in tail):
        return bounds  # the text ends with the last title's metadata: it is below
    moved = []
    for number, (first, start) in enumerate(bounds):
        floor = bounds[number - 1][1] if number else -1
        moved.append((_leading_block(units, first, floor), start))
    # the first item's block stands in the head: the share is counted after it
    blocks = sum(
        1
        for (a, _), (b, _) in zip(moved[1:], bounds[1:], strict=True)
        if any(_is_dated(u) for u in units[a:b])
    )
    if blocks < MIN_ITEMS or blocks < LEADING_SHARE * (len(bounds) - 1):
        return bounds
    # the first title has such a block too, or the first "item" is left with
    # nothing under it (it was a line of the head)
    emptied = len(moved) > 1 and moved[1][0] == bounds[0][1] + 1
    if emptied:
        return moved[1:]
    first, start = moved[0]
    return moved if any(_is_dated(u) for u in units[first:start]) else bounds


def _split_section(units: list[Unit]) -> tuple[list[Unit], str | None]:
    """Units without a trailing section heading, and that heading's text."""
    if not units:
        return units, None
    last = units[-1]
    # a lone known name ("Foreign Policy") between items is a section, not a source
    lone_name = (
        last.role == "meta"
        and last.meta
        and not (last.meta.date or last.meta.authors)
        and not SOURCE_LABEL.match(last.text)  # "Source: Caixin" closes its item
    )
    # a day without a year ("Monday, 4 March") over items is a section as well
    lone_name = lone_name or (last.role == "date" and last.meta.date.date is None)
    # a rubric bullet ("• Commentary") over the next title
    lone_name = lone_name or (last.role == "list" and len(last.text.split()) <= 3)
    # a section heading stands after a gap; a line right under a title is its byline
    is_heading = (
        (last.role in HEADING_ROLES or lone_name)
        and (last.blank_before or last.md_level)
        and (
            len(units) == 1
            or units[-2].role != "heading"
            or bool(last.md_level or last.numbering or last.text.isupper())
            or bool(find_dates(units[-2].text))  # under the dated masthead line
        )
    )
    if is_heading and len(last.text.split()) <= 8:
        return units[:-1], last.text.strip(" :")
    return units, None


def _drop_contents(segments: list[Segment]) -> list[Segment]:
    """Without a contents list: items with no body whose title recurs later."""
    titles = [comparable(s.parts.title) for s in segments]
    kept = []
    for index, segment in enumerate(segments):
        has_body = any(u.role in ("prose", "list") for u in segment.units)
        if not has_body and titles[index] in titles[index + 1 :]:
            continue
        kept.append(segment)
    return kept
