"""``manage.py export_archive [--output FILE]``: write the whole archive as JSON Lines.

The format is in docs/archive-format.md. Without ``--output`` the archive goes to
standard output and the summary to standard error, so the two never mix; a reader
that stops early (``export_archive | head``) ends the export quietly. With
``--output``, an interrupted export (an error, Ctrl-C, SIGTERM) leaves no file
behind.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from briefings.dump import Progress, write_archive
from briefings.dump.export import CHUNK_SIZE


class Command(BaseCommand):
    help = "Export the whole archive (briefings, articles, claims, editors' work) as JSON Lines."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output", "-o", help="file to write (default: standard output)"
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show a progress bar on standard error even when it is not a terminal",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=CHUNK_SIZE,
            help=f"briefings read at a time (default {CHUNK_SIZE})",
        )

    def handle(self, *args, **options) -> None:
        if options["chunk_size"] < 1:
            raise CommandError("--chunk-size must be at least 1")
        show = options["progress"] or sys.stderr.isatty()
        progress = Progress(sys.stderr if show else None, None, "briefings")
        output = options["output"]
        if output:
            counts = write_file(Path(output), progress, options["chunk_size"])
            report = self.stdout
        else:
            try:
                counts = write_stdout(progress, options["chunk_size"])
            except BrokenPipeError:
                stop_quietly()
            report = self.stderr
        if show:
            progress.close()
        report.write(counts.summary("Exported"))


def write_stdout(progress: Progress, chunk_size: int):
    """Write to standard output as UTF-8 whatever the locale says."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # already a text stream without bytes underneath
        return write_archive(sys.stdout, chunk_size=chunk_size, progress=progress)
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        return write_archive(out, chunk_size=chunk_size, progress=progress)
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open


def stop_quietly() -> None:
    """The reader of standard output went away (``| head``): stop without a
    traceback, and without Python's own complaint when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    raise SystemExit(1)


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so the temporary file is removed."""


@contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While writing the file, SIGTERM raises ``Terminated`` instead of ending the
    process on the spot (which would leave the temporary file behind)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return

    def terminate(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let cleanup finish
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_file(path: Path, progress: Progress, chunk_size: int):
    """Write to a temporary file beside ``path``, then rename: never half a file,
    and no temporary file left however the export ends (but ``kill -9``)."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise CommandError(f"{path}: no such folder {folder}")
    with sigterm_unwinds():
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                counts = write_archive(out, chunk_size=chunk_size, progress=progress)
            os.replace(temporary, path)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if isinstance(error, (Terminated, KeyboardInterrupt)):
                stopped = "SIGTERM" if isinstance(error, Terminated) else "Ctrl-C"
                raise CommandError(
                    f"{path}: export stopped ({stopped}); nothing was written",
                    returncode=130 if stopped == "Ctrl-C" else 143,
                ) from None
            raise
    return counts
