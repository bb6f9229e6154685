"""What the archive commands tell the operator: a progress bar and a summary."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields
from typing import TextIO

BAR_WIDTH = 30
REDRAW_SECONDS = 0.2


@dataclass
class Counts:
    """How many records an export wrote or an import read."""

    briefings: int = 0
    articles: int = 0
    claims: int = 0
    people: int = 0
    topics: int = 0
    publications: int = 0
    figures: int = 0
    review_items: int = 0
    started: float = field(default_factory=time.monotonic, repr=False)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.repr}

    def summary(self, verb: str) -> str:
        """E.g. "Exported 5 briefings, 120 articles, … in 1.2 s (4.1 briefings/s)."."""
        seconds = max(time.monotonic() - self.started, 1e-6)
        parts = ", ".join(
            f"{count:,} {name.replace('_', ' ')}"
            for name, count in self.as_dict().items()
        )
        rate = self.briefings / seconds
        return f"{verb} {parts} in {seconds:.1f} s ({rate:,.1f} briefings/s)."


class Progress:
    """A one-line progress bar redrawn in place; silent when not enabled."""

    def __init__(self, stream: TextIO | None, total: int | None, unit: str) -> None:
        self.stream, self.total, self.unit = stream, total, unit
        self.drawn_at = 0.0

    def update(self, done: int, count: int, *, force: bool = False) -> None:
        """Show ``done`` of ``total`` (bytes or records) and ``count`` briefings."""
        now = time.monotonic()
        if self.stream is None or (not force and now - self.drawn_at < REDRAW_SECONDS):
            return
        self.drawn_at = now
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            line = f"[{bar}] {share:4.0%} {count:,} {self.unit}"
        else:
            line = f"{count:,} {self.unit}"
        self.stream.write("\r" + line)
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
