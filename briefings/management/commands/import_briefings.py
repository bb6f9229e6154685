"""``manage.py import_briefings [PATH ...]``: import briefing texts (default: seeds/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from briefings.dump import Progress
from briefings.importers.decode import SourceError
from briefings.importers.inputs import SUFFIXES, read_input
from briefings.importers.report import file_report, totals
from briefings.importers.run import import_source
from briefings.search import update_statistics

SOURCE_SUFFIXES = SUFFIXES  # text, web pages, PDFs, e-mails, mailboxes
PROGRESS_THRESHOLD = 10  # files; fewer than this need no progress bar


def source_files(paths: list[str]) -> list[Path]:
    """Files named, and the text files inside folders named, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SOURCE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            files.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return files


class Command(BaseCommand):
    help = "Import briefings (text, web pages, PDFs, e-mails, mailboxes) into the archive (files or folders; default seeds/)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths", nargs="*", help="files or folders (default: seeds/)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and report, write nothing"
        )
        parser.add_argument(
            "--json", action="store_true", help="print the machine-readable report"
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.IMPORT_MAX_BYTES,
            help="largest file accepted (default: %(default)s bytes)",
        )

    def handle(self, *args, **options) -> None:
        paths = options["paths"] or [str(Path(settings.BASE_DIR) / "seeds")]
        files = source_files(paths)
        show_progress = not options["json"] and len(files) >= PROGRESS_THRESHOLD
        progress = Progress(sys.stderr if show_progress else None, len(files), "files")
        entries = []
        for number, path in enumerate(files, start=1):
            entries += self.import_file(path, options)
            progress.update(number, number, force=number == len(files))
        progress.close()
        report = {"files": entries, "totals": totals(entries)}
        if report["totals"]["created"] or report["totals"]["updated"]:
            update_statistics()
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.print_summary(report, dry_run=options["dry_run"])
        if report["totals"]["failed"]:
            raise CommandError(
                f"{report['totals']['failed']} file(s) failed", returncode=1
            )

    def import_file(self, path: Path, options: dict) -> list[dict]:
        """Import each briefing in one file (a mailbox holds several), each in its
        own transaction; a failure leaves the data as it was."""
        try:
            sources = read_input(path, options["max_bytes"])
        except SourceError as error:
            return [self.failed(path, str(error))]
        except OSError as error:
            return [self.failed(path, f"cannot read: {error.strerror}")]
        except Exception as error:  # a reader bug must not stop the other files
            return [self.failed(path, f"unreadable: {type(error).__name__}: {error}")]
        entries = []
        for source in sources:
            path_label = str(path.parent / source.name)
            entry = import_source(source, dry_run=options["dry_run"], path=path_label)
            if entry["status"] == "failed":
                self.stderr.write(f"error: {entry['path']}: {entry['error']}")
            entries.append(entry)
        return entries

    def failed(self, path: Path, reason: str) -> dict:
        self.stderr.write(f"error: {path}: {reason}")
        return file_report(str(path), "failed", error=reason)

    def print_summary(self, report: dict, *, dry_run: bool) -> None:
        for entry in report["files"]:
            briefing = entry["briefing"]
            label = (briefing or {}).get("publication") or entry["format"] or "-"
            articles = len(briefing["articles"]) if briefing else 0
            self.stdout.write(
                f"{entry['status']:<9}  {entry['path']}  "
                f"[{label}; {articles} articles; {len(entry['warnings'])} warnings]"
            )
            for warning in entry["warnings"]:
                self.stdout.write(f"           warning: {warning}")
        counts = report["totals"]
        heading = "Dry run (nothing written)" if dry_run else "Import summary"
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(heading))
        rows = [
            ("files", counts["files"]),
            ("created", counts["created"]),
            ("updated", counts["updated"]),
            ("unchanged", counts["unchanged"]),
            ("failed", counts["failed"]),
            ("articles", counts["articles"]),
            ("claims", counts["claims"]),
            ("warnings", counts["warnings"]),
        ]
        for name, value in rows:
            self.stdout.write(f"  {name:<10} {value:>6}")
