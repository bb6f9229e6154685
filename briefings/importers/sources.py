"""Which files an import reads: the files named, and the briefing texts in the
folders named, walked without following symbolic links (unless asked to).

A folder that cannot be read is a failure, never an empty folder; a link inside a
folder is reported as skipped, since it may point anywhere on the machine (a
``notes.txt`` pointing at ``/etc/passwd``). Whether a file is a regular file, and
how large it is, is checked when it is opened (``decode.read_source``), since a
folder's listing can change before then.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .inputs import SUFFIXES

SOURCE_SUFFIXES = SUFFIXES  # text, web pages, PDFs, e-mails, mailboxes
FAILED, SKIPPED = "failed", "skipped"


@dataclass(frozen=True)
class Candidate:
    """A file to import, or a path that will not be, with the status and reason."""

    path: Path
    status: str = ""  # "" to import, else FAILED or SKIPPED
    reason: str = ""
    follow: bool = True  # open it through a link (named by the operator, or allowed)


class NoSuchPath(Exception):
    """A path named on the command line does not exist."""


def find_sources(paths: list[str], *, follow_symlinks: bool) -> list[Candidate]:
    """The files named, then the briefing texts inside each folder named, in a
    stable order; a path named that is a link is followed (the operator chose it)."""
    found: list[Candidate] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += walk(path, follow_symlinks, set())
        elif path.exists() or path.is_symlink():
            found.append(Candidate(path))
        else:
            raise NoSuchPath(f"{raw}: no such file or folder")
    return found


def walk(folder: Path, follow: bool, seen: set[tuple[int, int]]) -> Iterator[Candidate]:
    """The folder's briefing texts and sub-folders, depth first, by name; hidden
    entries (a name starting with ".") are left out."""
    try:
        identity = os.stat(folder)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Candidate(folder, FAILED, f"cannot read folder: {error.strerror}")
        return
    seen.add((identity.st_dev, identity.st_ino))
    for entry in entries:
        path = Path(entry.path)
        wanted = path.suffix.lower() in SOURCE_SUFFIXES
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not follow:
            if wanted or entry.is_dir():
                yield Candidate(path, SKIPPED, link_reason(path))
            continue
        if entry.is_dir():
            if linked_back(path, seen):
                yield Candidate(path, SKIPPED, "a folder already read, reached again")
            else:
                yield from walk(path, follow, seen)
        elif wanted:
            yield Candidate(path, follow=follow)


def link_reason(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return (
        f"a symbolic link (to {target}): links inside folders are not followed "
        "without --follow-symlinks"
    )


def linked_back(path: Path, seen: set[tuple[int, int]]) -> bool:
    """A folder already being walked, reached again through a link (a loop)."""
    try:
        identity = os.stat(path)
    except OSError:
        return False  # walk() reports it when it cannot list it
    return (identity.st_dev, identity.st_ino) in seen
