"""``manage.py import_briefings [PATH ...]``: import briefing texts (default: seeds/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from briefings.dump import Progress
from briefings.importers.decode import SourceError
from briefings.importers.inputs import read_input
from briefings.importers.report import file_report, totals
from briefings.importers.run import import_source
from briefings.importers.sources import Candidate, NoSuchPath, find_sources
from briefings.search import update_statistics

PROGRESS_THRESHOLD = 10  # files; fewer than this need no progress bar


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
        parser.add_argument(
            "--follow-symlinks",
            action="store_true",
            help="import what symbolic links inside folders point to (default: skip)",
        )

    def handle(self, *args, **options) -> None:
        paths = options["paths"] or [str(Path(settings.BASE_DIR) / "seeds")]
        try:
            found = find_sources(paths, follow_symlinks=options["follow_symlinks"])
        except NoSuchPath as error:
            raise CommandError(str(error)) from None
        show_progress = not options["json"] and len(found) >= PROGRESS_THRESHOLD
        progress = Progress(sys.stderr if show_progress else None, len(found), "files")
        entries = []
        for number, candidate in enumerate(found, start=1):
            entries += self.import_candidate(candidate, options)
            progress.update(number, number, force=number == len(found))
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

    def import_candidate(self, candidate: Candidate, options: dict) -> list[dict]:
        if candidate.status == "skipped":
            self.stderr.write(f"skipped: {candidate.path}: {candidate.reason}")
            return [file_report(str(candidate.path), "skipped", error=candidate.reason)]
        if candidate.status:
            return [self.failed(candidate.path, candidate.reason)]
        return self.import_file(candidate.path, options, follow=candidate.follow)

    def import_file(self, path: Path, options: dict, *, follow: bool) -> list[dict]:
        """Import each briefing in one file (a mailbox holds several), each in its
        own transaction; a failure leaves the data as it was."""
        try:
            sources = read_input(path, options["max_bytes"], follow_symlinks=follow)
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
            ("skipped", counts["skipped"]),
            ("articles", counts["articles"]),
            ("claims", counts["claims"]),
            ("warnings", counts["warnings"]),
        ]
        for name, value in rows:
            self.stdout.write(f"  {name:<10} {value:>6}")
