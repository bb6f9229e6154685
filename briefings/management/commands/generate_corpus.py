"""``manage.py generate_corpus --articles N [--seed S] [--output FILE]``: write a
synthetic archive for benchmarks and demos.

The same ``--articles`` and ``--seed`` always give the same bytes; ``import_archive``
loads them into an empty database. What the corpus holds is in docs/corpus.md (it has
no source texts). Without ``--output`` the corpus goes to standard output and the
summary to standard error; progress goes to standard error every 10,000 articles.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from briefings.corpus.generate import Summary, write_corpus

WRITE_BUFFER = 1 << 20


class Command(BaseCommand):
    help = "Write a deterministic synthetic archive (JSON Lines) of N articles."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--articles", type=int, required=True, help="how many articles (N >= 1)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="the corpus's seed (default 1)"
        )
        parser.add_argument(
            "--output", "-o", help="file to write (default: standard output)"
        )

    def handle(self, *args, **options) -> None:
        articles, seed = options["articles"], options["seed"]
        if articles < 1:
            raise CommandError(f"--articles must be at least 1, not {articles}")
        show = options["verbosity"] > 0
        progress = self.report_progress(articles) if show else None
        if options["output"]:
            summary = write_file(Path(options["output"]), articles, seed, progress)
            report = self.stdout
        else:
            summary = write_stdout(articles, seed, progress)
            report = self.stderr
        if show:
            report.write(summary.line())

    def report_progress(self, total: int):
        def report(summary: Summary) -> None:
            self.stderr.write(
                f"{summary.articles:,} of {total:,} articles "
                f"({summary.seconds:.1f} s, {summary.bytes:,} bytes)"
            )

        return report


def write_stdout(articles: int, seed: int, progress) -> Summary:
    """Write to standard output's bytes (UTF-8 whatever the locale says)."""
    sys.stdout.flush()
    out = sys.stdout.buffer
    summary = write_corpus(out, articles, seed, progress)
    out.flush()
    return summary


def write_file(path: Path, articles: int, seed: int, progress) -> Summary:
    """Write to a temporary file beside ``path``, then rename: never half a file."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise CommandError(f"{path}: no such folder {folder}")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
    except OSError as error:
        raise CommandError(
            f"{path}: cannot write in {folder}: {error.strerror}"
        ) from None
    try:
        with os.fdopen(handle, "wb", buffering=WRITE_BUFFER) as out:
            summary = write_corpus(out, articles, seed, progress)
        os.chmod(temporary, 0o644)  # synthetic data: nothing private in it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return summary
