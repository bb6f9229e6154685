"""``manage.py import_archive FILE``: load an archive written by ``export_archive``.

Into an empty database only (after ``migrate``), all or nothing: a bad line stops
the import with its number and the reason, and the database is left as it was. An
archive whose trailer is missing or does not match its lines (cut short, changed) is
refused the same way unless ``--allow-partial``. The search index and vocabulary are
rebuilt afterwards. ``-`` reads standard input.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack

from django.core.management.base import BaseCommand, CommandError

from briefings.dump import ArchiveError, NotEmpty, Progress, restore_archive
from briefings.dump.write import BATCH_ROWS

UNCHANGED = "Nothing was imported; the database is unchanged."


class Command(BaseCommand):
    help = "Import an archive file (JSON Lines from export_archive) into an empty database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the archive file, or - for standard input")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check every line and rehearse the writes, then roll back",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show a progress bar on standard error even when it is not a terminal",
        )
        parser.add_argument(
            "--allow-partial",
            action="store_true",
            help="import an archive without a matching trailer (cut short or "
            "changed), with a warning",
        )
        parser.add_argument(
            "--batch-rows",
            type=int,
            default=BATCH_ROWS,
            help=f"rows collected before each batch of inserts (default {BATCH_ROWS})",
        )

    def handle(self, *args, **options) -> None:
        show = options["progress"] or sys.stderr.isatty()
        with ExitStack() as stack:
            lines, size = self.open(options["file"], stack)
            progress = Progress(sys.stderr if show else None, size, "briefings")
            try:
                counts = restore_archive(
                    lines,
                    progress=progress,
                    dry_run=options["dry_run"],
                    batch_rows=max(1, options["batch_rows"]),
                    allow_partial=options["allow_partial"],
                    warn=lambda message: self.stderr.write(
                        f"{options['file']}: warning: {message}"
                    ),
                )
            except (ArchiveError, NotEmpty) as error:
                if show:
                    progress.close()
                raise CommandError(f"{options['file']}: {error} {UNCHANGED}") from None
        if show:
            progress.close()
        verb = (
            "Checked (dry run, nothing written)" if options["dry_run"] else "Imported"
        )
        self.stdout.write(self.style.SUCCESS(counts.summary(verb)))

    def open(self, name: str, stack: ExitStack):
        """The file's lines as bytes, and its size when known (for the progress bar)."""
        if name == "-":
            return sys.stdin.buffer, None
        try:
            handle = stack.enter_context(open(name, "rb"))  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"{name}: {error.strerror}") from None
        return handle, os.fstat(handle.fileno()).st_size
